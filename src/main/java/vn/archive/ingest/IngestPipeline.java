package vn.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.index.ArchiveIndex;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The scheduler of the import stages ({@link IngestStage}): for each file, screen ({@link ScreenStage}) → extract
 * ({@link ExtractStage}) → OCR ({@link OcrStage}) → read metadata ({@link MetadataStage}) → store
 * ({@link StoreStage}) → index ({@link IndexStage}, which first rejects duplicates) → journal ({@link JournalStage}).
 * Containers (e-mails, edXML messages) are split first ({@link Envelopes}). Each file ends with one outcome, with its
 * status and failure kind; a failure in one file never stops the batch.
 *
 * <p>A run is parallel (one worker per core), journaled ({@link IngestJournal}: the same command continues after a
 * kill -9), writes a per-file report ({@link ReportFiles}) and keeps its live state in {@link #progress()}. Just
 * over 300 lines: it only schedules the stages; what is left is the run's bookkeeping (journal, report, progress,
 * retries) that every file's outcome passes through.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    /** Longest a single file may spend in Tika before it is reported as failed and the batch moves on. */
    public static final Duration EXTRACTION_TIMEOUT = ExtractStage.TIMEOUT;

    /**
     * How a run behaves.
     *
     * @param workers files processed at once
     * @param only    when not null, only these paths are imported (a retry of earlier failures)
     */
    public record Options(int workers, Set<String> only) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            only = only == null ? null : Set.copyOf(only);
        }

        /** One worker per core, every file. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), null);
        }

        boolean accepts(String path) {
            return only == null || only.contains(path);
        }

        /** Whether something inside this container (ZIP, e-mail) was asked for. */
        boolean wantsInside(String path) {
            return only == null || only.stream().anyMatch(p -> p.startsWith(path + "!"));
        }
    }

    private final ContentStore store;
    private final OcrEngine ocr;
    private Scanner scanner = new Scanner();
    private final WaitingOcr waiting;
    private final IngestProgress progress = new IngestProgress();
    private final ReentrantLock runLock = new ReentrantLock();
    private final Stripes shaLocks = new Stripes();
    private final IndexStage indexStage;
    private final MetadataStage metadataStage;
    private final StoreStage storeStage;
    private final JournalStage journal;
    private final Envelopes envelopes;
    /** The stages every file goes through, in order. */
    private final List<IngestStage> stages;

    public IngestPipeline(ArchiveIndex index, ContentStore store, TikaExtractor extractor, MetadataExtractor metadata,
                          OcrEngine ocr) {
        Objects.requireNonNull(index, "index");
        this.store = Objects.requireNonNull(store, "store");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.waiting = new WaitingOcr(store.dataDir().resolve("waiting-ocr"));
        ExtractStage extract = new ExtractStage(extractor);
        this.metadataStage = new MetadataStage(metadata);
        this.storeStage = new StoreStage(store);
        this.indexStage = new IndexStage(index, store, waiting);
        this.journal = new JournalStage(index);
        this.envelopes = new Envelopes(this::importOne, extract, journal, progress);
        this.stages = List.of(indexStage.duplicates(), new ScreenStage(), extract, new OcrStage(ocr, store, waiting),
                metadataStage, storeStage, indexStage);
    }

    /** Replays archivists' corrections on every imported document, so they survive re-import and re-index. */
    public IngestPipeline withCorrections(BiFunction<String, DocumentMetadata, DocumentMetadata> replay) {
        metadataStage.corrections(replay);
        return this;
    }

    /** Turns the PDF/A rendition of OCR'd scans on or off (on by default; off only to measure its cost). */
    public IngestPipeline withPdfa(boolean on) {
        storeStage.pdfa(on);
        return this;
    }

    /** Refuses files larger than this (read into memory whole), each with its own FAILED outcome. */
    public IngestPipeline withMaxFileBytes(long maxFileBytes) {
        this.scanner = new Scanner(maxFileBytes);
        return this;
    }

    /** Live state of the running or last run, for progress bars and the web import page. */
    public IngestProgress progress() {
        return progress;
    }

    /** The OCR engine in use. */
    public OcrEngine ocr() {
        return ocr;
    }

    /** Reports of earlier runs. */
    public ReportFiles reports() {
        return new ReportFiles(store.dataDir().resolve("reports"));
    }

    /** Imports every file under the inputs, reporting each outcome as it happens. */
    public IngestReport run(List<Path> inputs, Consumer<IngestOutcome> listener) throws IOException {
        return run(inputs, listener, Options.defaults());
    }

    /** Imports every file under the inputs with the given options. */
    public IngestReport run(List<Path> inputs, Consumer<IngestOutcome> listener, Options options) throws IOException {
        List<Path> absolute = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        String key = "import-" + key(absolute.toString() + "|" + (options.only() == null ? "" :
                options.only().stream().sorted().toList()));
        return execute(key, Scanner.estimate(inputs), (files, failures) -> scanner.scan(inputs, files, failures),
                listener, options);
    }

    /** Runs OCR again on every scan waiting for it (the {@code reocr} verb, {@code import --retry}). */
    public IngestReport reocr(Consumer<IngestOutcome> listener, Options options) throws IOException {
        List<WaitingOcr.Entry> entries = waiting.list();
        return execute("reocr", entries.size(), (files, failures) -> {
            for (WaitingOcr.Entry e : entries) {
                try {
                    Optional<Path> original = store.original(e.sha256());
                    if (original.isEmpty()) {
                        failures.accept(Scanner.failed(e.path(), FailureKind.NOT_FOUND, "Bản gốc không còn trong kho (original missing)"));
                    } else {
                        files.accept(new SourceFile(e.path(), e.fileName(), Files.readAllBytes(original.get())));
                    }
                } catch (IOException ex) {
                    failures.accept(Scanner.failed(e.path(), FailureKind.UNREADABLE, "Không đọc được bản gốc: " + ex.getMessage()));
                }
            }
        }, listener, options);
    }

    private IngestReport execute(String key, int expected,
                                 BiConsumer<Consumer<SourceFile>, Consumer<IngestOutcome>> producer,
                                 Consumer<IngestOutcome> listener, Options options) throws IOException {
        runLock.lock();
        try {
            store.sweepTemporaryFiles();
            IngestReport report = new IngestReport();
            progress.start(expected);
            Consumer<IngestOutcome> record = o -> {
                report.add(o);
                progress.finished(o);
                try {
                    listener.accept(o);
                } catch (RuntimeException e) {
                    LOG.warn("Import listener failed on {}", o.path(), e);
                }
            };
            try (IngestJournal log = IngestJournal.open(store.dataDir().resolve("journal"), key)) {
                IngestRun run = new IngestRun(log, options, record);
                Map<String, IngestOutcome> done = log.committed();
                report.resumed(done.size());
                if (log.resuming()) {
                    LOG.info("Resuming an interrupted import: {} files already done", done.size());
                }
                ExecutorService workers = Executors.newFixedThreadPool(options.workers(), r -> {
                    Thread t = new Thread(r, "ingest-worker");
                    t.setDaemon(true);
                    return t;
                });
                // Bounds the files held in memory while workers are busy.
                Semaphore slots = new Semaphore(options.workers() * 2);
                try {
                    producer.accept(file -> {
                        if (JournalStage.replay(file.path(), done, record)) {
                            return;
                        }
                        if (!options.accepts(file.path())
                                && !(Envelopes.isContainer(file) && options.wantsInside(file.path()))) {
                            return;
                        }
                        slots.acquireUninterruptibly();
                        workers.submit(() -> {
                            try {
                                envelopes.process(file, run);
                            } catch (Throwable t) {
                                LOG.error("Worker failed on {}", file.path(), t);
                                journal.finish(Scanner.failed(file.path(), t instanceof OutOfMemoryError
                                        ? FailureKind.OUT_OF_MEMORY : FailureKind.INTERNAL, "Lỗi khi nhập: " + t), run);
                            } finally {
                                slots.release();
                            }
                        });
                    }, o -> {
                        if (!JournalStage.replay(o.path(), done, record) && options.accepts(o.path())) {
                            journal.finish(o, run);
                        }
                    });
                } finally {
                    workers.shutdown();
                    awaitQuietly(workers);
                }
                journal.commit(run, true);
                log.complete();
            }
            progress.end();
            reports().write(report, Instant.now());
            return report;
        } finally {
            progress.end();
            runLock.unlock();
        }
    }

    private static void awaitQuietly(ExecutorService workers) {
        boolean interrupted = false;
        while (true) {
            try {
                if (workers.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The note that links two renditions of one directive. */
    static String sameDirective(String otherId) {
        return ArchivedDocument.sameDirectiveNote(otherId);
    }

    /** Imports one file. Never throws: problems become a FAILED outcome with a reason. */
    public IngestOutcome importOne(SourceFile file) {
        return importOne(file, new IngestRun(null, Options.defaults(), x -> { }), List.of(), InFlight.Intake.TIKA);
    }

    /** Runs the stages on one file, one file per hash at a time. Never throws. */
    private IngestOutcome importOne(SourceFile file, IngestRun run, List<String> extraNotes, InFlight.Intake intake) {
        InFlight f = new InFlight(file, extraNotes, intake, run.resuming);
        try {
            f.sha = ContentStore.sha256(file.bytes());
            synchronized (shaLocks.of(f.sha)) {
                for (IngestStage stage : stages) {
                    stage.apply(f);
                }
                return f.imported();
            }
        } catch (StageStop stop) {
            return f.stopped(stop);
        } catch (TikaExtractor.ExtractionException e) {
            return f.failed(e.kind(), e.getMessage());
        } catch (OcrEngine.PageTimeout e) {
            return f.failed(FailureKind.TIMEOUT, "Quá thời gian nhận dạng chữ (OCR timeout): " + e.getMessage());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("Import of {} failed", file.path(), e);
            return f.failed(e instanceof OutOfMemoryError ? FailureKind.OUT_OF_MEMORY : FailureKind.INTERNAL,
                    "Lỗi khi nhập: " + e);
        }
    }

    /** A short stable key for a command's journal. */
    private static String key(String s) {
        byte[] d = ContentStore.sha256(s.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return new String(d, 0, 16, StandardCharsets.US_ASCII);
    }
}
