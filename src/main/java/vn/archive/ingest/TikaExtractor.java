package vn.archive.ingest;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import vn.archive.text.VietnameseNormalizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text extraction through Apache Tika's auto-detecting parser. OCR is not done here: scans come back with empty
 * text and are handed to the OCR stage, which controls resolution, deskewing and parallelism itself.
 */
public final class TikaExtractor {
    private final Parser parser = new AutoDetectParser();

    /** Why a file could not be extracted, in words an officer understands. */
    public static final class ExtractionException extends Exception {
        public ExtractionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Extracts text and media type. */
    public Extraction extract(SourceFile file) throws ExtractionException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.fileName());
        BodyContentHandler handler = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        context.set(Parser.class, parser);
        try (TikaInputStream in = TikaInputStream.get(file.bytes())) {
            parser.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("Tệp được bảo vệ bằng mật khẩu (encrypted)", e);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            throw new ExtractionException("Không đọc được nội dung tệp: " + rootMessage(e), e);
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String mediaType = type == null ? "application/octet-stream" : type.split(";")[0].strip();
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        List<Integer> charsPerPage = new ArrayList<>();
        for (String c : metadata.getValues(PDF.CHARACTERS_PER_PAGE)) {
            charsPerPage.add(Integer.parseInt(c.strip()));
        }
        return new Extraction(VietnameseNormalizer.clean(handler.toString()).strip(), mediaType,
                pages == null ? 0 : pages, charsPerPage);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
