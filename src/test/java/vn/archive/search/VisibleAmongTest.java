package vn.archive.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.model.Withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ids a clearance may see among a few: each segment's hidden documents are found once and kept while the
 * segment lives, so what is asked again after a classification, a withdrawal or a declassification answers anew;
 * a view tells the same from a document's metadata.
 */
class VisibleAmongTest {
    private static ArchivedDocument doc(String id, String classification, Withdrawal withdrawn) {
        DocumentMetadata m = DocumentMetadata.builder().kind("Công văn").number(id + "-CV/HU")
                .issuer("Huyện ủy Đơn Dương").classification(classification).withdrawn(withdrawn).build();
        return new ArchivedDocument(id, m, new SourceInfo(id + ".txt", id + "0".repeat(60), "text/plain", false, 10,
                List.of()), "Công văn số " + id + " về công tác dân vận", List.of());
    }

    @Test
    void each_clearance_sees_its_own_level_and_below_and_a_change_is_seen_when_asked_again() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            index.upsert(doc("open", null, null));
            index.upsert(doc("secret", "Mật", null));
            index.upsert(doc("top", "Tối mật", null));
            index.commit();
            LuceneSearchService all = new LuceneSearchService(index);
            List<String> asked = List.of("open", "secret", "top", "unknown");
            assertEquals(Set.of("open"), all.restrictedTo(Clearance.NONE).visibleAmong(asked));
            assertEquals(Set.of("open", "secret"), all.restrictedTo(Clearance.MAT).visibleAmong(asked));
            assertEquals(Set.of("open", "secret", "top"), all.visibleAmong(asked));
            assertEquals(Set.of(), all.visibleAmong(List.of("unknown")));

            // a second segment: "open" classified, "secret" withdrawn, "top" declassified
            index.upsert(doc("open", "Tuyệt mật", null));
            index.upsert(doc("secret", "Mật", new Withdrawal("nhập nhầm", "luutru", Instant.parse("2026-01-02T00:00:00Z"))));
            index.upsert(doc("top", null, null));
            index.upsert(doc("new", null, null));
            index.commit();
            assertEquals(Set.of("top", "new"), all.restrictedTo(Clearance.MAT).visibleAmong(List.of("open", "secret", "top", "new")));
            assertEquals(Set.of("open", "top", "new"), all.visibleAmong(List.of("open", "secret", "top", "new")),
                    "a withdrawn document is hidden even from the highest clearance");
            // what a view tells from a document's metadata alone (tracking's check of the directive it has read)
            for (Clearance c : Clearance.values()) {
                SearchService view = all.restrictedTo(c);
                for (ArchivedDocument d : List.of(doc("open", "Tuyệt mật", null), doc("secret", "Mật", new Withdrawal(
                        "nhập nhầm", "luutru", Instant.parse("2026-01-02T00:00:00Z"))), doc("top", null, null))) {
                    assertEquals(view.visibleAmong(List.of(d.id())).contains(d.id()), view.surelyVisible(d.metadata()),
                            c + " " + d.id());
                }
            }
        }
    }

    /**
     * Issue 18: ids are sought in the largest segments first and no longer once found visible; an id whose live
     * document moved to a small newer segment (an update leaves a deleted copy in the large one), one made secret
     * there, and one the index never held answer as a query with the clearance clause answers for each id alone.
     */
    @Test
    void ids_across_large_and_small_segments_answer_as_one_query_per_id_does() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add("d" + i);
                index.upsert(doc("d" + i, i % 17 == 0 ? "Mật" : null, null));
            }
            index.commit();
            for (int i = 0; i < 300; i += 7) {
                index.upsert(doc("d" + i, i % 2 == 0 ? "Tuyệt mật" : null, null)); // moved to a small segment
            }
            index.commit();
            for (int i = 0; i < 10; i++) {
                index.upsert(doc("n" + i, null, null));
                ids.add("n" + i);
            }
            index.commit();
            ids.add("never");
            LuceneSearchService all = new LuceneSearchService(index);
            var searcher = index.searchers().acquire();
            try {
                org.junit.jupiter.api.Assertions.assertTrue(searcher.getIndexReader().leaves().size() >= 2,
                        "several segments");
                for (Clearance c : Clearance.values()) {
                    Set<String> expected = new java.util.HashSet<>();
                    for (String id : ids) {
                        var one = new org.apache.lucene.search.BooleanQuery.Builder()
                                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(
                                        vn.archive.index.Fields.ID, id)), org.apache.lucene.search.BooleanClause.Occur.MUST)
                                .add(org.apache.lucene.document.IntPoint.newRangeQuery(vn.archive.index.Fields.CLEARANCE,
                                        c.ordinal() + 1, Integer.MAX_VALUE), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                                .build();
                        if (searcher.count(one) > 0) {
                            expected.add(id);
                        }
                    }
                    assertEquals(expected, all.restrictedTo(c).visibleAmong(ids), c.name());
                    org.junit.jupiter.api.Assertions.assertTrue(expected.size() > 250 || c == Clearance.NONE,
                            "most ids visible to " + c + ": " + expected.size());
                }
            } finally {
                index.searchers().release(searcher);
            }
        }
    }
}
