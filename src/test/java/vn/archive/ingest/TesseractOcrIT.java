package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;
import vn.archive.render.DocumentRenderer;
import vn.archive.render.ScanRenderer;

import java.io.ByteArrayOutputStream;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tesseract on scans rendered from the seeds and state documents, judged by character error rate. */
@Tag("slow")
class TesseractOcrIT {
    private static final TesseractOcr OCR = TesseractOcr.system();
    private static final java.nio.file.Path STATE_209 = TestCorpus.ROOT.resolve("state").resolve("209.txt");
    private static final MetadataExtractor META = new MetadataExtractor(Dictionaries.builtIn());

    @BeforeAll
    static void tesseract_with_vietnamese_is_installed() {
        Assumptions.assumeTrue(OCR.available(), "tesseract-ocr and tesseract-ocr-vie are installed by .ci/run");
    }

    private static OcrEngine.Result ocr(String name, byte[] bytes, String mediaType) throws Exception {
        Optional<OcrEngine.Result> r = OCR.recognize(new SourceFile(name, name, bytes), new Extraction("", mediaType, 0));
        assertTrue(r.isPresent(), "OCR ran");
        return r.get();
    }

    @Test
    void a_clean_png_of_the_Trieu_Phong_letter_reads_within_3_percent_and_keeps_its_header() throws Exception {
        List<ScanRenderer.Page> pages = ScanFixtures.pages(TestCorpus.TRIEU_PHONG, ScanRenderer.Style.clean(), 1);
        OcrEngine.Result r = ocr("374.png", ScanRenderer.png(pages.get(0).image()), "image/png");
        double cer = ScanFixtures.cer(ScanFixtures.text(pages), r.text());
        System.out.printf("clean PNG CER %.4f, confidence %.1f%n", cer, r.confidence());
        assertTrue(cer <= 0.03, "CER " + cer + " for:\n" + r.text());
        assertEquals(1, r.pages());
        assertTrue(r.confidence() > 50, "confidence " + r.confidence());
        DocumentMetadata m = META.extract(r.text());
        assertEquals("Công văn", m.kind());
        assertEquals("374-CV/HU", m.number());
        assertEquals(LocalDate.of(2019, 7, 30), m.date());
    }

    @Test
    void a_noisy_skewed_multipage_tiff_of_the_Bao_Loc_letter_reads_within_8_percent_and_keeps_its_header() throws Exception {
        List<ScanRenderer.Page> pages = ScanFixtures.pages(TestCorpus.BAO_LOC, ScanRenderer.Style.noisy(2), 2);
        assertEquals(2, pages.size());
        OcrEngine.Result r = ocr("134.tif", ScanRenderer.tiff(pages.stream().map(ScanRenderer.Page::image).toList()),
                "image/tiff");
        double cer = ScanFixtures.cer(ScanFixtures.text(pages), r.text());
        System.out.printf("noisy TIFF CER %.4f, confidence %.1f%n", cer, r.confidence());
        assertTrue(cer <= 0.08, "CER " + cer + " for:\n" + r.text());
        assertEquals(2, r.pages());
        assertEquals(2, r.pageConfidences().size());
        DocumentMetadata m = META.extract(r.text());
        assertEquals("Công văn", m.kind());
        assertEquals("134-CV/ThU", m.number());
        assertEquals(LocalDate.of(2020, 4, 28), m.date());
    }

    @Test
    void an_image_only_pdf_of_a_state_letter_reads_within_3_percent_and_keeps_its_number() throws Exception {
        List<ScanRenderer.Page> pages = ScanFixtures.pages(STATE_209, ScanRenderer.Style.clean(), 1);
        OcrEngine.Result r = ocr("209.pdf", ScanRenderer.imagePdf(List.of(pages.get(0).image())), "application/pdf");
        double cer = ScanFixtures.cer(ScanFixtures.text(pages), r.text());
        System.out.printf("image PDF CER %.4f, confidence %.1f%n", cer, r.confidence());
        assertTrue(cer <= 0.03, "CER " + cer + " for:\n" + r.text());
        DocumentMetadata m = META.extract(r.text());
        assertEquals("Công văn", m.kind());
        assertEquals("2739/VPCP-ĐMDN", m.number());
        assertEquals(LocalDate.of(2019, 4, 5), m.date());
    }

    @Test
    void a_mixed_pdf_is_recognized_only_on_the_page_without_a_text_layer() throws Exception {
        String typed = "Trang một có lớp chữ: Nghị quyết số 25-NQ/TW về công tác dân vận.";
        List<ScanRenderer.Page> scanned = ScanFixtures.pages(TestCorpus.TRIEU_PHONG, ScanRenderer.Style.clean(), 1);
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(DocumentRenderer.withSystemFont().pdf(typed));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ScanRenderer.addImagePage(doc, scanned.get(0).image());
            doc.save(out);
            pdf = out.toByteArray();
        }
        Extraction tika = new TikaExtractor().extract(new SourceFile("mixed.pdf", "mixed.pdf", pdf));
        assertTrue(tika.hasPagesWithoutText(), "Tika's characters per page show the scanned page: " + tika.charsPerPage());
        assertTrue(OCR.wants(new SourceFile("mixed.pdf", "mixed.pdf", pdf), tika));
        OcrEngine.Result r = OCR.recognize(new SourceFile("mixed.pdf", "mixed.pdf", pdf), tika).orElseThrow();
        assertEquals(1, r.pages());
        assertEquals(List.of(2), r.pageConfidences().stream().map(OcrEngine.PageConfidence::page).toList());
        assertTrue(r.text().startsWith(typed), r.text());
        String ocrd = r.text().substring(typed.length());
        assertTrue(ScanFixtures.cer(ScanFixtures.text(scanned), ocrd) <= 0.03, ocrd);
    }
}
