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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;
import vn.archive.model.FailureKind;
import vn.archive.text.LegacyText;
import vn.archive.text.SingleByteText;
import vn.archive.text.VietnameseNormalizer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Text extraction through Apache Tika's auto-detecting parser. OCR is not done here: scans come back with empty
 * text and are handed to the OCR stage, which controls resolution, deskewing and parallelism itself.
 */
public final class TikaExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(TikaExtractor.class);
    /** Heap of each child JVM in isolated mode. */
    public static final String CHILD_HEAP = "768m";
    private static ForkedExtractor shared;

    private final Parser parser = new AutoDetectParser();
    /** Children that extract when isolated; null for in-process extraction. */
    private final ForkedExtractor fork;

    /** In-process extraction. */
    public TikaExtractor() {
        this(null);
    }

    private TikaExtractor(ForkedExtractor fork) {
        this.fork = fork;
    }

    /**
     * Extraction in child JVMs (shared by every isolated extractor of this process): a file that exhausts memory or
     * runs past the deadline kills only its child, never the batch. Falls back to in-process extraction, with a
     * warning, if a child cannot be started.
     */
    public static synchronized TikaExtractor isolated(Duration timeout) {
        if (shared == null) {
            shared = new ForkedExtractor(CHILD_HEAP, timeout);
        }
        return new TikaExtractor(shared);
    }

    /** Whether extraction runs in child JVMs. */
    public boolean isIsolated() {
        return fork != null;
    }

    /** Why a file could not be extracted, in words an officer understands, and its kind. */
    public static final class ExtractionException extends Exception {
        private final FailureKind kind;

        public ExtractionException(FailureKind kind, String message, Throwable cause) {
            super(message, cause);
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** An unparsable file. */
        public ExtractionException(String message, Throwable cause) {
            this(FailureKind.UNPARSABLE, message, cause);
        }

        /** What kind of failure this is. */
        public FailureKind kind() {
            return kind;
        }
    }

    /**
     * Formats the archive does not read, by media type, with the name given in the refusal. RAR needs junrar, whose
     * UnRAR licence is not an open-source licence, so it is excluded from the build.
     */
    static final Map<String, String> UNSUPPORTED = Map.of(
            "application/x-rar-compressed", "RAR",
            "application/vnd.rar", "RAR",
            "application/x-rar", "RAR");

    /** Extracts text and media type (in a child JVM when isolated). */
    public Extraction extract(SourceFile file) throws ExtractionException {
        if (fork != null) {
            try {
                return finish(fork.extract(file), file);
            } catch (ForkedExtractor.ChildFailure e) {
                LOG.warn("Isolated extraction unavailable ({}); extracting {} in process", e.getMessage(), file.path());
            }
        }
        return finish(extractRaw(file), file);
    }

    /**
     * Converts text written with legacy fonts (TCVN3, VNI, VISCII, Windows-1258) and cleans it. Conversion comes
     * before cleaning, which would drop soft hyphens that are letters (ư) in those encodings.
     */
    private static Extraction finish(Extraction raw, SourceFile file) throws ExtractionException {
        String unsupported = UNSUPPORTED.get(raw.mediaType());
        if (unsupported != null) {
            throw new ExtractionException(FailureKind.UNSUPPORTED, "Định dạng không hỗ trợ (" + unsupported + "): hãy giải nén rồi nhập các tệp "
                    + "bên trong (unsupported format: extract it and import the files inside)", null);
        }
        byte[] plain = raw.mediaType().equals("text/plain") ? file.bytes() : null;
        String decoded = SingleByteText.repair(raw.text(), plain); // Windows-1252 that Tika took for ISO-8859-1
        Optional<LegacyText.Conversion> legacy = LegacyText.detect(decoded, plain);
        String text = VietnameseNormalizer.clean(legacy.map(LegacyText.Conversion::text).orElse(decoded)).strip();
        return new Extraction(text, raw.mediaType(), raw.pages(), raw.charsPerPage(),
                legacy.map(c -> List.of(c.note())).orElse(List.of()));
    }

    /** Tika's text as it comes, before legacy conversion and cleaning (what an isolated child sends back). */
    Extraction extractRaw(SourceFile file) throws ExtractionException {
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
            throw new ExtractionException(FailureKind.ENCRYPTED, "Tệp được bảo vệ bằng mật khẩu (encrypted)", e);
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
        return new Extraction(handler.toString(), mediaType, pages == null ? 0 : pages, charsPerPage);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
