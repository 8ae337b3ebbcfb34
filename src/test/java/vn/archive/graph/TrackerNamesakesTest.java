package vn.archive.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.search.LuceneSearchService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One number borne by two provinces' plans (1-KH/TU restarts in every province): tracking the number answers, never
 * fails; tracking each directive by its id follows it with its own province's units.
 */
class TrackerNamesakesTest {
    @TempDir
    Path temp;

    private static ArchivedDocument plan(String id, String province, LocalDate date) {
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("1-KH/TU").date(date)
                .issuer("Ban Thường vụ Tỉnh ủy " + province).level("tỉnh").sector("party")
                .deadlines(List.of(date.plusDays(30))).build();
        return new ArchivedDocument(id, m, new SourceInfo(id + ".txt", id + "0".repeat(60), "text/plain", false, 10,
                List.of()), "Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện, báo cáo kết quả về Ban Thường vụ Tỉnh ủy"
                + " trước ngày " + date.plusDays(30) + ".", List.of());
    }

    @Test
    void the_tracking_of_a_number_two_provinces_bear_has_no_directive_and_no_expected_unit() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(temp.resolve("index"))) {
            index.upsert(plan("gia-lai", "Gia Lai", LocalDate.of(2020, 7, 9)));
            index.upsert(plan("vinh-phuc", "Vĩnh Phúc", LocalDate.of(2014, 1, 5)));
            index.commit();
            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            Tracking t = new Tracker(AdminUnits.load(null), Clock.systemUTC())
                    .track("1-KH/TU", graph, new LuceneSearchService(index)).orElseThrow();
            assertNull(t.document(), "two namesakes: no one directive to track");
            assertEquals(0, t.counts().expected());
            assertEquals(List.of(), t.unexpected(), "a namesake is no response");
        }
    }

    /** The plan with its Kính gửi line, as the overdue view requires. */
    private static ArchivedDocument addressed(ArchivedDocument d) {
        return new ArchivedDocument(d.id(), d.metadata().toBuilder().recipients(List.of("Các huyện ủy, thành ủy trực thuộc"
                + " Tỉnh ủy")).build(), d.source(), d.text(), d.notes());
    }

    /** An index of the two provinces' 1-KH/TU, each addressed to its districts. */
    private LuceneIndex addressedNamesakes() throws java.io.IOException {
        LuceneIndex index = LuceneIndex.open(temp.resolve("index"));
        index.upsert(addressed(plan("gia-lai", "Gia Lai", LocalDate.of(2020, 7, 9))));
        index.upsert(addressed(plan("vinh-phuc", "Vĩnh Phúc", LocalDate.of(2014, 1, 5))));
        index.commit();
        return index;
    }

    @Test
    void each_namesake_is_tracked_by_its_id_with_its_own_provinces_units_and_the_overdue_view_lists_both() throws Exception {
        try (LuceneIndex index = addressedNamesakes()) {
            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            LuceneSearchService search = new LuceneSearchService(index);
            Tracker tracker = new Tracker(AdminUnits.load(null), Clock.systemUTC());
            Tracking gialai = tracker.trackDirective("gia-lai", graph, search).orElseThrow();
            assertEquals("gia-lai", gialai.document().id());
            assertEquals(LocalDate.of(2020, 8, 8), gialai.deadline());
            assertTrue(gialai.counts().expected() > 5, "Gia Lai's districts of 2020: " + gialai.expected());
            assertTrue(gialai.expected().stream().allMatch(e -> e.status().equals(Tracking.OVERDUE)));
            Tracking vinhphuc = tracker.trackDirective("vinh-phuc", graph, search).orElseThrow();
            assertTrue(vinhphuc.expected().stream().noneMatch(e -> gialai.expected().stream()
                    .anyMatch(g -> g.place().equals(e.place()))), "another province's districts");
            assertTrue(tracker.trackDirective("no-such-id", graph, search).isEmpty());
            List<Tracking> overdue = tracker.overdue(vn.archive.search.SearchRequest.of(""), graph, search);
            assertEquals(List.of("gia-lai", "vinh-phuc"), overdue.stream().map(t -> t.document().id()).toList(),
                    "both namesakes, newest deadline first");
            assertEquals(overdue.stream().map(Tracking::counts).toList(), tracker.overdueByScan(
                    vn.archive.search.SearchRequest.of(""), graph, search).stream().map(Tracking::counts).toList());
        }
    }

    @Test
    void a_mark_made_on_one_namesakes_own_tracking_is_that_directives_and_a_marks_file_keeps_it() throws Exception {
        try (LuceneIndex index = addressedNamesakes()) {
            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            LuceneSearchService search = new LuceneSearchService(index);
            Path file = temp.resolve("tracking-marks.tsv");
            TrackingMarks marks = new TrackingMarks(file);
            Tracker tracker = new Tracker(AdminUnits.load(null), Clock.systemUTC(), marks);
            String place = tracker.trackDirective("gia-lai", graph, search).orElseThrow().expected().get(0).place();
            marks.recordForDirective("gia-lai", place, "exempted", "", null, "luutru", java.time.Instant.parse("2026-01-02T00:00:00Z"));
            Tracking gialai = tracker.trackDirective("gia-lai", graph, search).orElseThrow();
            assertEquals(Tracking.EXEMPTED, status(gialai, place));
            assertEquals(gialai.expected().size() - 1, gialai.counts().expected(), "an exempted unit is not counted");
            // a mark on the shared number reaches both namesakes; the later of the two wins for the marked unit
            marks.record("1-KH/TU", place, "paper", "giấy", null, "luutru", java.time.Instant.parse("2026-01-03T00:00:00Z"));
            assertEquals(Tracking.RESPONDED, status(tracker.trackDirective("gia-lai", graph, search).orElseThrow(), place));
            marks.recordForDirective("gia-lai", place, "exempted", "", null, "luutru", java.time.Instant.parse("2026-01-04T00:00:00Z"));
            Tracker reread = new Tracker(AdminUnits.load(null), Clock.systemUTC(), new TrackingMarks(file));
            assertEquals(Tracking.EXEMPTED, status(reread.trackDirective("gia-lai", graph, search).orElseThrow(), place),
                    "read back from the file");
            assertTrue(reread.trackDirective("vinh-phuc", graph, search).orElseThrow().expected().stream()
                    .noneMatch(e -> e.status().equals(Tracking.EXEMPTED)), "the other namesake's units are not exempted");
        }
    }

    private static String status(Tracking t, String place) {
        return t.expected().stream().filter(e -> e.place().equals(place)).findFirst().orElseThrow().status();
    }
}
