package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A citation dated after the citing document is warned about once, by the stated date or the archive's. */
class LaterDatedWarningTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();
    private static final LocalDate TW_DATE = LocalDate.of(2023, 6, 3);

    private static ReferenceSnapshot.Entry plan(LocalDate stated) {
        Reference r = new Reference("Nghị quyết", "25-NQ/TW", stated, null, Relation.IMPLEMENTS,
                "Thực hiện Nghị quyết số 25-NQ/TW", 0, 30);
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("3-KH/TU").date(LocalDate.of(2020, 1, 2))
                .issuer("Tỉnh ủy Lâm Đồng").references(List.of(r)).build();
        return ReferenceSnapshot.entry("plan", m, () -> "", DICT);
    }

    private static ReferenceSnapshot.Entry resolution() {
        DocumentMetadata m = DocumentMetadata.builder().kind("Nghị quyết").number("25-NQ/TW").date(TW_DATE)
                .issuer("Ban Chấp hành Trung ương").build();
        return ReferenceSnapshot.entry("tw25", m, () -> "", DICT);
    }

    private static List<String> warnings(ReferenceSnapshot.Entry plan, java.util.function.Predicate<String> visible) {
        return ReferenceSnapshot.of(List.of(plan, resolution()), DICT).warnings("plan", visible).stream()
                .filter(w -> w.contains("sau ngày")).toList();
    }

    @Test
    void a_stated_date_after_the_document_is_warned_once_even_when_the_archive_agrees() {
        List<String> w = warnings(plan(TW_DATE), id -> true);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("đề ngày 03/06/2023"), w.get(0));
    }

    @Test
    void the_archives_later_date_is_warned_when_the_citation_states_none() {
        List<String> w = warnings(plan(null), id -> true);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("có ngày ban hành 03/06/2023"), w.get(0));
    }

    @Test
    void a_cited_document_the_reader_may_not_see_gives_no_date_to_compare() {
        assertEquals(List.of(), warnings(plan(null), id -> !id.equals("tw25")));
        assertEquals(1, warnings(plan(TW_DATE), id -> !id.equals("tw25")).size(), "the stated date is the plan's own words");
    }

    @Test
    void the_Bao_Loc_letter_is_warned_once_that_it_cites_a_letter_dated_a_year_later() {
        DocumentMetadata m = new MetadataExtractor(DICT).extract(TestCorpus.read(TestCorpus.BAO_LOC));
        ReferenceSnapshot s = ReferenceSnapshot.of(List.of(ReferenceSnapshot.entry("bl", m, () -> "", DICT)), DICT);
        List<String> w = s.warnings("bl").stream().filter(x -> x.contains("352-CV/TU") && x.contains("13/04/2021")
                && x.contains("28/04/2020")).toList();
        assertEquals(1, w.size(), s.warnings("bl").toString());
        assertTrue(m.warnings().stream().noneMatch(x -> x.contains("13/04/2021")), "said by the graph only");
    }

    @Test
    void a_stated_date_and_a_different_archive_date_are_one_warning_naming_both_for_a_reader_who_sees_it() {
        List<String> w = warnings(plan(LocalDate.of(2023, 6, 1)), id -> true);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("đề ngày 01/06/2023") && w.get(0).contains("03/06/2023"), w.get(0));
        List<String> hidden = warnings(plan(LocalDate.of(2023, 6, 1)), id -> !id.equals("tw25"));
        assertEquals(1, hidden.size());
        assertTrue(!hidden.get(0).contains("03/06/2023"), "no date of a document the reader may not see: " + hidden);
    }
}
