package vn.archive.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracking keeps what it has worked out between questions (a directive's resolved units and graph text, each index
 * segment's documents a clearance may not see, the graph's kept views): one tracker, one graph and one search asked
 * again and again see every change at once: a response imported, the directive's recipients or text corrected, a document
 * classified, an archivist's mark.
 */
class TrackerKeptAnswersTest {
    private static final LocalDate DATE = LocalDate.of(2020, 7, 9);

    @TempDir
    Path temp;

    private static SourceInfo source(String id) {
        return new SourceInfo(id + ".txt", id + "0".repeat(60), "text/plain", false, 10, List.of());
    }

    private static final String TEXT = "Xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày "
            + DATE.plusDays(30) + ".";

    /** Gia Lai's provincial plan, addressed to a class of bodies, reports due 30 days on. */
    private static ArchivedDocument plan(String recipients, String classification) {
        return plan(recipients, classification, TEXT);
    }

    private static ArchivedDocument plan(String recipients, String classification, String text) {
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("7-KH/TU").date(DATE)
                .issuer("Ban Thường vụ Tỉnh ủy Gia Lai").level("tỉnh").sector("party").recipients(List.of(recipients))
                .classification(classification).deadlines(List.of(DATE.plusDays(30))).build();
        return new ArchivedDocument("plan", m, source("plan"), text, List.of());
    }

    /** A district's plan implementing the provincial one, issued by the unit's own name. */
    private static ArchivedDocument response(String id, String issuer, LocalDate date) {
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("12-KH/HU").date(date).issuer(issuer)
                .parentIssuer("Tỉnh ủy Gia Lai").level("huyện").sector("party").references(List.of(new Reference(
                        "Kế hoạch", "7-KH/TU", DATE, "Ban Thường vụ Tỉnh ủy Gia Lai", Relation.IMPLEMENTS,
                        "thực hiện Kế hoạch số 7-KH/TU", 0, 1))).build();
        return new ArchivedDocument(id, m, source(id), "Thực hiện Kế hoạch số 7-KH/TU của Ban Thường vụ Tỉnh ủy.",
                List.of());
    }

    @Test
    void a_tracker_asked_again_sees_a_new_response_a_corrected_directive_a_classification_and_a_mark() throws Exception {
        try (Archive archive = Archive.open(temp)) {
            LuceneIndex index = archive.index();
            ReferenceGraph graph = archive.graph();
            LuceneSearchService all = archive.all();
            SearchService unclassified = archive.unclassified();
            TrackingMarks marks = archive.marks();
            Tracker tracker = archive.tracker();

            Tracking first = tracker.trackDirective("plan", graph, all).orElseThrow();
            assertTrue(first.counts().expected() > 5, "Gia Lai's districts of 2020: " + first.expected());
            assertEquals(first.counts().expected(), first.counts().overdue(), "no one has answered yet");
            assertEquals(first, tracker.trackDirective("plan", graph, all).orElseThrow(), "asked again: the same answer");
            assertEquals(first, tracker.trackDirective("plan", graph, unclassified).orElseThrow(),
                    "an unclassified plan: every reader sees it");

            // a district answers: the same tracker, graph and search count it
            Tracking.Expected answering = first.expected().get(0);
            index.upsert(response("answer", answering.unit(), DATE.plusDays(10)));
            index.commit();
            Tracking answered = tracker.trackDirective("plan", graph, all).orElseThrow();
            assertEquals(Tracking.RESPONDED, status(answered, answering.place()), answered.expected().toString());
            assertEquals(1, answered.counts().responded());
            assertEquals(first.counts().overdue() - 1, answered.counts().overdue());

            // the recipients corrected to the people's committees: the State units are expected instead
            index.upsert(plan("UBND các huyện, thị xã, thành phố", null));
            index.commit();
            Tracking corrected = tracker.trackDirective("plan", graph, all).orElseThrow();
            assertTrue(corrected.expected().stream().allMatch(e -> e.unit().startsWith("UBND ")), corrected.expected().toString());
            assertNotEquals(first.expected().stream().map(Tracking.Expected::unit).toList(),
                    corrected.expected().stream().map(Tracking.Expected::unit).toList());
            assertEquals(0, corrected.counts().responded(), "a Party body's plan answers no people's committee");

            // its text re-imported with a yearly report date: the deadline read from the text moves to it
            index.upsert(plan("UBND các huyện, thị xã, thành phố", null, TEXT + " Định kỳ báo cáo kết quả trước ngày"
                    + " 15/7 hằng năm."));
            index.commit();
            assertEquals(DATE.plusDays(30), corrected.deadline());
            assertEquals(LocalDate.of(2020, 7, 15), tracker.trackDirective("plan", graph, all).orElseThrow().deadline());

            // the plan classified: the unclassified reader, who saw it a moment ago, no longer does
            index.upsert(plan("UBND các huyện, thị xã, thành phố", "Mật"));
            index.commit();
            assertEquals(corrected.counts(), tracker.trackDirective("plan", graph, all).orElseThrow().counts());
            Tracking hidden = tracker.trackDirective("plan", graph, unclassified).orElseThrow();
            assertNull(hidden.document(), "a classified directive is not tracked for a reader who may not see it");
            assertEquals(0, hidden.counts().expected());
            assertEquals(Tracking.OVERDUE, status(corrected, corrected.expected().get(0).place()));

            // an archivist exempts a unit
            String place = corrected.expected().get(0).place();
            marks.recordForDirective("plan", place, "exempted", "", null, "luutru", Instant.parse("2026-01-02T00:00:00Z"));
            Tracking marked = tracker.trackDirective("plan", graph, all).orElseThrow();
            assertEquals(Tracking.EXEMPTED, status(marked, place));
            assertEquals(corrected.counts().expected() - 1, marked.counts().expected());
        }
    }

    /** A district's plan implementing the provincial one, classified. */
    private static ArchivedDocument classifiedResponse(String id, String issuer, LocalDate date) {
        ArchivedDocument open = response(id, issuer, date);
        DocumentMetadata m = open.metadata().toBuilder().classification("Mật").build();
        return new ArchivedDocument(id, m, open.source(), open.text(), List.of());
    }

    @Test
    void what_a_tracker_keeps_of_a_directive_serves_readers_of_every_clearance_and_never_hides_a_new_mark()
            throws Exception {
        try (Archive archive = Archive.open(temp)) {
            Tracking.Expected unit = archive.trackedCleared().expected().get(0);
            String place = unit.place();

            // a classified district plan answers: counted for the cleared reader, not for the other, asked in turn
            archive.index().upsert(classifiedResponse("secret-answer", unit.unit(), DATE.plusDays(40)));
            archive.index().commit();
            for (int round = 0; round < 2; round++) {
                Tracking cleared = archive.trackedCleared();
                assertEquals(Tracking.LATE, status(cleared, place), "round " + round + ": " + cleared.expected());
                assertEquals(1, cleared.counts().late());
                Tracking reader = archive.trackedUnclassified();
                assertEquals(Tracking.OVERDUE, status(reader, place), "round " + round + ": " + reader.expected());
                assertEquals(0, reader.counts().answered());
                assertTrue(reader.expected().stream().allMatch(e -> e.responses().isEmpty()), reader.toString());
                assertEquals(cleared.counts().expected(), reader.counts().expected(), "the same units for both");
            }

            // the unit's deadline extended on the number's tracking: its late plan is now on time, at once
            archive.marks().record("7-KH/TU", place, "extended", "", DATE.plusDays(60), "luutru",
                    Instant.parse("2026-01-02T00:00:00Z"));
            Tracking extended = archive.trackedCleared();
            assertEquals(Tracking.RESPONDED, status(extended, place), extended.expected().toString());
            assertEquals(DATE.plusDays(60), mark(extended, place).until());
            // for the reader who may not see the plan, the unit carries the same mark and is overdue (the new
            // deadline has passed too)
            Tracking reader = archive.trackedUnclassified();
            assertEquals(Tracking.OVERDUE, status(reader, place), reader.expected().toString());
            assertEquals(DATE.plusDays(60), mark(reader, place).until());

            // a later mark on the directive's own tracking wins over the number's
            archive.marks().recordForDirective("plan", place, "paper", "Công văn giấy", null, "luutru",
                    Instant.parse("2026-01-03T00:00:00Z"));
            Tracking paper = archive.trackedUnclassified();
            assertEquals(Tracking.RESPONDED, status(paper, place), paper.expected().toString());
            assertEquals("paper", mark(paper, place).kind());
        }
    }

    /**
     * Gia Lai's plan in a fresh index, with the graph, searches, marks and tracker the portal would ask: one of each
     * for the whole test, so that whatever they keep is asked again.
     */
    private record Archive(LuceneIndex index, ReferenceGraph graph, LuceneSearchService all,
                           SearchService unclassified, TrackingMarks marks, Tracker tracker) implements AutoCloseable {
        static Archive open(Path temp) throws Exception {
            LuceneIndex index = LuceneIndex.open(temp.resolve("index"));
            index.upsert(plan("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy", null));
            index.commit();
            LuceneSearchService all = new LuceneSearchService(index);
            TrackingMarks marks = new TrackingMarks(temp.resolve("tracking-marks.tsv"));
            return new Archive(index, SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index),
                    Dictionaries.builtIn()), all, all.restrictedTo(Clearance.NONE), marks,
                    new Tracker(AdminUnits.load(null), Clock.systemUTC(), marks));
        }

        /** The plan's tracking as a reader cleared for everything sees it. */
        Tracking trackedCleared() throws Exception {
            return tracker.trackDirective("plan", graph, all).orElseThrow();
        }

        /** The plan's tracking as the portal gives it a reader cleared for nothing (their graph, their search). */
        Tracking trackedUnclassified() throws Exception {
            return tracker.trackDirective("plan", new ClearedReferenceGraph(graph, unclassified), unclassified)
                    .orElseThrow();
        }

        @Override
        public void close() throws Exception {
            index.close();
        }
    }

    private static TrackingMarks.Mark mark(Tracking t, String place) {
        return t.expected().stream().filter(e -> e.place().equals(place)).findFirst().orElseThrow().mark();
    }

    private static String status(Tracking t, String place) {
        return t.expected().stream().filter(e -> e.place().equals(place)).findFirst().orElseThrow().status();
    }
}
