package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.graph.ReferenceSnapshot;
import vn.archive.meta.Dictionaries;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shape of the graph's later-dated warning reads in English on an English page, its dates kept. */
class GraphWarningsInEnglishTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();

    /** The graph's warnings of a plan citing 25-NQ/TW (dated 03/06/2023 in the archive) with this stated date. */
    private static List<String> laterDated(LocalDate stated) {
        Reference r = new Reference("Nghị quyết", "25-NQ/TW", stated, null, Relation.IMPLEMENTS,
                "Thực hiện Nghị quyết số 25-NQ/TW", 0, 30);
        DocumentMetadata plan = DocumentMetadata.builder().kind("Kế hoạch").number("3-KH/TU")
                .date(LocalDate.of(2020, 1, 2)).issuer("Tỉnh ủy Lâm Đồng").references(List.of(r)).build();
        DocumentMetadata tw = DocumentMetadata.builder().kind("Nghị quyết").number("25-NQ/TW")
                .date(LocalDate.of(2023, 6, 3)).issuer("Ban Chấp hành Trung ương").build();
        ReferenceSnapshot s = ReferenceSnapshot.of(List.of(ReferenceSnapshot.entry("plan", plan, () -> "", DICT),
                ReferenceSnapshot.entry("tw25", tw, () -> "", DICT)), DICT);
        return s.warnings("plan").stream().filter(w -> w.contains("25-NQ/TW") && w.contains("2023")).toList();
    }

    private static void readsInEnglish(List<String> warnings, String... kept) {
        assertEquals(1, warnings.size(), warnings.toString());
        String en = Warnings.inLanguage(warnings.get(0), Locale.ENGLISH);
        assertFalse(en.contains("Văn bản được") || en.contains("ngày"), en);
        assertTrue(en.startsWith("The cited document ") && en.contains("25-NQ/TW"), en);
        for (String k : kept) {
            assertTrue(en.contains(k), k + " in " + en);
        }
    }

    @Test
    void a_stated_later_date_reads_in_english() {
        readsInEnglish(laterDated(LocalDate.of(2023, 6, 3)), "03/06/2023", "02/01/2020");
    }

    @Test
    void a_stated_date_that_differs_from_the_archives_reads_in_english_with_both_dates() {
        readsInEnglish(laterDated(LocalDate.of(2023, 6, 1)), "01/06/2023", "03/06/2023", "02/01/2020");
    }

    @Test
    void the_archives_later_date_reads_in_english_when_the_citation_states_none() {
        readsInEnglish(laterDated(null), "03/06/2023", "02/01/2020");
    }
}
