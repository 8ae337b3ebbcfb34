package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.config.AppConfig;
import vn.archive.text.VietnameseNormalizer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * OCR with the Tesseract 5 command line ({@code tesseract-ocr} and {@code tesseract-ocr-vie} from Debian), one child
 * process per page with {@code OMP_THREAD_LIMIT=1} and at most one process per core, so pages, not threads inside
 * Tesseract, are what runs in parallel (Tesseract's own OpenMP threads make throughput worse on a loaded machine).
 * PDF pages are rendered at 300 dpi with PDFBox; only pages without a text layer are OCR'd. Every page is
 * deskewed before recognition. Text and per-word confidences come from Tesseract's TSV output.
 *
 * <p>Over 300 lines because a page's whole way (render, deskew, PGM, process, TSV) reads best in one place; running
 * the child with its deadline is {@link WatchedProcess}.
 */
public final class TesseractOcr implements OcrEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TesseractOcr.class);
    /** Render resolution for PDF pages, and the resolution told to Tesseract for images that do not say. */
    public static final int DPI = 300;
    private static final String PAGE_SEPARATOR = "\n\n";

    private final Path binary;
    private final String language;
    private final int workers;
    private final ExecutorService pool;
    private final Semaphore processes;
    private final Duration pageTimeout;
    private volatile Boolean available;

    /**
     * An engine running the given binary.
     *
     * @param binary   the tesseract executable (a bare name is looked up on PATH)
     * @param language traineddata language, {@code vie} for Vietnamese
     * @param workers  Tesseract processes at once (one per core)
     */
    public TesseractOcr(Path binary, String language, int workers) {
        this(binary, language, workers, AppConfig.DEFAULT_OCR_PAGE_TIMEOUT);
    }

    /**
     * An engine running the given binary, killing any page's process that runs longer than {@code pageTimeout}.
     */
    public TesseractOcr(Path binary, String language, int workers, Duration pageTimeout) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.pageTimeout = Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("pageTimeout must be positive, was " + pageTimeout);
        }
        this.language = Objects.requireNonNull(language, "language");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        this.processes = new Semaphore(workers);
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ocr-page");
            t.setDaemon(true);
            return t;
        });
    }

    /** System property naming the tesseract binary (default: {@code tesseract} on PATH). */
    public static final String BINARY_PROPERTY = AppConfig.TESSERACT_PROPERTY;

    /**
     * Tesseract on PATH (or at {@value #BINARY_PROPERTY}), Vietnamese, one process per core, with the page timeout of
     * {@link AppConfig#ocrPageTimeout()}.
     */
    public static TesseractOcr system() {
        return new TesseractOcr(AppConfig.tesseractBinary(), "vie", Runtime.getRuntime().availableProcessors(),
                AppConfig.ocrPageTimeout());
    }

    @Override
    public boolean available() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    /** Runs {@code tesseract --list-langs} and looks for the language. */
    private boolean probe() {
        try {
            WatchedProcess.Finished listed = WatchedProcess.run(process(List.of(binary.toString(), "--list-langs")),
                    Duration.ofSeconds(30));
            boolean found = new String(listed.stdout(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .anyMatch(language::equals);
            if (!found) {
                LOG.warn("Tesseract at {} has no '{}' data; install tesseract-ocr-{}", binary, language, language);
            }
            return found && listed.exitCode() == 0;
        } catch (TimeoutException e) {
            LOG.warn("Tesseract at {} did not list its languages within 30 s", binary);
            return false;
        } catch (IOException e) {
            LOG.info("Tesseract not found at {} ({}); scans will wait for OCR", binary, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean wants(SourceFile file, Extraction extraction) {
        return extraction.needsOcr() || extraction.hasPagesWithoutText();
    }

    @Override
    public Optional<Result> recognize(SourceFile file, Extraction extraction) throws Exception {
        if (!available()) {
            return Optional.empty();
        }
        if (extraction.isPdf()) {
            return Optional.of(recognizePdf(file.bytes()));
        }
        if (extraction.mediaType().startsWith("image/")) {
            return Optional.of(recognizeImages(file.bytes()));
        }
        return Optional.empty();
    }

    /** OCR of every image in an image file (all frames of a multi-page TIFF). */
    private Result recognizeImages(byte[] bytes) throws IOException, InterruptedException {
        List<Future<PageText>> pages = new ArrayList<>();
        ImageFrames.each(bytes, (i, count, format, frame) -> {
            BufferedImage image = (BufferedImage) frame.getRenderedImage();
            pages.add(submit(() -> ocrPage(i + 1, image)));
        });
        return combine(pages, List.of());
    }

    /** Text-layer pages as they are, OCR for the pages without text. */
    private Result recognizePdf(byte[] bytes) throws IOException, InterruptedException {
        List<Future<PageText>> ocrd = new ArrayList<>();
        List<PageText> layered = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String layer = VietnameseNormalizer.clean(stripper.getText(doc)).strip();
                int number = i + 1;
                if (!layer.isBlank()) {
                    layered.add(new PageText(number, layer, -1, null));
                } else {
                    // PDFBox renderers are not thread-safe: render here, recognize on the pool.
                    BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
                    ocrd.add(submit(() -> ocrPage(number, image)));
                }
            }
        }
        return combine(ocrd, layered);
    }

    private Future<PageText> submit(Callable<PageText> page) {
        return pool.submit(page);
    }

    private Result combine(List<Future<PageText>> ocrd, List<PageText> layered) throws IOException, InterruptedException {
        List<PageText> all = new ArrayList<>(layered);
        List<PageConfidence> confidences = new ArrayList<>();
        List<OcrLayout> layouts = new ArrayList<>();
        try {
            for (Future<PageText> f : ocrd) {
                PageText p = f.get();
                all.add(p);
                confidences.add(new PageConfidence(p.number(), p.confidence()));
                layouts.add(p.layout());
            }
        } catch (ExecutionException e) {
            ocrd.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("OCR lỗi: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            ocrd.forEach(f -> f.cancel(true));
            throw e;
        }
        all.sort(Comparator.comparingInt(PageText::number));
        StringBuilder text = new StringBuilder();
        for (PageText p : all) {
            if (!p.text().isBlank()) {
                if (!text.isEmpty()) {
                    text.append(PAGE_SEPARATOR);
                }
                text.append(p.text());
            }
        }
        double mean = confidences.stream().mapToDouble(PageConfidence::confidence).average().orElse(0);
        return new Result(VietnameseNormalizer.clean(text.toString()).strip(), confidences.size(), mean, confidences,
                layouts);
    }

    /** One page: text, mean word confidence (-1 for a text-layer page) and word boxes (null for a text-layer page). */
    private record PageText(int number, String text, double confidence, OcrLayout layout) { }

    private PageText ocrPage(int number, BufferedImage image) throws IOException, InterruptedException {
        Deskew.Straightened straight = Deskew.straightenMeasured(gray(image));
        TsvPage page = recognize(straight.image());
        return new PageText(number, page.text(), page.confidence(), new OcrLayout(number,
                straight.image().getWidth(), straight.image().getHeight(), straight.degrees(), page.boxes()));
    }

    /**
     * Recognizes one page image with the child process. Public for the benchmark and tests; at most
     * {@code workers} processes run at once across all callers.
     */
    public TsvPage recognize(BufferedImage page) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile("ocr-page-", ".pgm");
        try {
            writePgm(gray(page), tmp);
            return recognizeFile(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Recognizes one image file with the child process, killed (with anything it started) when the page timeout is
     * up ({@link WatchedProcess}).
     *
     * @throws PageTimeout when the page took longer than the timeout
     */
    public TsvPage recognizeFile(Path image) throws IOException, InterruptedException {
        processes.acquire();
        try {
            WatchedProcess.Finished page = WatchedProcess.run(process(List.of(binary.toString(), image.toString(),
                    "stdout", "-l", language, "--dpi", String.valueOf(DPI), "tsv")), pageTimeout);
            if (page.exitCode() != 0) {
                throw new IOException("Tesseract lỗi (mã " + page.exitCode() + ")");
            }
            return TsvPage.parse(new String(page.stdout(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            throw new PageTimeout("Tesseract quá thời gian (" + pageTimeout.toSeconds()
                    + " s) cho một trang; đã dừng tiến trình (page timeout, process killed)");
        } finally {
            processes.release();
        }
    }

    private static ProcessBuilder process(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb;
    }

    /** Grey 8-bit copy (or the image itself when it already is). */
    static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        try {
            gr.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            gr.dispose();
        }
        return g;
    }

    /** Binary PGM: no compression to pay for, and Leptonica reads it directly. */
    private static void writePgm(BufferedImage gray, Path file) throws IOException {
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pixels = new byte[w * h];
        gray.getRaster().getDataElements(0, 0, w, h, pixels);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header);
            out.write(pixels);
        }
    }

    /** Tesseract's TSV of one page reduced to text (lines and paragraphs kept), mean word confidence, word boxes. */
    public record TsvPage(String text, double confidence, int words, List<OcrLayout.Word> boxes) {
        public TsvPage {
            boxes = boxes == null ? List.of() : List.copyOf(boxes);
        }

        public TsvPage(String text, double confidence, int words) {
            this(text, confidence, words, List.of());
        }

        /** Parses {@code tesseract … tsv} output. */
        public static TsvPage parse(String tsv) {
            StringBuilder text = new StringBuilder();
            String lastPar = null;
            String lastLine = null;
            double confSum = 0;
            int words = 0;
            for (String row : tsv.split("\n")) {
                String[] c = row.split("\t", -1);
                if (c.length < 12 || !c[0].equals("5")) {
                    continue;
                }
                String word = c[11].strip();
                if (word.isEmpty()) {
                    continue;
                }
                String par = c[1] + "/" + c[2] + "/" + c[3];
                String line = par + "/" + c[4];
                if (lastLine != null && !line.equals(lastLine)) {
                    text.append(par.equals(lastPar) ? "\n" : "\n\n");
                } else if (lastLine != null) {
                    text.append(' ');
                }
                text.append(word);
                lastPar = par;
                lastLine = line;
                double conf = Double.parseDouble(c[10].strip().replace(',', '.'));
                if (conf >= 0) {
                    confSum += conf;
                    words++;
                }
            }
            double mean = words == 0 ? 0 : confSum / words;
            return new TsvPage(VietnameseNormalizer.clean(text.toString()), Math.round(mean * 10) / 10.0, words,
                    OcrLayout.wordsOfTsv(tsv));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "tesseract(%s, -l %s, %d workers)", binary, language, workers);
    }
}
