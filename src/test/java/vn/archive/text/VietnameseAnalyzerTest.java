package vn.archive.text;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VietnameseAnalyzerTest {
    private final Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
    private final Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);

    @Test
    void the_exact_field_keeps_tones_apart_and_unifies_spelling_variants() {
        MultiLocale.run(() -> {
            assertEquals(List.of("bán", "bạn", "ban", "thủy", "thủy", "kĩ", "kĩ", "quí", "quí", "hòa", "hòa", "y", "tế"),
                    terms(exact, "Bán BẠN ban Thuỷ THỦY kỹ KĨ quý Quí hoà HÒA Y tế"));
        });
    }

    @Test
    void the_folded_field_merges_all_diacritics() {
        MultiLocale.run(() -> assertEquals(List.of("ban", "ban", "ban", "thuy", "ki", "qui", "dang", "nd"),
                terms(folded, "Bán BẠN ban Thuỷ kỹ QUÝ Đảng NÐ")));
    }

    @Test
    void decomposed_text_look_alikes_and_odd_spaces_analyze_like_clean_text() {
        String clean = "Dân vận khéo Cộng hòa";
        String messy = Normalizer.normalize("Dân\u00A0vận\u200B khéo", Normalizer.Form.NFD) + " Сộng hòа";
        assertEquals(terms(exact, clean), terms(exact, messy));
        assertEquals(terms(folded, clean), terms(folded, messy));
    }

    @Test
    void normalize_applies_the_same_rules_as_indexing_for_prefix_and_wildcard_terms() {
        MultiLocale.run(() -> {
            assertEquals("thủy", exact.normalize("body_exact", "Thuỷ").utf8ToString());
            assertEquals("ki", folded.normalize("body", "KỸ").utf8ToString());
        });
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        return VietnameseAnalyzer.terms(analyzer, "body", text);
    }

}
