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

/** One number borne by two provinces' plans (1-KH/TU restarts in every province): tracking answers, never fails. */
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
}
