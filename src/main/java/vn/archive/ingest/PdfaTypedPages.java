package vn.archive.ingest;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDSimpleFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.font.encoding.DictionaryEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes the typed pages of a PDF fit for PDF/A, which wants every font used for rendering embedded. A mixed PDF
 * (typed pages beside scanned ones) often names fonts it does not carry, such as Helvetica or Times.
 *
 * <p>A simple font (Type 1 or TrueType with a one-byte encoding) that is not embedded is replaced, under the same
 * resource name, by the Liberation font of its family and style (Sans for Helvetica and Arial, Serif for Times,
 * Mono for Courier), which has the same glyph widths, embedded with a WinAnsi-based encoding that gives every code
 * its original glyph name. The page keeps its own content, so its text stays vector text where it was.
 *
 * <p>A page that still uses a font that cannot be embedded this way (a composite font whose program is missing, a
 * symbolic font) is drawn as an image at {@value #DPI} dpi, the way a viewer shows it, and its own text is laid over
 * it as an invisible layer at the positions of its glyphs, like an OCR'd page (no OCR is run for it).
 */
final class PdfaTypedPages {
    /** Resolution of a page drawn as an image (Thông tư 05/2025: 200 dpi for administrative documents). */
    static final int DPI = 200;
    private static final Path LIBERATION = Path.of("/usr/share/fonts/truetype/liberation");
    private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument doc;
    private final Map<String, PDTrueTypeFont> embedded = new HashMap<>();
    private final Map<PDFont, PDFont> replaced = new IdentityHashMap<>();

    private PdfaTypedPages(PDDocument doc) {
        this.doc = doc;
    }

    /**
     * Embeds substitutes for the missing simple fonts of every page, then draws as images the pages that still lack
     * a font. Answers the layouts of the pages drawn as images (their own text, in pixels of the image drawn),
     * which the caller lays over them like OCR words.
     */
    static List<OcrLayout> fix(PDDocument doc) throws IOException {
        PdfaTypedPages pages = new PdfaTypedPages(doc);
        List<Integer> unfixable = new ArrayList<>();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            PDPage page = doc.getPage(i);
            if (!pages.embedIn(page.getResources(), Collections.newSetFromMap(new IdentityHashMap<>()))) {
                unfixable.add(i);
            }
        }
        List<OcrLayout> layouts = new ArrayList<>();
        for (int i : unfixable) {
            layouts.add(pages.asImage(i));
        }
        return layouts;
    }

    /** Replaces the resources' missing simple fonts, in forms too; false when a missing font is left. */
    private boolean embedIn(PDResources resources, Set<PDResources> seen) throws IOException {
        if (resources == null || !seen.add(resources)) {
            return true;
        }
        boolean ok = true;
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font == null || font.isEmbedded() || font instanceof PDType3Font) {
                continue;
            }
            PDFont substitute = replaced.get(font);
            if (substitute == null && font instanceof PDSimpleFont simple) {
                substitute = substitute(simple);
                if (substitute != null) {
                    replaced.put(font, substitute);
                }
            }
            if (substitute == null) {
                ok = false;
            } else {
                resources.put(name, substitute);
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                ok &= embedIn(form.getResources(), seen);
            }
        }
        return ok;
    }

    private static boolean isStandard14Symbolic(PDFont font) {
        String name = font.getName() == null ? "" : font.getName();
        return name.contains("Symbol") || name.contains("Dingbats");
    }

    /** The embedded Liberation font standing for a missing simple font, or null when none fits. */
    private PDFont substitute(PDSimpleFont font) throws IOException {
        String name = font.getName() == null ? "" : font.getName().replaceFirst("^[A-Z]{6}\\+", "");
        if (isStandard14Symbolic(font) || font.getFontDescriptor() != null && font.getFontDescriptor().isSymbolic()
                && !font.isStandard14()) {
            return null;
        }
        Encoding encoding = font.getEncoding();
        if (encoding == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String family = lower.contains("times") || lower.contains("serif") && !lower.contains("sans") ? "Serif"
                : lower.contains("courier") || lower.contains("mono") ? "Mono" : "Sans";
        boolean bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy")
                || font.getFontDescriptor() != null && font.getFontDescriptor().isForceBold();
        boolean italic = lower.contains("italic") || lower.contains("oblique")
                || font.getFontDescriptor() != null && font.getFontDescriptor().isItalic();
        String style = bold && italic ? "BoldItalic" : bold ? "Bold" : italic ? "Italic" : "Regular";
        Encoding winAnsiBased = winAnsiBased(encoding);
        String key = family + "-" + style + "|" + (winAnsiBased instanceof DictionaryEncoding d ? d.getDifferences() : "");
        PDTrueTypeFont existing = embedded.get(key);
        if (existing != null) {
            return existing;
        }
        TrueTypeFont ttf = liberation(family, style);
        if (ttf == null) {
            return null;
        }
        PDTrueTypeFont loaded = PDTrueTypeFont.load(doc, ttf, winAnsiBased);
        embedded.put(key, loaded);
        return loaded;
    }

    /**
     * The font's encoding as PDF/A allows it for a TrueType font: WinAnsi as the base, with differences for every
     * code whose glyph name is not WinAnsi's.
     */
    private static Encoding winAnsiBased(Encoding encoding) {
        if (encoding instanceof WinAnsiEncoding) {
            return encoding;
        }
        COSArray differences = new COSArray();
        int last = -2;
        for (Map.Entry<Integer, String> e : new TreeMap<>(encoding.getCodeToNameMap()).entrySet()) {
            String name = e.getValue();
            if (name == null || name.equals(".notdef") || name.equals(WinAnsiEncoding.INSTANCE.getName(e.getKey()))) {
                continue;
            }
            if (e.getKey() != last + 1) {
                differences.add(COSInteger.get(e.getKey()));
            }
            differences.add(COSName.getPDFName(name));
            last = e.getKey();
        }
        return differences.size() == 0 ? WinAnsiEncoding.INSTANCE
                : new DictionaryEncoding(COSName.WIN_ANSI_ENCODING, differences);
    }

    /** Liberation {family}-{style} from Debian's fonts-liberation, else PDFBox's own Liberation Sans, else null. */
    private static TrueTypeFont liberation(String family, String style) throws IOException {
        Path file = LIBERATION.resolve("Liberation" + family + "-" + style + ".ttf");
        if (Files.isRegularFile(file)) {
            return new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(file)));
        }
        try (InputStream in = PDDocument.class.getResourceAsStream(BUNDLED)) {
            return in == null ? null : new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
    }

    /**
     * Replaces page {@code index} by an image of it as shown (rotation applied, so the new page is unrotated) and
     * answers its own text as word boxes in that image's pixels.
     */
    private OcrLayout asImage(int index) throws IOException {
        List<OcrLayout.Word> words = words(index);
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(index, DPI, ImageType.RGB);
        PDImageXObject x = PdfImages.flate(doc, image);
        PDPage old = doc.getPage(index);
        PDPage page = new PDPage(new PDRectangle(image.getWidth() * 72f / DPI, image.getHeight() * 72f / DPI));
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(x, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
        doc.getPages().insertBefore(page, old);
        doc.getPages().remove(old);
        return new OcrLayout(index + 1, image.getWidth(), image.getHeight(), 0, words);
    }

    /** The page's glyphs grouped into words, in pixels at {@link #DPI} from the top left of the page as shown. */
    private List<OcrLayout.Word> words(int index) throws IOException {
        double px = DPI / 72.0;
        List<OcrLayout.Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                List<TextPosition> word = new ArrayList<>();
                for (TextPosition p : positions) {
                    if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                        add(word);
                        word = new ArrayList<>();
                    } else {
                        word.add(p);
                    }
                }
                add(word);
            }

            private void add(List<TextPosition> word) {
                if (word.isEmpty()) {
                    return;
                }
                TextPosition first = word.get(0);
                TextPosition last = word.get(word.size() - 1);
                StringBuilder text = new StringBuilder();
                word.forEach(p -> text.append(p.getUnicode()));
                double size = Math.max(1, first.getHeightDir() > 0 ? first.getFontSizeInPt() : first.getYScale());
                double left = first.getXDirAdj();
                double right = last.getXDirAdj() + last.getWidthDirAdj();
                double lineTop = first.getYDirAdj() - PdfaRendition.ASCENT * size;
                double lineHeight = (PdfaRendition.ASCENT + PdfaRendition.DESCENT) * size;
                words.add(new OcrLayout.Word(text.toString(), (int) Math.round(left * px),
                        (int) Math.round(lineTop * px), (int) Math.max(1, Math.round((right - left) * px)),
                        (int) Math.round(lineHeight * px), (int) Math.round(lineTop * px),
                        (int) Math.round(lineHeight * px)));
            }
        };
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.writeText(doc, new StringWriter());
        return words;
    }
}
