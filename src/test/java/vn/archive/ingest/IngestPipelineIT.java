package vn.archive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;
import vn.archive.render.ScanRenderer;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline over a real on-disk archive: OCR waiting and completion, reports, duplicates, e-mail, retries. */
class IngestPipelineIT {
    private static final TesseractOcr MISSING = new TesseractOcr(Path.of("/nonexistent/tesseract"), "vie", 1);

    private static IngestPipeline pipeline(LuceneIndex index, Path data, OcrEngine ocr) throws IOException {
        return new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                new MetadataExtractor(Dictionaries.builtIn()), ocr);
    }

    private static IngestOutcome only(IngestReport report, String fileName) {
        List<IngestOutcome> found = report.outcomes().stream().filter(o -> o.path().endsWith(fileName)).toList();
        assertEquals(1, found.size(), "one outcome for " + fileName + " in " + report.outcomes());
        return found.get(0);
    }

    @Test
    void a_scan_waits_for_ocr_when_tesseract_is_missing_and_reocr_completes_and_groups_it(@TempDir Path tmp)
            throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        List<ScanRenderer.Page> scan = ScanFixtures.pages(TestCorpus.TRIEU_PHONG, ScanRenderer.Style.clean(), 1);
        Files.write(in.resolve("374-scan.png"), ScanRenderer.png(scan.get(0).image()));
        Files.write(in.resolve("374.docx"), DocumentRenderer.docx(ScanFixtures.printed(TestCorpus.TRIEU_PHONG)));

        String scanSha;
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = pipeline(index, data, MISSING).run(List.of(in), o -> { });
            IngestOutcome waiting = only(report, "374-scan.png");
            assertEquals(IngestStatus.WAITING_OCR, waiting.status());
            assertEquals(IngestStatus.IMPORTED, only(report, "374.docx").status());
            assertEquals(1, index.count(), "the scan is never indexed empty");
            scanSha = waiting.sha256();
            assertTrue(new ContentStore(data).original(scanSha).isPresent(), "the original is kept");
            assertEquals(List.of(scanSha), new WaitingOcr(data.resolve("waiting-ocr")).list().stream()
                    .map(WaitingOcr.Entry::sha256).toList());
            JsonNode json = latestReport(data);
            assertEquals(1, json.path("counts").path("WAITING_OCR").asInt());
        }

        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = pipeline(index, data, TesseractOcr.system()).reocr(o -> { },
                    IngestPipeline.Options.defaults());
            IngestOutcome done = only(report, "374-scan.png");
            assertEquals(IngestStatus.IMPORTED, done.status(), String.valueOf(done.reason()));
            assertEquals(1, done.pages());
            assertTrue(done.ocrConfidence() > 80, "confidence " + done.ocrConfidence());
            assertEquals(2, index.count());
            assertTrue(new WaitingOcr(data.resolve("waiting-ocr")).list().isEmpty());

            ArchivedDocument scanned = index.get(done.documentId()).orElseThrow();
            assertTrue(scanned.source().ocr());
            assertEquals("374-CV/HU", scanned.metadata().number());
            assertTrue(scanned.notes().stream().anyMatch(n -> n.startsWith("OCR trang 1: độ tin cậy")), scanned.notes().toString());
            String docxId = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(in.resolve("374.docx"))));
            assertTrue(scanned.notes().contains(IngestPipeline.sameDirective(docxId)), scanned.notes().toString());
            assertTrue(index.get(docxId).orElseThrow().notes().contains(IngestPipeline.sameDirective(scanned.id())),
                    "the DOCX links back to the scan");
        }
    }

    @Test
    void the_summary_adds_up_and_the_report_lists_every_file_with_its_reason(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        String letter = TestCorpus.state("209.txt");
        Files.writeString(in.resolve("209.txt"), letter);
        Files.createDirectories(in.resolve("copy"));
        Files.writeString(in.resolve("copy").resolve("209-again.txt"), letter);
        Files.write(in.resolve("empty.doc"), new byte[0]);
        Files.writeString(in.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a PDF\n");
        Files.write(in.resolve("scan.png"), ScanRenderer.png(
                ScanFixtures.pages(TestCorpus.BAO_LOC, ScanRenderer.Style.clean(), 1).get(0).image()));

        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestPipeline pipeline = pipeline(index, data, MISSING);
            List<IngestOutcome> live = new ArrayList<>();
            IngestReport report = pipeline.run(List.of(in, tmp.resolve("no-such-folder")), live::add);
            Map<IngestStatus, Integer> c = report.counts();
            assertEquals(6, report.seen());
            assertEquals(report.seen(), c.values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(1, c.get(IngestStatus.IMPORTED));
            assertEquals(1, c.get(IngestStatus.DUPLICATE));
            assertEquals(1, c.get(IngestStatus.WAITING_OCR));
            assertEquals(3, c.get(IngestStatus.FAILED));
            assertEquals(6, live.size(), "the listener heard every outcome");
            assertTrue(only(report, "broken.pdf").reason().startsWith("Không đọc được nội dung tệp"));
            assertEquals("Tệp rỗng (empty file)", only(report, "empty.doc").reason());

            String id = only(report, "209.txt").status() == IngestStatus.IMPORTED ? only(report, "209.txt").documentId()
                    : only(report, "209-again.txt").documentId();
            ArchivedDocument doc = index.get(id).orElseThrow();
            assertEquals(2, doc.source().paths().size(), "the duplicate's path is recorded: " + doc.source().paths());

            IngestProgress.Snapshot s = pipeline.progress().snapshot();
            assertFalse(s.running());
            assertEquals(6, s.done());
            assertEquals(6, s.total());
        }
        JsonNode json = latestReport(data);
        assertEquals(6, json.path("seen").asInt());
        assertEquals(6, json.path("outcomes").size());
        try (Stream<Path> csvs = Files.list(data.resolve("reports"))) {
            Path csv = csvs.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals("path,status,reason,pages,ocr_confidence,seconds,document_id,sha256,failure", lines.get(0));
            assertEquals(7, lines.size());
        }
    }

    @Test
    void retry_failed_imports_again_only_the_failures_of_the_last_report(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Files.writeString(in.resolve("a.txt"), TestCorpus.state("209.txt"));
        Path bad = in.resolve("b.pdf");
        Files.writeString(bad, "%PDF-1.7\nbroken\n");
        assertEquals(0, App.commandLine().execute("import", in.toString(), "--data", data.toString(), "--no-progress"));
        assertEquals(1, latestReport(data).path("counts").path("FAILED").asInt());

        Files.write(bad, DocumentRenderer.withSystemFont().pdf(TestCorpus.read(TestCorpus.BAO_LOC)));
        Thread.sleep(5); // report names are timestamps to the millisecond
        assertEquals(0, App.commandLine().execute("import", "--retry-failed", "--data", data.toString(), "--no-progress"));
        JsonNode retry = latestReport(data);
        assertEquals(1, retry.path("seen").asInt(), "only the failure ran again: " + retry);
        assertEquals("IMPORTED", retry.path("outcomes").get(0).path("status").asText());
        assertTrue(retry.path("outcomes").get(0).path("path").asText().endsWith("b.pdf"));
    }

    @Test
    void import_retry_completes_scans_that_waited_while_tesseract_was_missing(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Files.write(in.resolve("134.png"), ScanRenderer.png(
                ScanFixtures.pages(TestCorpus.BAO_LOC, ScanRenderer.Style.noisy(2), 1).get(0).image()));
        System.setProperty(TesseractOcr.BINARY_PROPERTY, "/nonexistent/tesseract");
        try {
            assertEquals(0, App.commandLine().execute("import", in.toString(), "--data", data.toString(), "--no-progress"));
        } finally {
            System.clearProperty(TesseractOcr.BINARY_PROPERTY);
        }
        assertEquals(1, latestReport(data).path("counts").path("WAITING_OCR").asInt());
        Thread.sleep(5);
        assertEquals(0, App.commandLine().execute("import", "--retry", "--data", data.toString(), "--no-progress"));
        JsonNode retry = latestReport(data);
        assertEquals(1, retry.path("counts").path("IMPORTED").asInt(), retry.toString());
        assertTrue(retry.path("outcomes").get(0).path("ocrConfidence").asDouble() > 80, retry.toString());
    }

    @Test
    void each_email_attachment_becomes_a_document_linked_to_its_envelope(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        byte[] docx = DocumentRenderer.docx(ScanFixtures.printed(TestCorpus.BAO_LOC));
        String eml = String.join("\r\n",
                "From: vanthu@baoloc.example",
                "To: luutru@lamdong.example",
                "Subject: Cong van 134-CV/ThU",
                "Date: Tue, 28 Apr 2020 08:00:00 +0700",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"XYZ\"",
                "",
                "--XYZ",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString("Kính gửi: Văn thư lưu trữ. Gửi kèm công văn.".getBytes(StandardCharsets.UTF_8)),
                "--XYZ",
                "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"134.docx\"",
                "Content-Disposition: attachment; filename=\"134.docx\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(docx),
                "--XYZ",
                "Content-Type: text/plain; charset=UTF-8; name=\"209.txt\"",
                "Content-Disposition: attachment; filename=\"209.txt\"",
                "Content-Transfer-Encoding: base64",
                "",
                Base64.getMimeEncoder().encodeToString(TestCorpus.state("209.txt").getBytes(StandardCharsets.UTF_8)),
                "--XYZ--",
                "");
        Files.writeString(in.resolve("thu.eml"), eml);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = pipeline(index, data, MISSING).run(List.of(in), o -> { });
            assertEquals(3, report.counts().get(IngestStatus.IMPORTED), report.outcomes().toString());
            IngestOutcome envelope = only(report, "thu.eml");
            IngestOutcome letter = only(report, "thu.eml!134.docx");
            IngestOutcome state = only(report, "thu.eml!209.txt");
            assertEquals("134-CV/ThU", index.get(letter.documentId()).orElseThrow().metadata().number());
            assertTrue(index.get(letter.documentId()).orElseThrow().notes()
                    .contains("Tệp đính kèm của thư: " + envelope.documentId()));
            List<String> envelopeNotes = index.get(envelope.documentId()).orElseThrow().notes();
            assertTrue(envelopeNotes.contains("Tệp đính kèm: " + letter.documentId()), envelopeNotes.toString());
            assertTrue(envelopeNotes.contains("Tệp đính kèm: " + state.documentId()), envelopeNotes.toString());
        }
    }

    private static JsonNode latestReport(Path data) throws IOException {
        Path json = new ReportFiles(data.resolve("reports")).latest().orElseThrow();
        return new ObjectMapper().readTree(json.toFile());
    }
}
