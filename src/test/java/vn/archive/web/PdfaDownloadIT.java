package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.TesseractOcr;
import vn.archive.model.ArchivedDocument;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.getJson;

/** The scanned corpus letter offers its PDF/A rendition on its page and at /documents/{id}/pdfa; typed files do not. */
class PdfaDownloadIT {
    private final Archive archive = PortalFixture.corpus();

    @Test
    void a_scan_offers_its_pdf_a_and_a_typed_document_answers_404() throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        byte[] scan = Files.readAllBytes(TestCorpus.ROOT.resolve("scans").resolve("002_fa18a2e4ded8d877-scan.pdf"));
        String scanId = ArchivedDocument.idFor(ContentStore.sha256(scan));
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String html = client.get("/documents/" + scanId).body().string();
            assertTrue(html.contains("href=\"/documents/" + scanId + "/pdfa\""), "the page links the rendition");
            assertTrue(html.contains("Bản PDF/A có lớp chữ"));
            var pdfa = client.get("/documents/" + scanId + "/pdfa");
            assertEquals(200, pdfa.code());
            assertTrue(pdfa.headers().get("Content-Type").getFirst().startsWith("application/pdf"));
            assertTrue(pdfa.headers().get("Content-Disposition").getFirst().contains("-pdfa.pdf"));
            String body = pdfa.body().string();
            assertTrue(body.startsWith("%PDF-"), "a PDF");
            assertTrue(body.contains("pdfaid:part"), "the rendition (PDF/A identification in its XMP), not the original");

            String typedId = getJson(client, "/api/search?q=134-CV/ThU").path("hits").get(0).path("id").asText();
            assertFalse(client.get("/documents/" + typedId).body().string().contains("/pdfa\""),
                    "a typed document offers no rendition");
            assertEquals(404, client.get("/documents/" + typedId + "/pdfa").code());
            assertEquals(404, client.get("/documents/doesnotexist/pdfa").code());
        });
    }
}
