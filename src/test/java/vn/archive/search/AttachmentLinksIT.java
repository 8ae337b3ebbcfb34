package vn.archive.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.curation.CorrectionStore;
import vn.archive.curation.Corrections;
import vn.archive.index.LuceneIndex;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestReport;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.IngestOutcome;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The links between an e-mail and its attachments never name, to a reader, a document classified above their
 * clearance. The classification here comes from an archivist's correction, so it is not in the envelope's text.
 */
class AttachmentLinksIT {

    @Test
    void an_open_email_does_not_name_an_attachment_that_an_archivist_classified_above_the_reader(@TempDir Path tmp)
            throws Exception {
        Path data = tmp.resolve("data");
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            Corrections corrections = new Corrections(new CorrectionStore(data), index, Clock.systemUTC());
            Imported mail = importMail(index, data, tmp);
            corrections.correct(mail.attachment(), "classification", "Mật", "luutru");

            LuceneSearchService search = new LuceneSearchService(index);
            ArchivedDocument seenByReader = search.restrictedTo(Clearance.NONE).document(mail.envelope()).orElseThrow();
            assertTrue(search.restrictedTo(Clearance.NONE).document(mail.attachment()).isEmpty());
            assertFalse(seenByReader.notes().stream().anyMatch(n -> n.contains(mail.attachment())),
                    "the open envelope names the secret attachment: " + seenByReader.notes());
            ArchivedDocument seenWithClearance = search.restrictedTo(Clearance.MAT).document(mail.envelope())
                    .orElseThrow();
            assertTrue(seenWithClearance.notes().stream().anyMatch(n -> n.contains(mail.attachment())),
                    "a reader cleared for it still sees the link: " + seenWithClearance.notes());
        }
    }

    @Test
    void an_open_attachment_does_not_name_an_envelope_classified_above_the_reader(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            Corrections corrections = new Corrections(new CorrectionStore(data), index, Clock.systemUTC());
            Imported mail = importMail(index, data, tmp);
            corrections.correct(mail.envelope(), "classification", "Tối mật", "luutru");

            LuceneSearchService search = new LuceneSearchService(index);
            ArchivedDocument seenByReader = search.restrictedTo(Clearance.MAT).document(mail.attachment()).orElseThrow();
            assertFalse(seenByReader.notes().stream().anyMatch(n -> n.contains(mail.envelope())),
                    "the attachment names the secret envelope: " + seenByReader.notes());
            List<ArchivedDocument> exported = new java.util.ArrayList<>();
            search.restrictedTo(Clearance.MAT).export(SearchRequest.of(""), exported::add);
            assertEquals(1, exported.size(), "only the attachment is exported: " + exported);
            assertFalse(exported.get(0).notes().stream().anyMatch(n -> n.contains(mail.envelope())),
                    "the export names the secret envelope: " + exported.get(0).notes());
        }
    }

    @Test
    void the_document_page_labels_each_link_from_the_message_bundles_and_links_to_the_other_document(@TempDir Path tmp)
            throws Exception {
        Path data = tmp.resolve("data");
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            Imported mail = importMail(index, data, tmp);
            io.javalin.Javalin app = vn.archive.web.WebServer.create(new LuceneSearchService(index),
                    new ContentStore(data));
            io.javalin.testtools.JavalinTest.test(app, (server, client) -> {
                String vi = client.get("/documents/" + mail.envelope()).body().string();
                assertTrue(vi.contains("Tệp đính kèm: <a href=\"/documents/" + mail.attachment() + "\">"), vi);
                String en = client.get("/documents/" + mail.attachment() + "?lang=en").body().string();
                client.get("/?lang=vi"); // the language is remembered in a cookie: back to Vietnamese
                assertTrue(en.contains("Attached to the e-mail: <a href=\"/documents/" + mail.envelope() + "\">"), en);
                assertFalse(en.contains("Tệp đính kèm của thư:"), "the stored sentence is not shown as a note");
                com.fasterxml.jackson.databind.JsonNode api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        client.get("/api/documents/" + mail.envelope()).body().string());
                assertEquals("attachment", api.path("links").path(0).path("kind").asText(), api.path("links").toString());
                assertEquals(mail.attachment(), api.path("links").path(0).path("id").asText());
            });
        }
    }

    private record Imported(String envelope, String attachment) { }

    /** An e-mail with one attachment, a directive without any classification mark. */
    private static Imported importMail(LuceneIndex index, Path data, Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String letter = TestCorpus.state("209.txt");
        assertFalse(letter.contains("Mật") || letter.contains("MẬT"), "the fixture carries no classification");
        String eml = String.join("\r\n",
                "From: vanthu@baoloc.example",
                "To: luutru@lamdong.example",
                "Subject: Cong van gui kem",
                "Date: Tue, 28 Apr 2020 08:00:00 +0700",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"XYZ\"",
                "",
                "--XYZ",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Kinh gui: Van thu luu tru. Gui kem cong van.",
                "--XYZ",
                "Content-Type: text/plain; charset=UTF-8; name=\"209.txt\"",
                "Content-Disposition: attachment; filename=\"209.txt\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(letter.getBytes(StandardCharsets.UTF_8)),
                "--XYZ--",
                "");
        Files.writeString(in.resolve("thu.eml"), eml);
        IngestReport report = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none()).run(List.of(in), o -> { });
        String envelope = null;
        String attachment = null;
        for (IngestOutcome o : report.outcomes()) {
            if (o.path().endsWith("thu.eml")) {
                envelope = o.documentId();
            } else if (o.path().endsWith("thu.eml!209.txt")) {
                attachment = o.documentId();
            }
        }
        assertTrue(envelope != null && attachment != null, report.outcomes().toString());
        return new Imported(envelope, attachment);
    }
}
