package vn.archive.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Renders text as scanned pages: A4 at 300 dpi in grey, optionally "noisy" (speckles, uneven grey, a small skew),
 * and packs them as PNG, multi-page TIFF or an image-only PDF. Deterministic for a given text and options, so OCR
 * tests can compare what Tesseract reads with exactly the lines that were drawn.
 */
public final class ScanRenderer {
    /** Scan resolution. */
    public static final int DPI = 300;
    private static final int WIDTH = Math.round(PDRectangle.A4.getWidth() / 72 * DPI);
    private static final int HEIGHT = Math.round(PDRectangle.A4.getHeight() / 72 * DPI);
    private static final int MARGIN = DPI; // one inch
    private static final float FONT_POINTS = 12f;

    /**
     * How a scan looks.
     *
     * @param skewDegrees rotation applied to the page (positive = clockwise)
     * @param noise       whether to add speckles and uneven background
     * @param seed        random seed for the noise
     */
    public record Style(double skewDegrees, boolean noise, long seed) {
        /** A clean, straight scan. */
        public static Style clean() {
            return new Style(0, false, 0);
        }

        /** A noisy scan rotated by the given angle. */
        public static Style noisy(double skewDegrees) {
            return new Style(skewDegrees, true, 42);
        }
    }

    /** One rendered page and the lines of text drawn on it, in order. */
    public record Page(BufferedImage image, List<String> lines) {
        /** The drawn text, one line per line. */
        public String text() {
            return String.join("\n", lines);
        }
    }

    private final Font font;

    public ScanRenderer(Path fontFile) throws IOException {
        try {
            this.font = Font.createFont(Font.TRUETYPE_FONT, fontFile.toFile())
                    .deriveFont(FONT_POINTS * DPI / 72f);
        } catch (FontFormatException e) {
            throw new IOException("Not a TrueType font: " + fontFile, e);
        }
    }

    /** A renderer with the first Vietnamese-capable system font. */
    public static ScanRenderer withSystemFont() throws IOException {
        return new ScanRenderer(Fonts.vietnamese());
    }

    /** Renders the text as at most {@code maxPages} pages (blank lines kept, long lines wrapped). */
    public List<Page> render(String text, Style style, int maxPages) {
        Objects.requireNonNull(style, "style");
        List<List<String>> pages = layout(text, maxPages);
        List<Page> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            out.add(new Page(draw(pages.get(i), style, i), pages.get(i)));
        }
        return out;
    }

    private List<List<String>> layout(String text, int maxPages) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = probe.createGraphics();
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        int width = WIDTH - 2 * MARGIN;
        int perPage = (HEIGHT - 2 * MARGIN) / lineHeight(fm);
        List<String> lines = new ArrayList<>();
        String previous = null;
        for (String raw : text.strip().split("\n")) {
            String para = raw.strip().replaceAll("\\s+", " ");
            if (para.isEmpty() && (previous == null || previous.isEmpty())) {
                continue; // collapse runs of blank lines: they carry no text
            }
            lines.addAll(wrap(fm, para, width));
            previous = para;
        }
        List<List<String>> pages = new ArrayList<>();
        for (int start = 0; start < lines.size() && pages.size() < maxPages; start += perPage) {
            List<String> page = new ArrayList<>(lines.subList(start, Math.min(lines.size(), start + perPage)));
            while (!page.isEmpty() && page.get(page.size() - 1).isEmpty()) {
                page.remove(page.size() - 1);
            }
            pages.add(page);
        }
        return pages;
    }

    private static int lineHeight(FontMetrics fm) {
        return Math.round(fm.getHeight() * 1.25f);
    }

    private static List<String> wrap(FontMetrics fm, String para, int width) {
        return wrap(para, fm::stringWidth, width);
    }

    /** Greedy word wrap: as many words per line as fit in {@code max} by the given measure. */
    static List<String> wrap(String para, ToDoubleFunction<String> measure, double max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : para.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && measure.applyAsDouble(candidate) > max) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        out.add(line.toString());
        return out;
    }

    private BufferedImage draw(List<String> lines, Style style, int pageIndex) {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            if (style.skewDegrees() != 0) {
                g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(style.skewDegrees()),
                        WIDTH / 2.0, HEIGHT / 2.0));
            }
            g.setFont(font);
            g.setColor(style.noise() ? new Color(40, 40, 40) : Color.BLACK);
            FontMetrics fm = g.getFontMetrics();
            int y = MARGIN + fm.getAscent();
            for (String line : lines) {
                g.drawString(line, MARGIN, y);
                y += lineHeight(fm);
            }
        } finally {
            g.dispose();
        }
        if (style.noise()) {
            addNoise(page, new Random(style.seed() + pageIndex));
        }
        return page;
    }

    /** Speckles (dust, toner) and a slightly grey, uneven background, as office scanners produce. */
    private static void addNoise(BufferedImage page, Random random) {
        var raster = page.getRaster();
        int[] px = new int[1];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                raster.getPixel(x, y, px);
                int v = px[0];
                if (v > 200) {
                    v = 235 + random.nextInt(16); // paper is never pure white
                }
                double r = random.nextDouble();
                if (r < 0.002) {
                    v = random.nextInt(90); // dark speck
                } else if (r < 0.003) {
                    v = 255;                // dropout in a stroke
                }
                px[0] = v;
                raster.setPixel(x, y, px);
            }
        }
    }

    /** One page as PNG. */
    public static byte[] png(BufferedImage page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(page, "png", out)) {
            throw new IOException("No PNG writer");
        }
        return out.toByteArray();
    }

    /** The pages as one multi-page TIFF (deflate-compressed). */
    public static byte[] tiff(List<BufferedImage> pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The pages as a PDF of images only (no text layer), one A4 page per image. */
    public static byte[] imagePdf(List<BufferedImage> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                addImagePage(doc, image);
            }
            doc.setDocumentId(0L);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Appends one A4 page showing the image. */
    public static void addImagePage(PDDocument doc, BufferedImage image) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
    }
}
