package vn.archive.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InForceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static InForce.Citing citing(String id, Relation relation, LocalDate date) {
        return new InForce.Citing(id, "1/2020/QĐ-UBND", relation, date);
    }

    @Test
    void a_document_replaced_by_a_later_one_has_expired_and_names_it() {
        InForce s = InForce.of(LocalDate.of(2010, 1, 4), List.of(
                citing("b", Relation.BASED_ON, LocalDate.of(2012, 1, 1)),
                citing("r", Relation.REPLACES, LocalDate.of(2019, 4, 12))), TODAY);
        assertEquals(InForce.EXPIRED, s.status());
        assertEquals(List.of(new InForce.Change("r", "1/2020/QĐ-UBND", "replaces", LocalDate.of(2019, 4, 12))),
                s.changedBy(), "only the documents that change it are listed");
    }

    @Test
    void a_repealed_document_has_expired_and_an_amended_one_has_partly_expired() {
        assertEquals(InForce.EXPIRED, InForce.of(null, List.of(citing("x", Relation.REPEALS, null)), TODAY).status());
        assertEquals(InForce.PARTLY_EXPIRED,
                InForce.of(null, List.of(citing("x", Relation.AMENDS, LocalDate.of(2013, 5, 14))), TODAY).status());
    }

    @Test
    void without_changes_the_effect_clause_decides_and_no_clause_is_unknown() {
        assertEquals(InForce.NOT_YET, InForce.of(LocalDate.of(2027, 1, 1), List.of(), TODAY).status());
        assertEquals(InForce.IN_FORCE, InForce.of(LocalDate.of(2020, 1, 1), List.of(), TODAY).status());
        assertEquals(InForce.UNKNOWN, InForce.of(null, List.of(citing("m", Relation.MENTIONS, null)), TODAY).status());
    }

    @Test
    void a_replacement_dated_after_today_is_listed_but_does_not_end_the_document_yet() {
        InForce s = InForce.of(LocalDate.of(2020, 1, 1), List.of(citing("r", Relation.REPLACES, LocalDate.of(2027, 3, 1))), TODAY);
        assertEquals(InForce.IN_FORCE, s.status());
        assertEquals(1, s.changedBy().size());
    }
}
