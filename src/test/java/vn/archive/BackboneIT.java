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
import vn.archive.ingest.IngestReport;
import vn.archive.ingest.TesseractOcr;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thinnest complete path: import the corpus, serve it, and search it over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackboneIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private Archive archive;
    private IngestReport firstImport;
    private long countAfterImport;

    @BeforeAll
    void importCorpus() throws Exception {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        firstImport = archive.pipeline().run(List.of(TestCorpus.ROOT), o -> { });
        countAfterImport = 0;
        for (int page = 1; ; page++) {
            var hits = archive.search().search(new vn.archive.search.SearchRequest("", java.util.Map.of(), null, null,
                    vn.archive.search.SearchRequest.Sort.RELEVANCE, page, 100)).hits();
            // a hit is a directive; its renditions are the files imported for it
            countAfterImport += hits.stream().mapToInt(vn.archive.search.SearchHit::renditions).sum();
            if (hits.size() < 100) {
                break;
            }
        }
    }

    @AfterAll
    void close() throws Exception {
        archive.close();
    }

    @Test
    void every_corpus_file_is_imported_and_none_fails() throws Exception {
        assertEquals(0, firstImport.counts().get(IngestStatus.FAILED), firstImport.summary());
        assertTrue(firstImport.counts().get(IngestStatus.IMPORTED) >= 45, firstImport.summary());
        assertEquals((long) firstImport.counts().get(IngestStatus.IMPORTED), countAfterImport);
    }

    @Test
    void a_query_without_diacritics_finds_all_three_seeds() {
        assertSeedsFound("dan van kheo");
    }

    @Test
    void a_query_with_diacritics_finds_all_three_seeds() {
        assertSeedsFound("Dân vận khéo");
    }

    @Test
    void the_scanned_letter_in_the_corpus_is_read_by_ocr_or_waits_for_it() throws Exception {
        var scan = firstImport.outcomes().stream()
                .filter(o -> o.path().endsWith("002_fa18a2e4ded8d877-scan.pdf")).findFirst().orElseThrow();
        if (scan.status() == IngestStatus.WAITING_OCR) {
            return; // no Tesseract on this machine: kept, listed, never indexed empty
        }
        assertEquals(IngestStatus.IMPORTED, scan.status(), scan.reason());
        var doc = archive.search().document(scan.documentId()).orElseThrow();
        assertTrue(doc.source().ocr());
        assertEquals("374-CV/HU", doc.metadata().number());
        assertEquals(java.time.LocalDate.of(2019, 7, 30), doc.metadata().date());
    }

    @Test
    void the_number_374_CV_HU_puts_the_Trieu_Phong_letter_first() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode first = search(client, "374-CV/HU").path("hits").get(0);
            assertEquals("374-CV/HU", first.path("number").asText());
            assertEquals("Công văn", first.path("kind").asText());
            assertEquals("Triệu Phong", first.path("place").asText());
            assertEquals("2019-07-30", first.path("date").asText());
        });
    }

    @Test
    void the_document_api_returns_metadata_text_and_source() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            // the typed letter (the corpus also holds a scan of it, whose original is an image)
            String id = null;
            for (JsonNode hit : search(client, "374-CV/HU").path("hits")) {
                String candidate = hit.path("id").asText();
                if (archive.search().document(candidate).orElseThrow().source().filename()
                        .equals(TestCorpus.TRIEU_PHONG.getFileName().toString())) {
                    id = candidate;
                }
            }
            assertTrue(id != null, "the typed Triệu Phong letter is found by its number");
            JsonNode doc = JSON.readTree(client.get("/api/documents/" + id).body().string());
            assertEquals(id, doc.path("id").asText());
            assertEquals("V/v đẩy mạnh phong trào thi đua “Dân vận khéo”", doc.path("title").asText());
            assertTrue(doc.path("text").asText().contains("Phan Văn Linh"));
            assertEquals(64, doc.path("source").path("sha256").asText().length());
            assertTrue(doc.path("references").isArray());
            assertTrue(doc.has("classification") && doc.get("classification").isNull());

            var original = client.get("/documents/" + id + "/original");
            assertEquals(200, original.code());
            assertTrue(original.body().string().contains("Số 374 - CV/HU"));
            var page = client.get("/documents/" + id);
            assertEquals(200, page.code());
            assertTrue(page.body().string().contains("374-CV/HU"));
        });
    }

    @Test
    void the_search_page_renders_results_in_vietnamese() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var page = client.get("/?q=" + URLEncoder.encode("dan van kheo", StandardCharsets.UTF_8));
            assertEquals(200, page.code());
            String html = page.body().string();
            assertTrue(html.contains("<html lang=\"vi\">"));
            assertTrue(html.contains("Tìm thấy"));
            assertTrue(html.contains("<mark>"), "snippets highlight the original words");
        });
    }

    @Test
    void unknown_document_and_bad_parameters_get_clear_errors() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            assertEquals(404, client.get("/api/documents/doesnotexist").code());
            var bad = client.get("/api/search?q=x&page=0");
            assertEquals(400, bad.code());
            assertTrue(JSON.readTree(bad.body().string()).path("error").asText().contains("page"));
            assertEquals(400, client.get("/api/search?sort=sideways").code());
            assertEquals(400, client.get("/api/search?from=yesterday").code());
        });
    }

    @Test
    void importing_the_corpus_again_changes_nothing() throws Exception {
        long before = archive.search().count();
        IngestReport again = archive.pipeline().run(List.of(TestCorpus.ROOT), o -> { });
        assertEquals(before, archive.search().count());
        // without tesseract (installed by .ci/run) the corpus's scan waits for OCR again, as it did the first time
        int waiting = TesseractOcr.system().available() ? 0 : again.counts().getOrDefault(IngestStatus.WAITING_OCR, 0);
        assertEquals(again.seen(), again.counts().get(IngestStatus.DUPLICATE) + waiting, again.summary());
    }

    @Test
    void generated_docx_and_pdf_renditions_import_with_their_metadata() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("renditions"));
        String trieuPhong = TestCorpus.read(TestCorpus.TRIEU_PHONG);
        Files.write(dir.resolve("trieu-phong.docx"), DocumentRenderer.docx(trieuPhong));
        Files.write(dir.resolve("trieu-phong.pdf"), DocumentRenderer.withSystemFont().pdf(trieuPhong));
        List<String> ids = new ArrayList<>();
        IngestReport report = archive.pipeline().run(List.of(dir), o -> {
            assertEquals(IngestStatus.IMPORTED, o.status(), o.path() + ": " + o.reason());
            ids.add(o.documentId());
        });
        assertEquals(2, report.seen());
        for (String id : ids) {
            var doc = archive.search().document(id).orElseThrow();
            assertEquals("374-CV/HU", doc.metadata().number(), doc.source().mediaType());
            assertEquals(java.time.LocalDate.of(2019, 7, 30), doc.metadata().date());
            assertEquals("Triệu Phong", doc.metadata().place());
            assertTrue(doc.text().contains("Dân vận khéo"));
        }
        Set<String> media = new HashSet<>();
        for (String id : ids) {
            media.add(archive.search().document(id).orElseThrow().source().mediaType());
        }
        assertEquals(Set.of("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), media);
    }

    private void assertSeedsFound(String query) {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode result = search(client, query);
            Set<String> files = new HashSet<>();
            for (JsonNode hit : result.path("hits")) {
                String id = hit.path("id").asText();
                archive.search().renditions(id).forEach(d -> files.add(d.source().filename()));
            }
            assertTrue(files.containsAll(Set.of(TestCorpus.DON_DUONG.getFileName().toString(),
                    TestCorpus.TRIEU_PHONG.getFileName().toString(), TestCorpus.BAO_LOC.getFileName().toString())),
                    "seeds found for [" + query + "]: " + files);
        });
    }

    private static JsonNode search(io.javalin.testtools.HttpClient client, String q) throws Exception {
        var response = client.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, response.code());
        return JSON.readTree(response.body().string());
    }
}
