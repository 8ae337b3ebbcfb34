package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.ScanRenderer;
import vn.archive.storage.ContentStore;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans imported through the pipeline with Tesseract: each gets a PDF/A-2b rendition that veraPDF accepts and whose
 * invisible text layer, read again by Tika, gives the document's number and date; a typed file gets none.
 */
class PdfaScanIT {
    private static final MetadataExtractor META = new MetadataExtractor(Dictionaries.builtIn());

    @Test
    void imported_scans_get_a_valid_pdf_a_whose_text_layer_gives_back_their_number_and_date(@TempDir Path tmp)
            throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        // The corpus's image-only PDF of the Triệu Phong letter, and a skewed, noisy PNG of the Bảo Lộc letter.
        Files.copy(TestCorpus.ROOT.resolve("scans").resolve("002_fa18a2e4ded8d877-scan.pdf"), in.resolve("374.pdf"));
        Files.write(in.resolve("134.png"), ScanRenderer.png(
                ScanFixtures.pages(TestCorpus.BAO_LOC, ScanRenderer.Style.noisy(2), 1).get(0).image()));
        Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));

        ContentStore store = new ContentStore(data);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = new IngestPipeline(index, store, new TikaExtractor(),
                    META, TesseractOcr.system()).run(List.of(in), o -> { });
            check(index, store, outcome(report, "374.pdf"), "374-CV/HU", LocalDate.of(2019, 7, 30));
            check(index, store, outcome(report, "134.png"), "134-CV/ThU", LocalDate.of(2020, 4, 28));
            assertFalse(store.pdfa(outcome(report, "209.txt").sha256()).isPresent(), "a typed text has no rendition");
        }
    }

    @Test
    void a_mixed_pdf_with_a_standard_font_page_and_the_corpus_scan_turned_by_rotate_gets_a_valid_pdf_a(
            @TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Files.write(in.resolve("mixed.pdf"), mixedWithTurnedScan());
        ContentStore store = new ContentStore(data);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = new IngestPipeline(index, store, new TikaExtractor(),
                    META, TesseractOcr.system()).run(List.of(in), o -> { });
            IngestOutcome o = outcome(report, "mixed.pdf");
            check(index, store, o, "374-CV/HU", LocalDate.of(2019, 7, 30));
            String layer = new TikaExtractor().extract(new SourceFile("r.pdf", "r.pdf",
                    Files.readAllBytes(store.pdfa(o.sha256()).orElseThrow()))).text();
            assertTrue(ScanFixtures.squash(layer).contains("PHIEU CHUYEN VAN BAN"), layer);
        }
    }

    /**
     * A typed cover page in Helvetica (not embedded) and the corpus's scanned Triệu Phong letter stored on its side
     * (content turned a quarter counter-clockwise on a landscape page) and shown upright by {@code /Rotate 90}.
     */
    private static byte[] mixedWithTurnedScan() throws Exception {
        byte[] scan = Files.readAllBytes(TestCorpus.ROOT.resolve("scans").resolve("002_fa18a2e4ded8d877-scan.pdf"));
        try (var doc = new PDDocument();
             var source = Loader.loadPDF(scan)) {
            var cover = new PDPage(PDRectangle.A4);
            doc.addPage(cover);
            try (var cs = new PDPageContentStream(doc, cover)) {
                cs.beginText();
                cs.setFont(new PDType1Font(
                        Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                cs.newLineAtOffset(72, 760);
                cs.showText("PHIEU CHUYEN VAN BAN");
                cs.endText();
            }
            var page = doc.importPage(source.getPage(0));
            var box = page.getMediaBox();
            float h = box.getHeight();
            page.setMediaBox(new PDRectangle(h, box.getWidth()));
            page.setCropBox(null);
            try (var cs = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.PREPEND, true)) {
                cs.transform(new Matrix(0, 1, -1, 0, h, 0));
            }
            page.setRotation(90);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static IngestOutcome outcome(IngestReport report, String name) {
        IngestOutcome o = report.outcomes().stream().filter(x -> x.path().endsWith(name)).findFirst().orElseThrow();
        assertEquals(IngestStatus.IMPORTED, o.status(), name + ": " + o.reason());
        return o;
    }

    private static void check(LuceneIndex index, ContentStore store, IngestOutcome o, String number, LocalDate date)
            throws Exception {
        ArchivedDocument doc = index.get(o.documentId()).orElseThrow();
        assertEquals(number, doc.metadata().number(), "the OCR text itself");
        Path pdfa = store.pdfa(o.sha256()).orElseThrow(() -> new AssertionError("no PDF/A for " + o.path()
                + "; notes " + doc.notes()));
        byte[] bytes = Files.readAllBytes(pdfa);
        assertEquals(List.of(), VeraPdf.pdfA2bFailures(bytes), o.path() + " rendition breaks PDF/A-2b rules");
        Extraction again = new TikaExtractor().extract(new SourceFile("r.pdf", "r.pdf", bytes));
        DocumentMetadata m = META.extract(again.text());
        assertEquals(number, m.number(), "number read from the PDF/A's text layer:\n" + again.text());
        assertEquals(date, m.date(), "date read from the PDF/A's text layer");
        assertEquals(doc.metadata().number(), m.number());
        assertEquals(doc.metadata().date(), m.date());
        assertTrue(Files.readAllBytes(store.original(o.sha256()).orElseThrow()).length > 0, "the original stays");
    }
}
