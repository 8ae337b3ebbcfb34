package vn.archive.ingest;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;
import vn.archive.render.ScanRenderer;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Benchmark of the import against bare tools, measured in the same run and reported as ratios (never asserted):
 * OCR pages/s of {@link TesseractOcr} against two bare {@code tesseract -l vie} processes on the same page files,
 * text-PDF documents/s of the whole pipeline against bare Tika parsing of the same PDFs, and the import of scans
 * with their PDF/A rendition against the same import without it.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.archive.ingest.IngestBench [pages] [pdfs] [pdfa]
 * </pre>
 * A third argument {@code pdfa} runs only the PDF/A comparison on scans, {@code pdfa-mixed} on mixed PDFs.
 * Results are printed and appended to {@code bench/ingest.md}.
 */
public final class IngestBench {
    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int pdfs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path work = Files.createTempDirectory("ingest-bench");
        List<String> lines = new ArrayList<>();
        lines.add("## " + Instant.now() + " (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + pages + " pages, " + pdfs + " PDFs)");
        if (args.length > 2 && args[2].equals("pdfa")) {
            lines.addAll(scansWithPdfa(work, pages));
        } else if (args.length > 2 && args[2].equals("pdfa-mixed")) {
            lines.addAll(mixedWithPdfa(work, pages));
        } else {
            lines.addAll(ocr(work, pages));
            lines.addAll(textPdfs(work, pdfs));
            lines.addAll(scansWithPdfa(work, pages));
        }
        lines.forEach(System.out::println);
        Path out = Path.of("bench", "ingest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Page images rendered from the seeds and the first state documents, clean, as PNG files. */
    private static List<Path> pageFiles(Path dir, int count) throws IOException {
        ScanRenderer renderer = ScanRenderer.withSystemFont();
        List<Path> texts = new ArrayList<>(List.of(TestCorpus.TRIEU_PHONG, TestCorpus.BAO_LOC, TestCorpus.DON_DUONG));
        try (Stream<Path> s = Files.list(TestCorpus.ROOT.resolve("state"))) {
            texts.addAll(s.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
        }
        List<Path> files = new ArrayList<>();
        for (Path t : texts) {
            for (ScanRenderer.Page p : renderer.render(ScanFixtures.printed(t), ScanRenderer.Style.noisy(1), 1)) {
                Path f = dir.resolve("page-" + files.size() + ".png");
                Files.write(f, ScanRenderer.png(p.image()));
                files.add(f);
                if (files.size() == count) {
                    return files;
                }
            }
        }
        return files;
    }

    private static List<String> ocr(Path work, int count) throws Exception {
        Path dir = Files.createDirectories(work.resolve("pages"));
        List<Path> files = pageFiles(dir, count);
        // Warm the page cache and Tesseract's traineddata before timing either side.
        bareTesseract(files.subList(0, 1), 1);
        double bare = files.size() / seconds(() -> bareTesseract(files, 2));
        TesseractOcr engine = TesseractOcr.system();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        double ours;
        try {
            ours = files.size() / seconds(() -> {
                List<Future<?>> all = new ArrayList<>();
                for (Path f : files) {
                    all.add(callers.submit(() -> engine.recognize(new SourceFile(f.toString(), f.getFileName().toString(),
                            Files.readAllBytes(f)), new Extraction("", "image/png", 1))));
                }
                for (Future<?> fu : all) {
                    fu.get();
                }
            });
        } finally {
            callers.shutdown();
        }
        return List.of(
                String.format(Locale.ROOT, "- OCR: bare `tesseract -l vie` ×2 processes %.3f pages/s; TesseractOcr "
                        + "(deskew + TSV, OMP_THREAD_LIMIT=1, one process per core) %.3f pages/s; ratio %.2f×",
                        bare, ours, ours / bare));
    }

    /** Runs bare tesseract on the files from {@code processes} parallel lanes. */
    private static void bareTesseract(List<Path> files, int processes) throws Exception {
        ExecutorService lanes = Executors.newFixedThreadPool(processes);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Path f : files) {
                all.add(lanes.submit(() -> {
                    Process p = new ProcessBuilder("tesseract", f.toString(), "stdout", "-l", "vie")
                            .redirectErrorStream(true).start();
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    return p.waitFor();
                }));
            }
            for (Future<?> fu : all) {
                fu.get();
            }
        } finally {
            lanes.shutdown();
        }
    }

    private static List<String> textPdfs(Path work, int count) throws Exception {
        Path dir = Files.createDirectories(work.resolve("pdfs"));
        DocumentRenderer renderer = DocumentRenderer.withSystemFont();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestCorpus.ROOT.resolve("state"))) {
            for (Path t : s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(count).toList()) {
                Path f = dir.resolve(t.getFileName().toString().replace(".txt", ".pdf"));
                Files.write(f, renderer.pdf(TestCorpus.read(t)));
                files.add(f);
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        AutoDetectParser parser = new AutoDetectParser();
        bareTika(parser, files.subList(0, 2), 1); // warm-up: class loading and JIT for both sides
        double bare = files.size() / seconds(() -> bareTika(parser, files, threads));
        Path data = work.resolve("archive");
        double ours;
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestPipeline pipeline = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                    new MetadataExtractor(Dictionaries.builtIn()), TesseractOcr.system());
            pipeline.run(List.of(files.get(0)), o -> { }); // warm-up, then the timed run imports the rest afresh
            List<Path> rest = files.subList(1, files.size());
            int[] imported = {0};
            ours = rest.size() / seconds(() -> imported[0] = pipeline.run(rest, o -> { })
                    .counts().get(IngestStatus.IMPORTED));
            if (imported[0] != rest.size()) {
                throw new IllegalStateException("imported " + imported[0] + " of " + rest.size());
            }
        }
        return List.of(String.format(Locale.ROOT, "- Text PDFs: bare Tika AutoDetectParser (%d threads) %.2f docs/s; "
                + "import pipeline (Tika + metadata + store + index + journal + report) %.2f docs/s; ratio %.2f×",
                threads, bare, ours, ours / bare));
    }

    /**
     * The same scans imported into fresh archives with the PDF/A rendition off and on, twice in the order off, on,
     * on, off so that a load drifting over the run falls on both sides alike.
     */
    private static List<String> scansWithPdfa(Path work, int count) throws Exception {
        List<Path> files = pageFiles(Files.createDirectories(work.resolve("scans")), count);
        double[] seconds = withAndWithoutPdfa(work, files);
        double off = 2 * files.size() / seconds[0];
        double on = 2 * files.size() / seconds[1];
        return List.of(String.format(Locale.ROOT, "- Scans (%d PNG pages, OCR import, two rounds each): without the "
                + "PDF/A rendition %.3f pages/s; with it %.3f pages/s; time ratio %.2f×", files.size(), off, on,
                off / on));
    }

    /**
     * Mixed PDFs (PdfaMixedPagesTest's: a Helvetica page, the corpus letter with its composite font's program removed,
     * and one scanned page, here a noisy page of the corpus) imported with the PDF/A rendition off and on: the
     * rendition then embeds a substitute font for the first page and draws the second as an image.
     */
    private static List<String> mixedWithPdfa(Path work, int count) throws Exception {
        Path dir = Files.createDirectories(work.resolve("mixed"));
        List<Path> files = new ArrayList<>();
        for (Path page : pageFiles(Files.createDirectories(work.resolve("mixed-pages")), count)) {
            Path f = dir.resolve(page.getFileName().toString().replace(".png", ".pdf"));
            Files.write(f, PdfaMixedPagesTest.mixedPdf(javax.imageio.ImageIO.read(page.toFile())));
            files.add(f);
        }
        double[] seconds = withAndWithoutPdfa(work, files);
        double off = 2 * files.size() / seconds[0];
        double on = 2 * files.size() / seconds[1];
        return List.of(String.format(Locale.ROOT, "- Mixed PDFs (%d files of 3 pages: Helvetica not embedded, a composite "
                + "font not embedded, one scanned page OCR'd; two rounds each): without the PDF/A rendition %.3f files/s; "
                + "with it %.3f files/s; time ratio %.2f×", files.size(), off, on, off / on));
    }

    /** Seconds to import the files into fresh archives without and with the rendition, order off, on, on, off. */
    private static double[] withAndWithoutPdfa(Path work, List<Path> files) throws Exception {
        double[] total = new double[2];
        int round = 0;
        for (boolean pdfa : new boolean[] {false, true, true, false}) {
            Path data = work.resolve("archive-" + files.get(0).getParent().getFileName() + "-" + round++);
            try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
                IngestPipeline pipeline = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                        new MetadataExtractor(Dictionaries.builtIn()), TesseractOcr.system()).withPdfa(pdfa);
                int[] imported = {0};
                total[pdfa ? 1 : 0] += seconds(() -> imported[0] = pipeline.run(files, o -> { })
                        .counts().getOrDefault(IngestStatus.IMPORTED, 0));
                if (imported[0] != files.size()) {
                    throw new IllegalStateException("imported " + imported[0] + " of " + files.size());
                }
                long renditions;
                try (Stream<Path> s = Files.walk(data.resolve("pdfa"))) {
                    renditions = s.filter(Files::isRegularFile).count();
                }
                if (renditions != (pdfa ? files.size() : 0)) {
                    throw new IllegalStateException(renditions + " PDF/A renditions with pdfa=" + pdfa);
                }
            }
        }
        return total;
    }

    private static void bareTika(AutoDetectParser parser, List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Path f : files) {
                all.add(pool.submit(() -> {
                    try (TikaInputStream in = TikaInputStream.get(f)) {
                        BodyContentHandler h = new BodyContentHandler(-1);
                        parser.parse(in, h, new Metadata(), new ParseContext());
                        return h.toString().length();
                    }
                }));
            }
            for (Future<?> fu : all) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Work that may throw anything. */
    private interface Timed {
        void run() throws Exception;
    }

    private static double seconds(Timed work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
