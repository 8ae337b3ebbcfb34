package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.PartyTerms;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Party numbers restart each term: two 13-NQ/HU of Đơn Dương from the 2015–2020 and 2020–2025 terms resolve by the
 * cited date, or without one by the citing document's term and then the previous one; duplicates count per term.
 */
class PartyNumberingTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();

    private static ReferenceSnapshot.Entry doc(String id, String number, LocalDate date, Reference... refs) {
        DocumentMetadata m = DocumentMetadata.builder().kind("Nghị quyết").number(number).date(date)
                .issuer("Huyện ủy Đơn Dương").parentIssuer("Đảng bộ tỉnh Lâm Đồng").place("Đơn Dương")
                .references(List.of(refs)).build();
        return ReferenceSnapshot.entry(id, m, () -> "", DICT);
    }

    private static Reference cites(LocalDate date) {
        return new Reference("Nghị quyết", "13-NQ/HU", date, null, Relation.IMPLEMENTS,
                "Nghị quyết số 13-NQ/HU" + (date == null ? "" : " ngày " + date), 0, 1);
    }

    private static final LocalDate TERM_2015 = LocalDate.of(2016, 3, 10);
    private static final LocalDate TERM_2020 = LocalDate.of(2021, 5, 20);

    private static ReferenceSnapshot snapshot(ReferenceSnapshot.Entry... more) {
        List<ReferenceSnapshot.Entry> docs = new java.util.ArrayList<>(List.of(
                doc("nq13-2016", "13-NQ/HU", TERM_2015), doc("nq13-2021", "13-NQ/HU", TERM_2020)));
        docs.addAll(List.of(more));
        return ReferenceSnapshot.of(docs, DICT);
    }

    @Test
    void the_terms_table_gives_each_level_its_terms_and_the_one_before() {
        PartyTerms terms = PartyTerms.load(null);
        PartyTerms.Term t = terms.termOf("huyện", "Huyện ủy Đơn Dương", LocalDate.of(2020, 9, 15)).orElseThrow();
        assertEquals("2020–2025", t.name());
        assertEquals("2015–2020", terms.previous(t).orElseThrow().name());
        assertEquals("XII", terms.termOf(null, null, LocalDate.of(2018, 1, 1)).orElseThrow().name(), "central by default");
    }

    @Test
    void a_cited_date_picks_the_document_of_its_term() {
        ReferenceSnapshot s = snapshot(doc("plan-a", "20-KH/HU", LocalDate.of(2021, 8, 1), cites(TERM_2015)),
                doc("plan-b", "21-KH/HU", LocalDate.of(2021, 8, 1), cites(TERM_2020)));
        assertEquals("nq13-2016", s.outgoing("plan-a").get(0).targetId());
        assertEquals("nq13-2021", s.outgoing("plan-b").get(0).targetId());
    }

    @Test
    void without_a_date_early_in_a_term_the_previous_terms_document_is_meant() {
        ReferenceSnapshot s = snapshot(doc("early", "2-KH/HU", LocalDate.of(2020, 9, 15), cites(null)),
                doc("later", "30-KH/HU", LocalDate.of(2022, 1, 10), cites(null)));
        assertEquals("nq13-2016", s.outgoing("early").get(0).targetId(),
                "the 2021 resolution did not exist yet; the term before holds the cited one");
        assertEquals("nq13-2021", s.outgoing("later").get(0).targetId(), "the citing document's own term first");
    }

    @Test
    void one_number_in_two_terms_is_no_duplicate_but_twice_in_one_term_is() {
        ReferenceSnapshot two = snapshot();
        assertTrue(two.warnings("nq13-2016").stream().noneMatch(w -> w.startsWith("Trùng số")), two.warnings("nq13-2016").toString());
        ReferenceSnapshot three = snapshot(doc("nq13-2018", "13-NQ/HU", LocalDate.of(2018, 6, 1)));
        List<String> w = three.warnings("nq13-2016");
        assertTrue(w.stream().anyMatch(x -> x.startsWith("Trùng số") && x.contains("nq13-2018")
                && x.contains("nhiệm kỳ 2015–2020")), w.toString());
        assertTrue(w.stream().noneMatch(x -> x.contains("nq13-2021")), "the other term's 13-NQ/HU is not named");
        ReferenceSnapshot noDate = snapshot(doc("undated", "3-KH/HU", null, cites(null)));
        assertNull(noDate.outgoing("undated").get(0).targetId(), "no date, no term: still ambiguous, not guessed");
    }
}
