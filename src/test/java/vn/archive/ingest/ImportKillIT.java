package vn.archive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.render.ScanRenderer;
import vn.archive.search.SearchRequest;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code import} verb in a child JVM, kills it with SIGKILL at random moments, runs the same command
 * again until it finishes, and compares the archive with an uninterrupted import of the same inputs. After every kill
 * the archive reopens, keeps every document committed before (the journal's durable part included), holds no id
 * twice, and each indexed document's original matches its SHA-256. {@code -Dkill.seed=N} replays a failing run's
 * choices (the seed is printed and in every message; the kill moments also depend on timing).
 */
@Tag("slow")
class ImportKillIT {
    private static final int KILLS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_import_killed_at_random_five_times_ends_equal_to_an_uninterrupted_one(@TempDir Path tmp) throws Exception {
        Path in = inputs(tmp.resolve("in"));
        Path clean = tmp.resolve("clean");
        Path killed = tmp.resolve("killed");

        Process baseline = start(in, clean, tmp.resolve("baseline.log"));
        assertTrue(baseline.waitFor(5, TimeUnit.MINUTES), "the uninterrupted import finishes");
        assertEquals(0, baseline.exitValue(), Files.readString(tmp.resolve("baseline.log")));

        int total = outcomeLines(tmp.resolve("baseline.log"));
        long seed = Long.getLong("kill.seed", System.nanoTime());
        System.out.println("ImportKillIT seed " + seed + " (rerun with -Dkill.seed=" + seed + ")");
        Random random = new Random(seed);
        Set<String> before = Set.of();
        int kills = 0;
        int target = 0;
        for (int attempt = 0; kills < KILLS && attempt < 4 * KILLS; attempt++) {
            // A random point in the run: after a random number of further files have finished, plus a random delay,
            // so kills land in Tika, in OCR, between the index update and the journal, and during commits.
            target = Math.min(total - 2, target + 1 + random.nextInt(Math.max(1, total / (2 * KILLS))));
            Path log = tmp.resolve("killed-" + attempt + ".log");
            Process p = start(in, killed, log);
            while (p.isAlive() && outcomeLines(log) < target) {
                Thread.sleep(20);
            }
            Thread.sleep(random.nextInt(400));
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                p.waitFor();
                System.out.printf("kill %d after %d outcome lines (target %d)%n", kills + 1, outcomeLines(log), target);
                kills++;
                before = checkAfterKill(killed, before, "seed " + seed + " kill " + kills + ": ");
            }
        }
        assertEquals(KILLS, kills, "seed " + seed + ": the import was killed while running");
        Process last = start(in, killed, tmp.resolve("final.log"));
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("final.log")));

        Set<String> ids = ids(clean);
        assertFalse(ids.isEmpty());
        String resumed = Files.readString(tmp.resolve("final.log"));
        assertTrue(resumed.contains("Tiếp tục lần nhập bị gián đoạn"), "the last run continued the interrupted one");
        assertEquals(ids, ids(killed), "seed " + seed + ": same documents, none lost, none doubled");
        assertEquals(count(clean), count(killed));
        assertEquals(ids.size(), count(killed));
        Map<String, String> originals = originals(killed);
        assertEquals(originals(clean).keySet(), originals.keySet());
        originals.forEach((name, sha) -> assertEquals(name, sha, "original stored under its own SHA-256"));
        assertEquals(summary(clean), summary(killed), "the last report accounts for every file as the clean one does");
        assertFalse(Files.exists(killed.resolve("journal")) && listing(killed.resolve("journal")).size() > 0,
                "a finished command leaves no journal");
    }

    /**
     * What must hold after any kill: the archive reopens; no id is indexed twice; every document indexed before this
     * kill, and every one the journal says is durable, is still there; each indexed document's original matches its
     * SHA-256. Returns the ids now indexed.
     */
    private static Set<String> checkAfterKill(Path data, Set<String> before, String trial) throws IOException {
        Set<String> now = ids(data);
        assertTrue(now.containsAll(before), trial + "committed documents lost: " + difference(before, now));
        Set<String> durable = journaledIds(data.resolve("journal"));
        assertTrue(now.containsAll(durable), trial + "the journal says durable, the index lacks: " + difference(durable, now));
        try (Archive reopened = Archive.open(AppConfig.forData(data))) {
            // search counts directives: the renditions of one directive (a text and its DOCX) are one
            Set<String> directives = new TreeSet<>();
            for (String id : now) {
                directives.add(reopened.search().directiveId(id));
            }
            assertEquals(directives.size(), reopened.search().count(), trial + "the archive reopens with the same documents");
            List<ArchivedDocument> docs = new ArrayList<>();
            reopened.search().export(new SearchRequest("", null, null, null, SearchRequest.Sort.NEWEST, 1, 20), docs::add);
            assertEquals(directives.size(), docs.size(), trial + "every directive is listed once");
            for (ArchivedDocument d : docs) {
                Path original = reopened.store().original(d.source().sha256())
                        .orElseThrow(() -> new AssertionError(trial + "no original for " + d.id()));
                assertEquals(d.source().sha256(), ContentStore.sha256(Files.readAllBytes(original)), trial + d.id());
                assertEquals(d.id(), ArchivedDocument.idFor(d.source().sha256()), trial + d.id());
            }
        }
        return now;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** Document ids of the outcomes a journal covers with a commit marker (read only; the next run compacts it). */
    private static Set<String> journaledIds(Path folder) throws IOException {
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return ids;
        }
        for (Path journal : listing(folder)) {
            if (!journal.toString().endsWith(".journal")) {
                continue;
            }
            List<String> outcomes = new ArrayList<>();
            long durable = 0;
            for (String line : Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8)) {
                if (line.startsWith("#commit ")) {
                    durable = Math.max(durable, Long.parseLong(line.substring("#commit ".length()).strip()));
                } else {
                    outcomes.add(line);
                }
            }
            for (String line : outcomes.subList(0, (int) Math.min(durable, outcomes.size()))) {
                JsonNode o = JSON.readTree(line);
                String status = o.path("status").asText();
                if ((status.equals("IMPORTED") || status.equals("DUPLICATE")) && o.hasNonNull("documentId")) {
                    ids.add(o.get("documentId").asText());
                }
            }
        }
        return ids;
    }

    /** The corpus, a ZIP, an exact copy and one scanned page. */
    private static Path inputs(Path in) throws IOException {
        Files.createDirectories(in);
        try (Stream<Path> s = Files.walk(TestCorpus.ROOT)) {
            // seeds, renditions and the first state documents: enough files for five kills to land apart
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            for (Path p : files.subList(0, Math.min(files.size(), 24))) {
                Path target = in.resolve(TestCorpus.ROOT.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Files.copy(TestCorpus.TRIEU_PHONG, in.resolve("copy-of-374.txt"));
        try (OutputStream out = Files.newOutputStream(in.resolve("extra.zip"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 5; i++) {
                zip.putNextEntry(new ZipEntry("zip/" + i + ".txt"));
                zip.write(("Văn bản số " + i + " trong tệp ZIP.\n" + TestCorpus.state("209.txt").substring(0, 400 + i))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(in.resolve("scan-134.png"), ScanRenderer.png(
                ScanFixtures.pages(TestCorpus.BAO_LOC, ScanRenderer.Style.clean(), 1).get(0).image()));
        return in;
    }

    private static Process start(Path in, Path data, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // One worker keeps the child JVMs (the import and its extraction child) to two on a shared machine.
        List<String> cmd = new ArrayList<>(List.of(java, "-Darchive.commitEvery=3", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "vn.archive.App",
                "import", in.toString(), "--data", data.toString(), "--no-progress", "--workers", "1"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Outcome lines the child has printed so far. */
    private static int outcomeLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8);
        return (int) text.lines().filter(l -> l.matches("^(IMPORTED|DUPLICATE|WAITING_OCR|FAILED) .*")).count();
    }

    private static Set<String> ids(Path data) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (FSDirectory probe = FSDirectory.open(data.resolve("index"))) {
            if (!DirectoryReader.indexExists(probe)) {
                return ids; // killed before the first commit: nothing was promised yet
            }
        }
        try (FSDirectory dir = FSDirectory.open(data.resolve("index")); DirectoryReader r = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : r.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live == null || live.get(d)) {
                        assertTrue(ids.add(stored.document(d, Set.of(Fields.ID)).get(Fields.ID)), "id indexed twice");
                    }
                }
            }
        }
        return ids;
    }

    private static int count(Path data) throws IOException {
        try (FSDirectory dir = FSDirectory.open(data.resolve("index")); DirectoryReader r = DirectoryReader.open(dir)) {
            return r.numDocs();
        }
    }

    /** Stored originals: file name → SHA-256 of the content. */
    private static Map<String, String> originals(Path data) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(data.resolve("originals"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(p.getFileName().toString(), ContentStore.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String summary(Path data) throws IOException {
        JsonNode json = new ObjectMapper().readTree(new ReportFiles(data.resolve("reports")).latest().orElseThrow().toFile());
        return json.path("seen").asText() + " " + json.path("counts");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
