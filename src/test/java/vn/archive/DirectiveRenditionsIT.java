package vn.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.AppConfig;
import vn.archive.ingest.Extraction;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.SourceFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample archive holds each seed directive twice (corpus/seeds and a DOCX, PDF or scan of it): every answer
 * counts it once. The scan is read by an OCR stand-in that gives the seed's text with OCR's usual slips on the
 * cue words ("Thưc hiên"), so its own reading differs from the typed copy's, as it did with Tesseract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class DirectiveRenditionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/refs/fixtures");

    @TempDir
    static Path temp;
    private Archive archive;

    /** OCR that reads "corpus/scans/X-scan.pdf" as the seed X with slipped diacritics. */
    public static final class SlippingOcr implements OcrEngine {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<Result> recognize(SourceFile file, Extraction extraction) {
            String name = file.fileName().replace("-scan.pdf", ".txt");
            String seed = TestCorpus.read(TestCorpus.SEEDS.resolve(name));
            return Optional.of(new Result(seed.replace("ực hiện", "ưc hiên").replace("“", "\"").replace("”", "\""),
                    1, 71.5));
        }
    }

    @BeforeAll
    void importTheSampleArchive() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data"))).withOcr(new SlippingOcr());
        archive.pipeline().run(List.of(TestCorpus.ROOT), o -> { });
        archive.pipeline().run(List.of(FIXTURES), o -> { });
    }

    @AfterAll
    void close() throws IOException {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void dan_van_kheo_lists_each_seed_directive_once_with_its_renditions_counted() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode r = JSON.readTree(client.get("/api/search?q=dan+van+kheo&size=50").body().string());
            List<String> seedFiles = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode h : r.path("hits")) {
                assertTrue(ids.add(h.path("id").asText()), "one hit per id");
                JsonNode doc = JSON.readTree(client.get("/api/documents/" + h.path("id").asText()).body().string());
                List<String> files = new ArrayList<>();
                doc.path("renditions").forEach(x -> files.add(x.path("filename").asText()));
                files.stream().filter(f -> f.matches("00[123]_[0-9a-f]+\\.txt")).forEach(seedFiles::add);
                assertEquals(files.isEmpty() ? 1 : files.size(), h.path("renditions").asInt(), h.toString());
            }
            assertEquals(List.of("001_cc016d0e568e5fa8.txt", "002_fa18a2e4ded8d877.txt", "003_4653ab8526411b1c.txt"),
                    seedFiles.stream().sorted().toList(), "each seed directive once, with its other rendition");
            assertEquals(r.path("hits").size(), r.path("total").asInt(), "the total counts directives");
            long kinds = 0;
            for (JsonNode k : r.path("facets").path("kind")) {
                kinds += k.path("count").asLong();
            }
            assertEquals(r.path("total").asLong() - missing(r.path("hits"), "kind"), kinds,
                    "facet counts are of directives too");
            String page = client.get("/?q=dan+van+kheo").body().string();
            assertTrue(page.contains("2 bản"), "the hit carries the badge");
        });
    }

    private static long missing(JsonNode hits, String field) {
        long n = 0;
        for (JsonNode h : hits) {
            n += h.path(field).isNull() || h.path(field).isMissingNode() ? 1 : 0;
        }
        return n;
    }

    @Test
    void the_tree_of_374_CV_HU_has_it_at_its_root() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode root = JSON.readTree(client.get("/api/references/374-CV/HU/implementations").body().string());
            assertEquals("374-CV/HU", root.path("number").asText());
            assertTrue(root.path("inArchive").asBoolean(), root.toString());
            assertEquals("Ban Thường vụ Huyện ủy Triệu Phong", root.path("issuer").asText());
            assertEquals(0, root.path("children").size(), "no copy of itself below it: " + root);
            String page = client.get("/references/374-CV/HU").body().string();
            assertFalse(page.contains("refs-missing"), "the root is in the archive");
        });
    }

    @Test
    void no_directive_appears_twice_in_a_tree() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            for (String number : List.of("25-NQ/TW", "352-CV/TU", "13-NQ/HU")) {
                JsonNode root = JSON.readTree(client.get("/api/references/" + number + "/implementations").body().string());
                List<String> ids = new ArrayList<>();
                collectIds(root, ids);
                assertEquals(new HashSet<>(ids).size(), ids.size(), number + ": " + ids);
                assertTrue(ids.size() > 1, number + " has documents below it: " + ids);
            }
            JsonNode tu = JSON.readTree(client.get("/api/references/352-CV/TU/implementations").body().string());
            List<String> below = new ArrayList<>();
            collect(tu, below);
            assertEquals(1, below.stream().filter("134-CV/ThU"::equals).count(), below.toString());
        });
    }

    @Test
    void renditions_agree_and_do_not_warn_of_a_duplicate_number() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode hit = JSON.readTree(client.get("/api/search?q=374-CV/HU").body().string()).path("hits").get(0);
            String id = hit.path("id").asText();
            JsonNode typed = JSON.readTree(client.get("/api/documents/" + id).body().string());
            List<String> others = new ArrayList<>();
            typed.path("renditions").forEach(x -> others.add(x.path("id").asText()));
            assertEquals(2, others.size(), typed.path("renditions").toString());
            assertEquals(id, others.get(0), "the directive's id is its preferred rendition's");
            JsonNode scan = JSON.readTree(client.get("/api/documents/" + others.get(1)).body().string());
            assertTrue(scan.path("source").path("ocr").asBoolean(), "the typed copy is preferred to the scan");
            for (String field : List.of("kind", "number", "date", "issuer", "title", "campaigns", "deadlines")) {
                assertEquals(typed.path(field), scan.path(field), field);
            }
            assertEquals(relations(typed), relations(scan));
            assertTrue(relations(typed).contains("25-NQ/TW implements"), relations(typed).toString());
            for (JsonNode d : List.of(typed, scan)) {
                assertFalse(d.path("warnings").toString().contains("Trùng số"), d.path("warnings").toString());
            }
            String page = client.get("/documents/" + others.get(1)).body().string();
            assertTrue(page.contains("class=\"renditions\"") && page.contains("/documents/" + id + "/original"),
                    "the page lists the renditions with their downloads");
        });
    }

    private static List<String> relations(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("references").forEach(r -> out.add(r.path("number").asText() + " " + r.path("relation").asText()));
        return out;
    }

    private static void collectIds(JsonNode n, List<String> ids) {
        if (n.path("inArchive").asBoolean()) {
            ids.add(n.path("id").asText());
        }
        n.path("children").forEach(c -> collectIds(c, ids));
    }

    private static void collect(JsonNode n, List<String> numbers) {
        if (n.path("inArchive").asBoolean()) {
            numbers.add(n.path("number").asText());
        }
        n.path("children").forEach(c -> collect(c, numbers));
    }
}
