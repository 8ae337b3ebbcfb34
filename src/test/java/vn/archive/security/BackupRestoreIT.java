package vn.archive.security;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;
import vn.archive.storage.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backup} while serving and {@code restore}: the restored archive equals the original. */
class BackupRestoreIT {
    private static final List<String> QUERIES = List.of("dân vận khéo", "134-CV/ThU", "nông thôn mới", "");

    @TempDir
    Path temp;

    @Test
    void a_backup_taken_while_serving_restores_to_an_equal_archive() throws Exception {
        Path data = temp.resolve("data");
        Path zip = temp.resolve("backups").resolve("kho.zip");
        Map<String, List<String>> results;
        Map<String, String> metadata;
        List<String> history;
        String id = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            archive.corrections().correct(id, "signer.name", "Nguyễn Văn A", "Lan");
            archive.security().users().put("luutru", Role.ARCHIVIST, Clearance.MAT, TestAccounts.PASSWORD);
            archive.security().audit().record("luutru", "view", id, "Mật");
            Javalin app = archive.webApp().start("127.0.0.1", 0);
            try {
                assertEquals(0, App.commandLine().execute("backup", "--data", data.toString(), "--out", zip.toString()));
            } finally {
                app.stop();
            }
            results = results(archive);
            metadata = metadata(archive);
            history = archive.corrections().history(id).stream().map(c -> c.field() + "=" + c.newValue()).toList();
        }
        Path restored = temp.resolve("restored");
        assertEquals(0, App.commandLine().execute("restore", zip.toString(), "--data", restored.toString()));
        try (Archive copy = Archive.open(AppConfig.forData(restored))) {
            assertEquals(metadata, metadata(copy), "same ids with the same metadata");
            assertEquals(results, results(copy), "same search results in the same order");
            assertEquals(history, copy.corrections().history(id).stream().map(c -> c.field() + "=" + c.newValue()).toList());
            assertEquals("Nguyễn Văn A", copy.search().document(id).orElseThrow().metadata().signer().name());
            assertTrue(copy.security().users().authenticate("luutru", TestAccounts.PASSWORD).isPresent(), "accounts too");
            assertTrue(copy.security().audit().lines().getLast().contains("\"view\""), "and the audit log");
            assertOriginalsMatchTheirHash(copy);
        }
        assertTrue(App.commandLine().execute("restore", zip.toString(), "--data", restored.toString()) != 0,
                "a non-empty folder is never overwritten");
    }

    @Test
    void backups_taken_during_an_import_are_each_a_consistent_commit() throws Exception {
        Path data = temp.resolve("data");
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            long before = archive.search().count();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread importer = Thread.ofPlatform().start(() -> {
                try {
                    archive.pipeline().run(List.of(TestCorpus.ROOT.resolve("state")), o -> { });
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            List<Path> zips = new ArrayList<>();
            for (int i = 0; importer.isAlive() || i < 2; i++) {
                Path zip = temp.resolve("b" + i + ".zip");
                ArchiveBackup.backup(data, zip);
                zips.add(zip);
            }
            importer.join();
            assertNull(failed.get());
            long after = archive.search().count();
            assertTrue(after > before);
            for (Path zip : zips) {
                Path restored = temp.resolve("r-" + zip.getFileName());
                ArchiveBackup.restore(zip, restored);
                try (Archive copy = Archive.open(AppConfig.forData(restored))) {
                    long n = copy.search().count();
                    assertTrue(n >= before && n <= after, zip + " holds " + n);
                    Set<String> ids = new HashSet<>();
                    copy.search().export(all(""), d -> assertTrue(ids.add(d.id()), "duplicate " + d.id()));
                    assertEquals(n, ids.size());
                    assertOriginalsMatchTheirHash(copy);
                }
            }
        }
    }

    @Test
    void a_write_in_flight_is_not_part_of_the_backup() throws Exception {
        Path data = temp.resolve("data");
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
        }
        // what an original being written at the moment of the backup looks like: a half-written temporary file
        Path inFlight = data.resolve("originals").resolve("66").resolve(AtomicFiles.TEMP_PREFIX + "7486365492980709848");
        Files.createDirectories(inFlight.getParent());
        Files.write(inFlight, "nửa tệp".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path zip = temp.resolve("kho.zip");
        ArchiveBackup.backup(data, zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().contains(AtomicFiles.TEMP_PREFIX)), "no temporary file in the backup");
        }
        Path restored = temp.resolve("restored");
        ArchiveBackup.restore(zip, restored);
        try (Archive copy = Archive.open(AppConfig.forData(restored))) {
            assertEquals(3, copy.search().count());
            assertOriginalsMatchTheirHash(copy);
        }
    }

    @Test
    void a_corrupted_backup_is_refused_and_nothing_is_restored() throws Exception {
        Path data = temp.resolve("data");
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
        }
        Path zip = temp.resolve("kho.zip");
        ArchiveBackup.backup(data, zip);
        Path bad = temp.resolve("hong.zip");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            boolean flipped = false;
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (!flipped && entry.getName().startsWith("originals/")) {
                    bytes[bytes.length / 2] ^= 1;
                    flipped = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            assertTrue(flipped);
        }
        Path target = temp.resolve("target");
        IOException e = assertThrows(IOException.class, () -> ArchiveBackup.restore(bad, target));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertFalse(Files.exists(target), "nothing half-restored");
        assertFalse(Files.exists(temp.resolve("target.restoring")));
    }

    private static SearchRequest all(String q) {
        return new SearchRequest(q, null, null, null, SearchRequest.Sort.RELEVANCE, 1, SearchRequest.MAX_SIZE);
    }

    private static Map<String, List<String>> results(Archive a) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (String q : QUERIES) {
            out.put(q, a.search().search(all(q)).hits().stream().map(SearchHit::id).toList());
        }
        return out;
    }

    private static Map<String, String> metadata(Archive a) throws IOException {
        Map<String, String> out = new TreeMap<>();
        a.search().export(all(""), d -> out.put(d.id(), d.metadata().toString() + d.source().sha256()));
        return out;
    }

    private static void assertOriginalsMatchTheirHash(Archive a) throws IOException {
        List<ArchivedDocument> docs = new ArrayList<>();
        a.search().export(all(""), docs::add);
        assertFalse(docs.isEmpty());
        for (ArchivedDocument d : docs) {
            Path original = a.store().original(d.source().sha256()).orElseThrow(() -> new AssertionError("no original of " + d.id()));
            assertEquals(d.source().sha256(), ContentStore.sha256(Files.readAllBytes(original)), d.id());
        }
        try (Stream<Path> s = Files.walk(a.config().dataDir().resolve("originals"))) {
            assertTrue(s.filter(Files::isRegularFile).count() >= docs.size());
        }
    }
}
