package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.archive.render.ScanRenderer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PDF/A renditions of the PDFs that are not plain scans: a mixed PDF whose typed pages name fonts they do not
 * carry, and scanned pages turned by a {@code /Rotate} entry. veraPDF checks each; the text layer is checked where
 * it lies.
 */
class PdfaMixedPagesTest {
    /** The corpus's typed Bảo Lộc letter (its font embedded as it came; the fixture takes the font out). */
    private static final Path TYPED = Path.of("corpus/rendered/003_4653ab8526411b1c.pdf");
    private static final int W = 1200;
    private static final int H = 300;
    private static final List<OcrLayout.Word> WORDS = List.of(
            new OcrLayout.Word("Triệu", 100, 100, 130, 50, 90, 70),
            new OcrLayout.Word("Phong", 260, 100, 150, 50, 90, 70),
            new OcrLayout.Word("30/7/2019", 480, 200, 250, 50, 190, 70));

    private static BufferedImage strip() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.BLACK);
            WORDS.forEach(w -> g.fillRect(w.left(), w.top(), w.width(), w.height()));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Page 1 typed in Helvetica and Times-Bold (not embedded, as many office PDFs name them), page 2 a scan, page 3
     * the corpus letter's first page with its Vietnamese font's program removed.
     */
    private static byte[] mixedPdf() throws IOException {
        return mixedPdf(strip());
    }

    /** The mixed PDF with this scanned page (also used by {@link IngestBench}). */
    static byte[] mixedPdf(BufferedImage scan) throws IOException {
        try (PDDocument doc = new PDDocument(); PDDocument typed = Loader.loadPDF(Files.readAllBytes(TYPED))) {
            PDPage first = new PDPage(PDRectangle.A4);
            doc.addPage(first);
            try (PDPageContentStream cs = new PDPageContentStream(doc, first)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 14);
                cs.newLineAtOffset(72, 760);
                cs.showText("HUYEN UY TRIEU PHONG");
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(0, -24);
                cs.showText("So 374-CV/HU, ngay 30/7/2019 \u2013 \u201cDan van kheo\u201d");
                cs.endText();
            }
            ScanRenderer.addImagePage(doc, scan);
            PDPage letter = doc.importPage(typed.getPage(0));
            for (COSName name : letter.getResources().getFontNames()) {
                PDFont font = letter.getResources().getFont(name);
                if (font instanceof PDType0Font t0) {
                    t0.getDescendantFont().getFontDescriptor().getCOSObject().removeItem(COSName.FONT_FILE2);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] mixedRendition(byte[] pdf) throws IOException {
        return PdfaRendition.build(pdf, "application/pdf", List.of(new OcrLayout(2, W, H, 0, WORDS)), "Hỗn hợp");
    }

    @Test
    void a_mixed_pdf_naming_fonts_it_does_not_carry_fails_as_it_came_and_its_rendition_is_pdf_a_2b() throws Exception {
        byte[] pdf = mixedPdf();
        List<String> before = VeraPdf.pdfA2bFailures(pdf);
        assertTrue(before.stream().anyMatch(f -> f.startsWith("6.2.11.4")), "fonts not embedded: " + before);
        assertEquals(List.of(), VeraPdf.pdfA2bFailures(mixedRendition(pdf)));
    }

    @Test
    void tika_reads_the_typed_pages_and_the_ocr_words_of_the_rendition() throws Exception {
        byte[] pdfa = mixedRendition(mixedPdf());
        Extraction tika = new TikaExtractor().extract(new SourceFile("m.pdf", "m.pdf", pdfa));
        String text = ScanFixtures.squash(tika.text());
        assertTrue(text.contains("So 374-CV/HU, ngay 30/7/2019"), text);
        assertTrue(text.contains("Triệu Phong"), text);
        assertTrue(text.contains("Số 134-CV/ThU"), text);
        assertTrue(text.contains("phong trào thi đua"), text);
        assertEquals(3, tika.pages());
    }

    @Test
    void a_page_in_a_standard_font_keeps_its_vector_text_with_an_embedded_font_of_the_same_widths() throws Exception {
        assumeLiberationFaces();
        byte[] pdf = mixedPdf();
        List<TextPosition> before = glyphs(pdf, 1);
        List<TextPosition> after = glyphs(mixedRendition(pdf), 1);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getUnicode(), after.get(i).getUnicode());
            assertEquals(before.get(i).getXDirAdj(), after.get(i).getXDirAdj(), 0.05, "glyph " + i + " moved");
        }
        try (PDDocument doc = Loader.loadPDF(mixedRendition(pdf))) {
            PDPage page = doc.getPage(0);
            for (COSName name : page.getResources().getFontNames()) {
                assertTrue(page.getResources().getFont(name).isEmbedded(), name.getName());
            }
            assertFalse(page.getResources().getXObjectNames().iterator().hasNext(), "page 1 was not made an image");
        }
    }

    @Test
    void a_page_whose_composite_font_is_missing_becomes_its_image_with_its_own_text_where_the_glyphs_were()
            throws Exception {
        byte[] pdf = mixedPdf();
        byte[] pdfa = mixedRendition(pdf);
        try (PDDocument doc = Loader.loadPDF(pdfa)) {
            PDPage page = doc.getPage(2);
            COSName image = page.getResources().getXObjectNames().iterator().next();
            assertTrue(page.getResources().getXObject(image) instanceof PDImageXObject);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5);
        }
        List<TextPosition> original = glyphs(pdf, 3);
        List<TextPosition> layer = glyphs(pdfa, 3);
        TextPosition number = startOf(original, "134-CV");
        TextPosition laid = startOf(layer, "134-CV");
        assertEquals(number.getXDirAdj(), laid.getXDirAdj(), 1.0, "the number starts where it was printed");
        assertEquals(number.getYDirAdj(), laid.getYDirAdj(), 1.0, "on the same baseline");
    }

    private static TextPosition startOf(List<TextPosition> glyphs, String word) {
        StringBuilder s = new StringBuilder();
        glyphs.forEach(g -> s.append(g.getUnicode().charAt(0)));
        int at = s.indexOf(word);
        assertTrue(at >= 0, word + " in " + s);
        return glyphs.get(at);
    }

    /** The glyphs of one page (from 1) in reading order, spaces left out. */
    private static List<TextPosition> glyphs(byte[] pdf, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.stream().filter(p -> !p.getUnicode().isBlank()).forEach(glyphs::add);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.writeText(doc, new StringWriter());
        }
        return glyphs;
    }

    @Test
    void a_standard_font_without_an_encoding_keeps_its_glyphs_through_a_winansi_based_encoding() throws Exception {
        assumeLiberationFaces();
        // Times-Roman named with no /Encoding uses StandardEncoding, where 0x27 is ’ and 0x60 is ‘ (WinAnsi: ' and `).
        org.apache.pdfbox.cos.COSDictionary dict = new org.apache.pdfbox.cos.COSDictionary();
        dict.setItem(COSName.TYPE, COSName.FONT);
        dict.setItem(COSName.SUBTYPE, COSName.TYPE1);
        dict.setName(COSName.BASE_FONT, "Times-Roman");
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(dict), 12);
                cs.newLineAtOffset(72, 760);
                cs.showText("\u2018Dan van kheo\u2019 fi");
                cs.endText();
            }
            ScanRenderer.addImagePage(doc, strip());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] pdfa = PdfaRendition.build(pdf, "application/pdf", List.of(new OcrLayout(2, W, H, 0, WORDS)), null);
        assertEquals(List.of(), VeraPdf.pdfA2bFailures(pdfa));
        List<TextPosition> before = glyphs(pdf, 1);
        List<TextPosition> after = glyphs(pdfa, 1);
        assertEquals("\u2018Danvankheo\u2019fi", after.stream().map(TextPosition::getUnicode).reduce("", String::concat));
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).getXDirAdj(), after.get(i).getXDirAdj(), 0.05, "glyph " + i + " moved");
        }
        try (PDDocument doc = Loader.loadPDF(pdfa)) {
            var resources = doc.getPage(0).getResources();
            PDFont font = resources.getFont(resources.getFontNames().iterator().next());
            assertTrue(font.isEmbedded());
            var encoding = (org.apache.pdfbox.cos.COSDictionary) font.getCOSObject().getDictionaryObject(COSName.ENCODING);
            assertEquals(COSName.WIN_ANSI_ENCODING, encoding.getDictionaryObject(COSName.BASE_ENCODING));
            assertTrue(encoding.getDictionaryObject(COSName.DIFFERENCES).toString().contains("quoteright"),
                    "0x27 keeps its StandardEncoding glyph");
        }
    }

    /** An image PDF whose one page is stored turned and shown upright through {@code /Rotate}. */
    private static byte[] rotatedScan(int rotation) throws IOException {
        BufferedImage upright = strip();
        boolean quarter = rotation % 180 != 0;
        BufferedImage stored = new BufferedImage(quarter ? H : W, quarter ? W : H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = stored.createGraphics();
        try {
            // Stored turned back by the rotation, so that the viewer's clockwise turn shows it upright.
            AffineTransform t = new AffineTransform();
            t.translate(stored.getWidth() / 2.0, stored.getHeight() / 2.0);
            t.rotate(Math.toRadians(-rotation));
            t.translate(-W / 2.0, -H / 2.0);
            g.drawImage(upright, t, null);
        } finally {
            g.dispose();
        }
        try (PDDocument doc = Loader.loadPDF(ScanRenderer.imagePdf(List.of(stored)))) {
            doc.getPage(0).setRotation(rotation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void on_a_rotated_page_each_word_lies_over_its_box_as_the_page_is_shown(int rotation) throws Exception {
        byte[] scan = rotatedScan(rotation);
        byte[] pdfa = PdfaRendition.build(scan, "application/pdf", List.of(new OcrLayout(1, W, H, 0, WORDS)), null);
        assertEquals(List.of(), VeraPdf.pdfA2bFailures(pdfa));
        List<TextPosition> glyphs = glyphs(pdfa, 1);
        // The image fills an A4 page; as shown, the page is A4 across or, turned a quarter, A4 on its side.
        boolean quarter = rotation % 180 != 0;
        double sx = (quarter ? PDRectangle.A4.getHeight() : PDRectangle.A4.getWidth()) / W;
        double sy = (quarter ? PDRectangle.A4.getWidth() : PDRectangle.A4.getHeight()) / H;
        for (OcrLayout.Word w : WORDS) {
            TextPosition first = startOf(glyphs, w.text());
            double baseline = w.lineTop() + PdfaRendition.ASCENT * w.lineHeight()
                    / (PdfaRendition.ASCENT + PdfaRendition.DESCENT);
            // getX and getY are PDFBox's positions on the page as shown (rotation applied, origin top left).
            assertEquals(w.left() * sx, first.getX(), 1.0, w.text() + " starts where its box does");
            assertEquals(baseline * sy, first.getY(), 1.5, w.text() + " sits on its line");
        }
        Extraction tika = new TikaExtractor().extract(new SourceFile("r.pdf", "r.pdf", pdfa));
        assertTrue(ScanFixtures.squash(tika.text()).contains("Triệu Phong 30/7/2019"), tika.text());
    }

    /**
     * Liberation Serif and Mono, of Times' and Courier's widths, come from Debian's fonts-liberation (installed by
     * {@code .ci/run}); without it a rendition embeds PDFBox's own Liberation Sans for every family, and a Times text
     * keeps its words but not their exact places.
     */
    private static void assumeLiberationFaces() {
        Path serif = Path.of("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf");
        Assumptions.assumeTrue(Files.isRegularFile(serif), "fonts-liberation is not installed (.ci/run installs it)");
    }
}
