package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.archive.render.ScanRenderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF/A rendition built from given word boxes (no Tesseract needed): veraPDF accepts it for every scan format,
 * Tika reads the words back in order, each word lies over its box, and the layer paints nothing.
 */
class PdfaRenditionTest {
    /** A 300 dpi strip, 4 × 1 inches, with a black bar where each word is. */
    private static final int W = 1200;
    private static final int H = 300;
    private static final List<OcrLayout.Word> WORDS = List.of(
            new OcrLayout.Word("Số", 100, 100, 60, 50, 90, 70),
            new OcrLayout.Word("374-CV/HU", 190, 100, 260, 50, 90, 70),
            new OcrLayout.Word("ngày", 480, 100, 110, 50, 90, 70),
            new OcrLayout.Word("30/7/2019", 620, 100, 250, 50, 90, 70),
            new OcrLayout.Word("Triệu", 100, 200, 130, 50, 190, 70),
            new OcrLayout.Word("Phong", 260, 200, 150, 50, 190, 70));

    private static BufferedImage page(int type) {
        BufferedImage image = new BufferedImage(W, H, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.BLACK);
            for (OcrLayout.Word w : WORDS) {
                g.fillRect(w.left(), w.top(), w.width(), w.height());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] original(String format) throws IOException {
        return switch (format) {
            case "png" -> ScanRenderer.png(page(BufferedImage.TYPE_INT_ARGB));
            case "grey-png" -> ScanRenderer.png(page(BufferedImage.TYPE_BYTE_GRAY));
            case "jpeg" -> write(page(BufferedImage.TYPE_INT_RGB), "jpeg", null);
            case "tiff" -> write(page(BufferedImage.TYPE_BYTE_BINARY), "tiff", "CCITT T.6");
            case "pdf" -> ScanRenderer.imagePdf(List.of(page(BufferedImage.TYPE_BYTE_GRAY)));
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static byte[] write(BufferedImage image, String format, String compression) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String mediaType(String format) {
        return format.equals("pdf") ? "application/pdf" : "image/" + format.replace("grey-", "");
    }

    private static byte[] rendition(String format, double degrees) throws IOException {
        return PdfaRendition.build(original(format), mediaType(format), List.of(new OcrLayout(1, W, H, degrees, WORDS)),
                "Công văn 374-CV/HU");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "grey-png", "jpeg", "tiff", "pdf"})
    void the_rendition_of_each_scan_format_is_pdf_a_2b_for_verapdf(String format) throws Exception {
        List<String> failures = VeraPdf.pdfA2bFailures(rendition(format, 0));
        assertEquals(List.of(), failures, format + " rendition breaks PDF/A-2b rules");
    }

    @Test
    void the_scanned_pdf_as_it_arrived_is_not_pdf_a_so_the_validator_is_really_checking() throws Exception {
        List<String> failures = VeraPdf.pdfA2bFailures(original("pdf"));
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("6.6.2.1")), "no XMP metadata: " + failures);
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("6.2.4.3")), "no output intent: " + failures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "grey-png", "tiff", "pdf"})
    void tika_reads_the_invisible_layer_back_as_the_ocr_words_in_order(String format) throws Exception {
        byte[] pdf = rendition(format, 0);
        Extraction tika = new TikaExtractor().extract(new SourceFile("r.pdf", "r.pdf", pdf));
        String text = ScanFixtures.squash(tika.text());
        assertTrue(text.contains("Số 374-CV/HU ngày 30/7/2019"), text);
        assertTrue(text.contains("Triệu Phong"), text);
        assertEquals(1, tika.pages());
    }

    /** Glyph positions of each word on page 1, in PDF points from the page's top left (as PDFBox reports them). */
    private static List<List<TextPosition>> words(byte[] pdf) throws IOException {
        List<List<TextPosition>> words = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    List<TextPosition> word = new ArrayList<>();
                    for (TextPosition p : positions) {
                        if (p.getUnicode().isBlank()) {
                            if (!word.isEmpty()) {
                                words.add(word);
                            }
                            word = new ArrayList<>();
                        } else {
                            word.add(p);
                        }
                    }
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            };
            stripper.writeText(doc, new StringWriter());
        }
        return words;
    }

    @Test
    void each_word_of_the_layer_lies_over_its_box_on_the_page_image() throws Exception {
        List<List<TextPosition>> words = words(rendition("png", 0));
        assertEquals(WORDS.size(), words.size(), "one run of glyphs per word");
        double pt = 72.0 / 300;
        for (int i = 0; i < WORDS.size(); i++) {
            OcrLayout.Word box = WORDS.get(i);
            List<TextPosition> glyphs = words.get(i);
            TextPosition first = glyphs.get(0);
            TextPosition last = glyphs.get(glyphs.size() - 1);
            double left = first.getXDirAdj();
            double right = last.getXDirAdj() + last.getWidthDirAdj();
            double baseline = first.getYDirAdj();
            assertEquals(box.left() * pt, left, 1.0, box.text() + " starts where its box does");
            assertEquals((box.left() + box.width()) * pt, right, 1.5, box.text() + " ends where its box does");
            assertTrue(baseline > box.lineTop() * pt && baseline <= (box.lineTop() + box.lineHeight()) * pt,
                    box.text() + " baseline " + baseline + " inside its line");
        }
    }

    @Test
    void on_a_skewed_page_the_words_follow_the_original_tilt_not_the_straightened_copy() throws Exception {
        double degrees = 3;
        List<List<TextPosition>> words = words(rendition("png", degrees));
        TextPosition first = words.get(1).get(0);
        OcrLayout.Word box = WORDS.get(1);
        // The straightened image was the original turned by -3°; the word's corner on the original is turned back.
        double a = Math.toRadians(degrees);
        double cx = W / 2.0;
        double cy = H / 2.0;
        double baseline = box.lineTop() + 0.905 * box.lineHeight() / (0.905 + 0.212);
        double x = cx + (box.left() - cx) * Math.cos(a) - (baseline - cy) * Math.sin(a);
        double y = cy + (box.left() - cx) * Math.sin(a) + (baseline - cy) * Math.cos(a);
        double pt = 72.0 / 300;
        assertEquals(x * pt, first.getTextMatrix().getTranslateX(), 0.5);
        assertEquals(H * pt - y * pt, first.getTextMatrix().getTranslateY(), 0.5);
        assertEquals(-degrees, Math.toDegrees(Math.atan2(first.getTextMatrix().getShearY(),
                first.getTextMatrix().getScaleX())), 0.01, "the text runs along the tilted line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "grey-png", "tiff"})
    void the_page_shows_the_original_pixels_and_the_text_layer_paints_nothing(String format) throws Exception {
        try (PDDocument doc = Loader.loadPDF(rendition(format, 0))) {
            BufferedImage shown = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            BufferedImage expected = page(BufferedImage.TYPE_BYTE_GRAY);
            assertEquals(W, shown.getWidth());
            assertEquals(H, shown.getHeight());
            int differing = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    if (Math.abs((shown.getRGB(x, y) & 0xff) - (expected.getRGB(x, y) & 0xff)) > 8) {
                        differing++;
                    }
                }
            }
            assertEquals(0, differing, "pixels that differ from the original scan");
        }
    }
}
