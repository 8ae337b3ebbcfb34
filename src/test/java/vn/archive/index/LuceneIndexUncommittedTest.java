package vn.archive.index;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer sees its own uncommitted writes (one place: {@link ArchiveIndex#latest}); readers see commits only, and,
 * past 2,000 uncommitted writes (a bulk load without commits), the writes the searcher was reopened on.
 */
class LuceneIndexUncommittedTest {
    private static final String SHA = "ab".repeat(32);

    @Test
    void an_uncommitted_write_is_seen_by_latest_and_by_hash_but_not_by_readers() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            ArchivedDocument doc = doc(List.of("first"));
            index.upsert(doc);
            assertEquals(Optional.empty(), index.get(doc.id()));
            assertEquals(List.of("first"), index.latest(doc.id()).orElseThrow().notes());
            assertEquals(Optional.of(doc.id()), index.idForSha256(SHA));
            assertEquals(0, index.count());
        }
    }

    @Test
    void a_second_uncommitted_write_of_one_document_wins_and_survives_its_commit() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            ArchivedDocument doc = doc(List.of("first"));
            index.upsert(doc);
            index.commit();
            index.upsert(doc(List.of("first", "second")));
            assertEquals(List.of("first"), index.get(doc.id()).orElseThrow().notes());
            assertEquals(List.of("first", "second"), index.latest(doc.id()).orElseThrow().notes());
            index.commit();
            assertEquals(List.of("first", "second"), index.get(doc.id()).orElseThrow().notes());
            assertEquals(List.of("first", "second"), index.latest(doc.id()).orElseThrow().notes());
            assertEquals(1, index.count());
        }
    }

    @Test
    void a_bulk_load_without_a_commit_keeps_every_write_seen_by_latest_but_not_every_document_in_memory() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            int n = 2_500;
            for (int i = 0; i < n; i++) {
                String sha = String.format(java.util.Locale.ROOT, "%08x", i) + "c".repeat(56);
                SourceInfo source = new SourceInfo("d" + i + ".txt", sha, "text/plain", false, 42, List.of("in/d" + i + ".txt"));
                index.upsert(new ArchivedDocument(ArchivedDocument.idFor(sha), doc(List.of()).metadata(), source,
                        "Văn bản " + i, List.of("n" + i)));
            }
            assertTrue(index.heldUncommitted() <= 2_000, "held in memory: " + index.heldUncommitted());
            for (int i = 0; i < n; i += 97) {
                String id = ArchivedDocument.idFor(String.format(java.util.Locale.ROOT, "%08x", i) + "c".repeat(56));
                ArchivedDocument latest = index.latest(id).orElseThrow(() -> new AssertionError(id));
                assertEquals(List.of("n" + i), latest.notes());
                assertEquals("Văn bản " + i, latest.text());
            }
            index.commit();
            assertEquals(n, index.count());
            assertEquals(0, index.heldUncommitted());
        }
    }

    @Test
    void latest_of_a_document_never_written_is_empty() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            assertTrue(index.latest(ArchivedDocument.idFor(SHA)).isEmpty());
        }
    }

    private static ArchivedDocument doc(List<String> notes) {
        DocumentMetadata meta = DocumentMetadata.builder().kind("Chỉ thị").number("05-CT/TW").build();
        SourceInfo source = new SourceInfo("ct05.txt", SHA, "text/plain", false, 42, List.of("in/ct05.txt"));
        return new ArchivedDocument(ArchivedDocument.idFor(SHA), meta, source, "Chỉ thị số 05-CT/TW về học tập", notes);
    }
}
