package vn.archive.solr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.security.ArchiveBackup;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend-neutral halves of {@code migrate} and of the backup of a SolrCloud archive, run between embedded
 * indexes (any {@code ArchiveIndex} is a source or target); SolrCloudIT runs the verbs against a real collection.
 */
class MigrationIT {
    @TempDir
    Path temp;

    @Test
    void migration_copies_every_document_with_its_corrections_and_refuses_a_target_that_is_not_empty()
            throws IOException {
        Path data = seededArchiveWithCorrections();
        Map<String, ArchivedDocument> before = documents(data.resolve("index"));
        Migration.Report report;
        try (LuceneIndex from = LuceneIndex.open(data.resolve("index"));
             LuceneIndex to = LuceneIndex.open(temp.resolve("copy"))) {
            report = Migration.copy(from, to, new ContentStore(data));
            IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                    () -> Migration.copy(from, to, new ContentStore(data)));
            assertTrue(again.getMessage().contains("không trống") || again.getMessage().contains("empty one"),
                    again.getMessage());
        }
        assertEquals(before.size(), report.read());
        assertTrue(report.complete(), report.summary());
        assertEquals(0, report.missingOriginals(), report.summary());
        Map<String, ArchivedDocument> copied = documents(temp.resolve("copy"));
        assertEquals(before, copied, "the same documents, corrections and texts included");
        assertTrue(copied.values().stream().anyMatch(d -> "Trích yếu đã hiệu đính".equals(d.metadata().title())),
                "the corrected title is copied");
        assertTrue(copied.values().stream().anyMatch(d -> d.metadata().withdrawn() != null), "the withdrawal too");

        Migration.Report elsewhere;
        try (LuceneIndex from = LuceneIndex.open(data.resolve("index"));
             LuceneIndex to = LuceneIndex.open(temp.resolve("copy2"))) {
            elsewhere = Migration.copy(from, to, new ContentStore(temp.resolve("not-this-archive")));
        }
        assertEquals(before.size(), elsewhere.missingOriginals(), "a data folder without the originals is found out");
        assertTrue(elsewhere.summary().contains("không có bản gốc"), elsewhere.summary());
    }

    @Test
    void a_backup_of_an_index_kept_elsewhere_restores_to_an_embedded_archive_with_the_same_documents()
            throws IOException {
        Path data = seededArchiveWithCorrections();
        Map<String, ArchivedDocument> before = documents(data.resolve("index"));
        Path zip = temp.resolve("backup.zip");
        try (LuceneIndex collection = LuceneIndex.open(data.resolve("index"))) {
            ArchiveBackup.backup(data, zip, collection, "archive");
        }
        Path restored = temp.resolve("restored");
        ArchiveBackup.restore(zip, restored);
        assertEquals(before, documents(restored.resolve("index")));
        assertTrue(Files.exists(restored.resolve("corrections.jsonl")), "the corrections log comes back");
        try (Stream<Path> originals = Files.walk(restored.resolve("originals"))) {
            assertEquals(before.size(), originals.filter(Files::isRegularFile).count(), "every original comes back");
        }
        assertTrue(Files.notExists(restored.resolve(ArchiveBackup.COLLECTION_ENTRY)), "the documents went into the index");
    }

    /** The seeds imported, one withdrawn and one title corrected. */
    private Path seededArchiveWithCorrections() throws IOException {
        Path data = temp.resolve("data");
        try (Archive a = Archive.open(AppConfig.forData(data))) {
            a.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            List<String> ids = new ArrayList<>();
            a.search().export(vn.archive.search.SearchRequest.of(""), d -> ids.add(d.id()));
            assertTrue(ids.size() > 2, "the seeds are imported");
            a.corrections().withdraw(ids.get(0), "nhập nhầm", "test");
            a.corrections().correct(ids.get(1), "title", "Trích yếu đã hiệu đính", "test");
        }
        return data;
    }

    private static Map<String, ArchivedDocument> documents(Path index) throws IOException {
        Map<String, ArchivedDocument> out = new TreeMap<>();
        try (LuceneIndex i = LuceneIndex.open(index)) {
            i.forEachDocument(d -> out.put(d.id(), d));
        }
        return out;
    }
}
