package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.storage.ContentStore;
import vn.archive.text.VietnameseNormalizer;

import java.util.ArrayList;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.xml.transform.TransformerException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The searchable PDF/A-2b rendition of a scan ("PDF/A hai lớp"): the original page images with the OCR text laid
 * over them as an invisible layer, each word at the box where Tesseract read it. It is built from the word boxes of
 * the OCR run that gave the document its text, so a scan is recognized once.
 *
 * <p>An image file (PNG, JPEG, TIFF, every frame) becomes one page per image, the image kept as it arrived (a JPEG's
 * or a PNG's own compressed bytes, other images losslessly, bilevel ones as CCITT G4; see {@link PdfImages}). A PDF keeps its own pages and content; the pages
 * that were OCR'd get the text layer, placed through the page's {@code /Rotate}, and typed pages whose fonts are not
 * embedded are fixed by {@link PdfaTypedPages}. What PDF/A-2b asks beyond that is added here: the XMP identification
 * ({@code pdfaid:part=2}, {@code conformance=B}), an sRGB output intent (the JDK's own sRGB profile), an embedded
 * font for the text (Liberation Sans, shipped inside PDFBox, which has every Vietnamese letter), no interpolated
 * images and no encryption.
 *
 * <p>Over 300 lines: the page building and the text layer (placed through skew and page rotation) share the one
 * PDF/A document being made; typed pages are fixed apart, in {@link PdfaTypedPages}.
 */
public final class PdfaRendition {
    private static final Logger LOG = LoggerFactory.getLogger(PdfaRendition.class);
    /** Producer written in the document information and the XMP (they must agree in PDF/A). */
    static final String PRODUCER = "Kho văn bản chỉ đạo (directive archive)";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String SRGB = "sRGB IEC61966-2.1";
    /** Liberation Sans ascent and descent in em: a line box of Tesseract spans about both. */
    static final float ASCENT = 0.905f;
    static final float DESCENT = 0.212f;

    private PdfaRendition() {
    }

    /**
     * The PDF/A-2b bytes for a scan.
     *
     * @param original  the file as imported
     * @param mediaType its detected media type ({@code application/pdf} or {@code image/…})
     * @param layouts   the OCR word boxes of its recognized pages
     * @param title     the document's title for the XMP (may be null)
     */
    public static byte[] build(byte[] original, String mediaType, List<OcrLayout> layouts, String title)
            throws IOException {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(layouts, "layouts");
        try (PDDocument doc = mediaType.equals("application/pdf") ? Loader.loadPDF(original) : imagesAsPages(original)) {
            doc.setAllSecurityToBeRemoved(true);
            List<OcrLayout> all = new ArrayList<>(layouts);
            if (mediaType.equals("application/pdf")) {
                // Typed pages of a mixed PDF: their fonts embedded, or the page drawn with its own text as the layer.
                all.addAll(PdfaTypedPages.fix(doc));
            }
            TextLayer layer = new TextLayer(doc);
            for (OcrLayout layout : all) {
                if (layout.page() >= 1 && layout.page() <= doc.getNumberOfPages()) {
                    layer.draw(doc.getPage(layout.page() - 1), layout);
                }
            }
            for (PDPage page : doc.getPages()) {
                noInterpolation(page.getResources());
            }
            makePdfA(doc, title);
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 64 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /**
     * Builds the rendition and keeps it beside the original. A scan whose rendition fails is still imported: the
     * answer is then the note saying why, for the document page; on success it is empty.
     */
    static List<String> store(ContentStore store, String sha256, byte[] original, String mediaType,
                              List<OcrLayout> layouts, String title) {
        try {
            store.putPdfa(sha256, build(original, mediaType, layouts, title));
            return List.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("No PDF/A rendition for {}", sha256, e);
            return List.of("Không tạo được bản PDF/A có lớp chữ: " + e.getMessage());
        }
    }

    /** One page per image, sized from the image's resolution (300 dpi when it does not say). */
    private static PDDocument imagesAsPages(byte[] bytes) throws IOException {
        PDDocument doc = new PDDocument();
        try {
            PdfImages.Png png = PdfImages.isPng(bytes) ? PdfImages.png(doc, bytes) : null;
            if (png != null) {
                // Copied as it is: no need to decode the pixels at all.
                addPage(doc, png.image(), png.dpi() >= 50 && png.dpi() <= 2400 ? png.dpi() : TesseractOcr.DPI);
                return doc;
            }
            ImageFrames.each(bytes, (i, count, format, frame) -> {
                BufferedImage image = (BufferedImage) frame.getRenderedImage();
                boolean jpeg = count == 1 && format.equalsIgnoreCase("jpeg");
                addPage(doc, jpeg && image.getColorModel().getNumComponents() != 4
                        ? JPEGFactory.createFromByteArray(doc, bytes) : lossless(doc, image), dpi(frame.getMetadata()));
            });
        } catch (InterruptedException e) {
            doc.close();
            Thread.currentThread().interrupt();
            throw new IOException("Bị dừng (interrupted)", e);
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
        return doc;
    }

    /** Appends a page the size of the image at its resolution, showing it. */
    private static void addPage(PDDocument doc, PDImageXObject image, float dpi) throws IOException {
        PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
    }

    private static PDImageXObject lossless(PDDocument doc, BufferedImage image) throws IOException {
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1) {
            return CCITTFactory.createFromImage(doc, image);
        }
        if (image.getColorModel().hasAlpha()) {
            // PDF/A-2 allows soft masks, but a scan has no use for one: lay it on white paper.
            BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flat.createGraphics();
            try {
                g.drawImage(image, 0, 0, Color.WHITE, null);
            } finally {
                g.dispose();
            }
            image = flat;
        }
        return PdfImages.flate(doc, image);
    }

    /** Horizontal resolution from the standard image metadata, or {@link TesseractOcr#DPI} when absent or absurd. */
    private static float dpi(IIOMetadata metadata) {
        if (metadata != null && metadata.isStandardMetadataFormatSupported()) {
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                try {
                    float mmPerPixel = Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                    float dpi = 25.4f / mmPerPixel;
                    if (dpi >= 50 && dpi <= 2400) {
                        return dpi;
                    }
                } catch (NumberFormatException e) {
                    // unreadable: use the default
                }
            }
        }
        return TesseractOcr.DPI;
    }

    /** PDF/A forbids images that ask the viewer to interpolate. */
    private static void noInterpolation(PDResources resources) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject image && image.getInterpolate()) {
                image.setInterpolate(false);
            }
        }
    }

    /** XMP identification, one sRGB output intent, and document information that agrees with the XMP. */
    private static void makePdfA(PDDocument doc, String title) throws IOException {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setProducer(PRODUCER);
        doc.setDocumentInformation(info);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            if (title != null && !title.isBlank()) {
                DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
                dc.setTitle(title.strip());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(bytes.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IOException("Không ghi được XMP của bản PDF/A: " + e.getMessage(), e);
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
        PDOutputIntent intent = new PDOutputIntent(doc,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** Lays OCR'd words over pages as invisible text (rendering mode 3) in one embedded font. */
    private static final class TextLayer {
        private final PDDocument doc;
        private PDType0Font font;
        private final Map<Integer, Boolean> hasGlyph = new HashMap<>();

        TextLayer(PDDocument doc) {
            this.doc = doc;
        }

        private PDType0Font font() throws IOException {
            if (font == null) {
                try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
                    if (in == null) {
                        throw new IOException("PDFBox's Liberation Sans is missing from the class path");
                    }
                    font = PDType0Font.load(doc, in, true);
                }
            }
            return font;
        }

        void draw(PDPage page, OcrLayout layout) throws IOException {
            if (layout.words().isEmpty()) {
                return;
            }
            PDRectangle box = page.getCropBox();
            // The OCR'd image is the page as shown, turned by its /Rotate; words are placed in unturned page space.
            int rotation = Math.floorMod(page.getRotation(), 360);
            boolean quarter = rotation == 90 || rotation == 270;
            double shownWidth = quarter ? box.getHeight() : box.getWidth();
            double shownHeight = quarter ? box.getWidth() : box.getHeight();
            double sx = shownWidth / layout.width();
            double sy = shownHeight / layout.height();
            // Boxes are in the straightened image; the page shows the image as it was, so turn them back.
            AffineTransform back = AffineTransform.getRotateInstance(Math.toRadians(layout.degrees()),
                    layout.width() / 2.0, layout.height() / 2.0);
            double angle = Math.toRadians(rotation - layout.degrees());
            PDType0Font f = font();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.beginText();
                cs.setRenderingMode(RenderingMode.NEITHER);
                for (OcrLayout.Word w : layout.words()) {
                    String text = encodable(VietnameseNormalizer.clean(w.text()).strip());
                    if (text.isEmpty() || w.width() <= 0) {
                        continue;
                    }
                    float emPx = w.lineHeight() / (ASCENT + DESCENT);
                    double baseline = w.lineTop() + ASCENT * emPx;
                    Point2D origin = back.transform(new Point2D.Double(w.left(), baseline), null);
                    float size = (float) Math.max(1, emPx * sy);
                    float natural = f.getStringWidth(text) / 1000f * size;
                    float scaling = natural <= 0 ? 100 : (float) (100 * w.width() * sx / natural);
                    cs.setFont(f, size);
                    cs.setHorizontalScaling(scaling);
                    Point2D at = unturned(rotation, box, origin.getX() * sx, origin.getY() * sy);
                    cs.setTextMatrix(Matrix.getRotateInstance(angle, (float) at.getX(), (float) at.getY()));
                    // The trailing space keeps words apart for every text extractor, whatever its gap heuristics.
                    cs.showText(text + " ");
                }
                cs.endText();
            }
        }

        /**
         * The point of page space shown at ({@code x}, {@code y}) points from the top left of the page as displayed,
         * the page being turned clockwise by {@code rotation} degrees (a multiple of 90).
         */
        static Point2D unturned(int rotation, PDRectangle box, double x, double y) {
            double w = box.getWidth();
            double h = box.getHeight();
            double u;
            double v;
            switch (rotation) {
                case 90 -> { u = y; v = x; }
                case 180 -> { u = w - x; v = y; }
                case 270 -> { u = w - y; v = h - x; }
                default -> { u = x; v = h - y; }
            }
            return new Point2D.Double(box.getLowerLeftX() + u, box.getLowerLeftY() + v);
        }

        /** The word with characters the font cannot show replaced by "?" (never expected for Vietnamese). */
        private String encodable(String word) throws IOException {
            PDType0Font f = font();
            StringBuilder out = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                i += Character.charCount(cp);
                boolean ok = hasGlyph.computeIfAbsent(cp, c -> {
                    try {
                        f.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IllegalArgumentException | IOException e) {
                        return false;
                    }
                });
                out.appendCodePoint(ok ? cp : '?');
            }
            return out.toString();
        }
    }
}
