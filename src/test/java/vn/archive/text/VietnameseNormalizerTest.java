package vn.archive.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VietnameseNormalizerTest {
    @ParameterizedTest
    @CsvSource({"hoà,hòa", "Hòa,hòa", "thuỷ,thủy", "Thủy,thủy", "khoẻ,khỏe", "HOÀNG,hoàng", "thuyền,thuyền",
            "người,người", "quý,quý", "giữa,giữa", "của,của", "mía,mía", "ủy,ủy", "uỷ,ủy", "Quốc,quốc"})
    void tone_marks_take_one_canonical_place(String word, String canonical) {
        assertEquals(canonical, VietnameseNormalizer.canonicalWord(word));
    }

    @Test
    void decomposed_input_is_composed() {
        String decomposed = Normalizer.normalize("Dân vận khéo", Normalizer.Form.NFD);
        assertEquals("Dân vận khéo", VietnameseNormalizer.clean(decomposed));
    }

    @Test
    void odd_spaces_become_plain_and_invisible_characters_vanish() {
        assertEquals("Số 374 CV", VietnameseNormalizer.clean("Số\u00A0374\u200B\u3000CV\u00AD"));
    }

    @Test
    void folding_removes_diacritics_and_maps_d_stroke() {
        assertEquals("dang uy dan van kheo", VietnameseNormalizer.fold("Đảng ủy Dân vận khéo"));
    }

    @Test
    void case_rules_do_not_depend_on_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.forLanguageTag("tr"), Locale.forLanguageTag("vi"), Locale.ROOT}) {
                Locale.setDefault(l);
                assertEquals("ban chỉ đạo", String.join(" ", VietnameseNormalizer.canonicalWord("BAN"),
                        VietnameseNormalizer.canonicalWord("CHỈ"), VietnameseNormalizer.canonicalWord("ĐẠO")));
                assertEquals("i", VietnameseNormalizer.fold("I"));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void diacritics_are_detected() {
        assertTrue(VietnameseNormalizer.hasDiacritics("khéo"));
        assertFalse(VietnameseNormalizer.hasDiacritics("kheo"));
    }
}
