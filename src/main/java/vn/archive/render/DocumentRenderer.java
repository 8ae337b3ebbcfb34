package vn.archive.render;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/** Renders a text as DOCX (one paragraph per line) or as an A4 PDF with an embedded font and a text layer. */
public final class DocumentRenderer {
    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 12;
    private static final float LEADING = 16;
    /** Pinned creation date, so renders are byte-for-byte repeatable. */
    private static final Calendar PINNED = pinned();

    private final Path font;

    public DocumentRenderer(Path font) {
        this.font = font;
    }

    /** A renderer with the first Vietnamese-capable system font. */
    public static DocumentRenderer withSystemFont() {
        return new DocumentRenderer(Fonts.vietnamese());
    }

    /** The text as a Word document. */
    public static byte[] docx(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n", -1)) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setFontFamily("Times New Roman");
                run.setFontSize(13);
                run.setText(line);
            }
            doc.getProperties().getCoreProperties().setCreated(Optional.of(PINNED.getTime()));
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The text as a PDF whose text layer reads back as the same words. */
    public byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font f = PDType0Font.load(doc, font.toFile());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreationDate(PINNED);
            info.setModificationDate(PINNED);
            info.setProducer("directive-archive renderer");
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            for (String para : text.split("\n", -1)) {
                lines.addAll(wrap(f, para, width));
            }
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(f, FONT_SIZE);
                    cs.setLeading(LEADING);
                    cs.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.setDocumentId(0L);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static List<String> wrap(PDType0Font f, String para, float width) throws IOException {
        try {
            return ScanRenderer.wrap(para, s -> {
                try {
                    return f.getStringWidth(s) / 1000 * FONT_SIZE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, width);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Calendar pinned() {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(2020, Calendar.JANUARY, 1, 0, 0, 0);
        return c;
    }
}
