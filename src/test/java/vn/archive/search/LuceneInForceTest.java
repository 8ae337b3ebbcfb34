package vn.archive.search;

import org.junit.jupiter.api.Test;
import vn.archive.model.Clearance;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which documents the changes of the archive end or amend, as one viewer sees them on one day. */
class LuceneInForceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static final List<LuceneInForce.Change> CHANGES = List.of(
            new LuceneInForce.Change(Clearance.NONE, TODAY.plusDays(30), Relation.REPLACES, List.of("a")),
            new LuceneInForce.Change(Clearance.MAT, TODAY.minusYears(1), Relation.REPEALS, List.of("b")),
            new LuceneInForce.Change(Clearance.NONE, TODAY, Relation.AMENDS, List.of("b", "c")),
            new LuceneInForce.Change(Clearance.NONE, null, Relation.REPLACES, List.of("d")));

    @Test
    void a_change_dated_after_today_does_not_count_yet() {
        LuceneInForce.Changed changed = LuceneInForce.changed(CHANGES, c -> true, TODAY);
        assertEquals(Set.of("b", "d"), changed.ended());
        assertEquals(Set.of("c"), changed.amended(), "ended wins over amended");
        assertEquals(Set.of("a", "b", "d"), LuceneInForce.changed(CHANGES, c -> true, TODAY.plusDays(30)).ended());
    }

    @Test
    void a_change_the_viewer_may_not_see_does_not_count_for_that_viewer() {
        LuceneInForce.Changed changed = LuceneInForce.changed(CHANGES, c -> c == Clearance.NONE, TODAY);
        assertEquals(Set.of("d"), changed.ended());
        assertEquals(Set.of("b", "c"), changed.amended(), "only the public amendment of b is seen");
    }
}
