package vn.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.index.ArchiveIndex;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.model.SourceInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The import stages for each file: hash → duplicate check → Tika → (OCR) → metadata → store → index.
 * Each file ends with one outcome; a failure in one file never stops the batch.
 *
 * <p>A run is parallel (one worker per core), journaled ({@link IngestJournal}: the same command continues after a
 * kill -9), writes a per-file report ({@link ReportFiles}) and keeps its live state in {@link #progress()}.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    /**
     * Commit after this many outcomes, so an interrupted run keeps most of its work (system property
     * {@code archive.commitEvery} lowers it, for tests that interrupt small batches).
     */
    private static final int COMMIT_EVERY = Integer.getInteger("archive.commitEvery", 200);
    /** …or after this long, so a slow OCR batch is durable as it goes. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);
    /** Longest a single file may spend in Tika before it is reported as failed and the batch moves on. */
    public static final Duration EXTRACTION_TIMEOUT = Duration.ofMinutes(2);
    private static final int STRIPES = 1024;

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

    private final ArchiveIndex index;
    private final ContentStore store;
    private final TikaExtractor extractor;
    private final MetadataExtractor metadata;
    private final OcrEngine ocr;
    private Scanner scanner = new Scanner();
    private final MailSplitter mail = new MailSplitter();
    private final WaitingOcr waiting;
    private final IngestProgress progress = new IngestProgress();
    private final ReentrantLock runLock = new ReentrantLock();
    private final Object commitLock = new Object();
    private final Object[] shaLocks = stripes();
    private final Object[] docLocks = stripes();
    /** Documents written since the last commit, which the index cannot read back yet. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong upserts = new AtomicLong();
    private final ExecutorService tika = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tika-extract");
        t.setDaemon(true);
        return t;
    });
    private NearDuplicates nearDuplicates;
    /** Archivists' corrections replayed on freshly extracted metadata (document id, extracted → corrected). */
    private BiFunction<String, DocumentMetadata, DocumentMetadata> corrections = (id, m) -> m;
    /** Whether OCR'd scans also get their searchable PDF/A rendition ({@link PdfaRendition}). */
    private boolean pdfa = true;

    private record Pending(long seq, ArchivedDocument doc) { }

    /** State of one run: its journal and whether it continues an interrupted one. */
    private static final class Run {
        final IngestJournal journal;
        final boolean resuming;
        final Options options;
        final Consumer<IngestOutcome> record;
        final AtomicInteger sinceCommit = new AtomicInteger();
        volatile long lastCommit = System.nanoTime();

        Run(IngestJournal journal, Options options, Consumer<IngestOutcome> record) {
            this.journal = journal;
            this.resuming = journal != null && journal.resuming();
            this.options = options;
            this.record = record;
        }
    }

    public IngestPipeline(ArchiveIndex index, ContentStore store, TikaExtractor extractor, MetadataExtractor metadata,
                          OcrEngine ocr) {
        this.index = Objects.requireNonNull(index, "index");
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.waiting = new WaitingOcr(store.dataDir().resolve("waiting-ocr"));
    }

    /** Replays archivists' corrections on every imported document, so they survive re-import and re-index. */
    public IngestPipeline withCorrections(BiFunction<String, DocumentMetadata, DocumentMetadata> replay) {
        this.corrections = Objects.requireNonNull(replay, "replay");
        return this;
    }

    /** Turns the PDF/A rendition of OCR'd scans on or off (on by default; off only to measure its cost). */
    public IngestPipeline withPdfa(boolean on) {
        this.pdfa = on;
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
        return execute(key, estimate(inputs), (files, failures) -> scanner.scan(inputs, files, failures),
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
            try (IngestJournal journal = IngestJournal.open(store.dataDir().resolve("journal"), key)) {
                Run run = new Run(journal, options, record);
                Map<String, IngestOutcome> done = journal.committed();
                report.resumed(done.size());
                if (journal.resuming()) {
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
                        if (replay(file.path(), done, record)) {
                            return;
                        }
                        if (!options.accepts(file.path()) && !((MailSplitter.isMail(file)
                                || EdxmlMessage.isMessage(file)) && options.wantsInside(file.path()))) {
                            return;
                        }
                        slots.acquireUninterruptibly();
                        workers.submit(() -> {
                            try {
                                process(file, run);
                            } catch (Throwable t) {
                                LOG.error("Worker failed on {}", file.path(), t);
                                finish(Scanner.failed(file.path(), t instanceof OutOfMemoryError ? FailureKind.OUT_OF_MEMORY
                                        : FailureKind.INTERNAL, "Lỗi khi nhập: " + t), run);
                            } finally {
                                slots.release();
                            }
                        });
                    }, o -> {
                        if (!replay(o.path(), done, record) && options.accepts(o.path())) {
                            finish(o, run);
                        }
                    });
                } finally {
                    workers.shutdown();
                    awaitQuietly(workers);
                }
                commit(run, true);
                journal.complete();
            }
            progress.end();
            reports().write(report, Instant.now());
            return report;
        } finally {
            progress.end();
            runLock.unlock();
        }
    }

    /** Reports an outcome the journal says is already durable, with the attachments recorded under it. */
    private static boolean replay(String path, Map<String, IngestOutcome> done, Consumer<IngestOutcome> record) {
        IngestOutcome prior = done.get(path);
        if (prior == null) {
            return false;
        }
        done.forEach((p, o) -> {
            if (p.startsWith(path + "!")) {
                record.accept(o);
            }
        });
        record.accept(prior);
        return true;
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

    /** One file from the scanner; an e-mail's attachments are imported before (and linked from) the envelope. */
    private void process(SourceFile file, Run run) throws IOException {
        if (EdxmlMessage.isMessage(file)) {
            processMessage(file, run);
            return;
        }
        if (!MailSplitter.isMail(file)) {
            finish(importOne(file, run, List.of()), run);
            return;
        }
        String envelopeId = ArchivedDocument.idFor(ContentStore.sha256(file.bytes()));
        List<String> attachmentIds = new ArrayList<>();
        List<SourceFile> attachments;
        try {
            attachments = extractMail(file);
        } catch (TikaExtractor.ExtractionException e) {
            attachments = List.of();
            LOG.info("No attachments read from {}: {}", file.path(), e.getMessage());
        }
        progress.addExpected(attachments.size());
        for (SourceFile a : attachments) {
            if (run.options.accepts(a.path())) {
                IngestOutcome o = importOne(a, run,
                        List.of(new DocumentLink(DocumentLink.Kind.ENVELOPE, envelopeId).note()));
                if (o.documentId() != null) {
                    attachmentIds.add(o.documentId());
                }
                finish(o, run);
            }
        }
        if (run.options.accepts(file.path())) {
            List<String> notes = attachmentIds.stream()
                    .map(id -> new DocumentLink(DocumentLink.Kind.ATTACHMENT, id).note()).toList();
            finish(importOne(file, run, notes), run);
        }
    }

    /**
     * An edXML or eDoc message: each attachment becomes a document with the message's fields over its extracted
     * metadata, linked to the envelope like an e-mail's; the envelope is indexed with its header as its text.
     */
    private void processMessage(SourceFile file, Run run) {
        EdxmlMessage message;
        try {
            message = EdxmlMessage.parse(file.bytes());
        } catch (EdxmlMessage.InvalidMessage e) {
            finish(Scanner.failed(file.path(), FailureKind.UNPARSABLE, e.getMessage()), run);
            return;
        }
        String envelopeId = ArchivedDocument.idFor(ContentStore.sha256(file.bytes()));
        progress.addExpected(message.attachments().size());
        List<String> attachmentIds = new ArrayList<>();
        for (EdxmlMessage.Attachment a : message.attachments()) {
            SourceFile part = new SourceFile(file.path() + "!" + a.name(), a.name(), a.bytes());
            if (run.options.accepts(part.path())) {
                List<String> notes = new ArrayList<>(message.notes());
                notes.add("Tệp đính kèm của thông điệp " + message.variant() + ": " + envelopeId);
                IngestOutcome o = importOne(part, run, notes, new Intake(null, message::over));
                if (o.documentId() != null) {
                    attachmentIds.add(o.documentId());
                }
                finish(o, run);
            }
        }
        if (run.options.accepts(file.path())) {
            List<String> notes = new ArrayList<>(message.notes());
            attachmentIds.forEach(id -> notes.add("Tệp đính kèm: " + id));
            Extraction header = new Extraction(message.envelopeText(), "application/xml", 0);
            finish(importOne(file, run, notes, new Intake(header, message::envelope)), run);
        }
    }

    /**
     * How a file's text and metadata are read: by Tika and the extractor (the default), or with the text given and
     * the extracted metadata overlaid (a message's attachments and envelope).
     *
     * @param extraction the text to use instead of Tika's, or null
     * @param overlay    applied to the extracted metadata before archivists' corrections
     */
    private record Intake(Extraction extraction, java.util.function.UnaryOperator<DocumentMetadata> overlay) {
        static final Intake TIKA = new Intake(null, m -> m);
    }

    private List<SourceFile> extractMail(SourceFile file) throws TikaExtractor.ExtractionException {
        return withTimeout(() -> mail.attachments(file));
    }

    /** Journals the outcome (after its index update), reports it, and commits when due. */
    private void finish(IngestOutcome o, Run run) {
        try {
            if (run.journal != null) {
                run.journal.append(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được nhật ký nhập (journal)", e);
        }
        run.record.accept(o);
        run.sinceCommit.incrementAndGet();
        try {
            commit(run, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Commits the index, then marks the journal. The journal position is read before the commit, so every outcome it
     * covers had its index update made before the commit began.
     */
    private void commit(Run run, boolean force) throws IOException {
        synchronized (commitLock) {
            boolean due = run.sinceCommit.get() >= COMMIT_EVERY
                    || System.nanoTime() - run.lastCommit > COMMIT_INTERVAL.toNanos();
            if (!force && !due) {
                return;
            }
            long position = run.journal == null ? 0 : run.journal.position();
            long seq = upserts.get();
            index.commit();
            if (run.journal != null) {
                run.journal.committed(position);
            }
            pending.values().removeIf(p -> p.seq() <= seq);
            run.sinceCommit.set(0);
            run.lastCommit = System.nanoTime();
        }
    }

    /** Imports one file. Never throws: problems become a FAILED outcome with a reason. */
    public IngestOutcome importOne(SourceFile file) {
        return importOne(file, new Run(null, Options.defaults(), x -> { }), List.of());
    }

    private IngestOutcome importOne(SourceFile file, Run run, List<String> extraNotes) {
        return importOne(file, run, extraNotes, Intake.TIKA);
    }

    private IngestOutcome importOne(SourceFile file, Run run, List<String> extraNotes, Intake intake) {
        long start = System.nanoTime();
        String sha = null;
        try {
            sha = ContentStore.sha256(file.bytes());
            synchronized (stripe(shaLocks, sha)) {
                Optional<String> existing = index.idForSha256(sha);
                if (existing.isPresent()) {
                    return duplicate(file, existing.get(), sha, run, start);
                }
                if (file.bytes().length == 0) {
                    return failed(file, FailureKind.NOT_A_DOCUMENT, "Tệp rỗng (empty file)", sha, 0, start);
                }
                Optional<String> notDocument = NotADocument.byName(file.fileName())
                        .or(() -> NotADocument.byBytes(file.bytes()));
                if (notDocument.isPresent()) {
                    return failed(file, FailureKind.NOT_A_DOCUMENT, notDocument.get(), sha, 0, start);
                }
                if (file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".txt") && looksBinary(file.bytes())) {
                    return failed(file, FailureKind.NOT_A_DOCUMENT, "Tệp .txt chứa dữ liệu nhị phân, không phải văn bản "
                            + "(binary content named .txt)", sha, 0, start);
                }
                Extraction extraction = intake.extraction() != null ? intake.extraction() : extract(file);
                String text = extraction.text();
                boolean fromOcr = false;
                OcrEngine.Result recognized = null;
                Double confidence = null;
                int pages = extraction.pages();
                List<String> notes = new ArrayList<>(extraction.notes());
                if (ocr.wants(file, extraction)) {
                    Optional<OcrEngine.Result> r = ocr.available() ? ocr.recognize(file, extraction) : Optional.empty();
                    if (r.isPresent() && !r.get().text().isBlank()) {
                        recognized = r.get();
                        text = r.get().text();
                        fromOcr = true;
                        confidence = r.get().confidence();
                        pages = Math.max(r.get().pages(), pages);
                        for (OcrEngine.PageConfidence pc : r.get().pageConfidences()) {
                            notes.add(String.format(Locale.ROOT, "OCR trang %d: độ tin cậy %.1f%%", pc.page(),
                                    pc.confidence()));
                        }
                    } else if (extraction.needsOcr()) {
                        store.putOriginal(file.bytes());
                        waiting.add(new WaitingOcr.Entry(sha, file.path(), file.fileName()));
                        return outcome(file, IngestStatus.WAITING_OCR,
                                "Bản quét chờ nhận dạng chữ (OCR chưa cài đặt hoặc chưa chạy)", null, sha, pages, null,
                                start);
                    } else {
                        notes.add("Có trang là ảnh quét chưa được nhận dạng chữ (OCR chưa cài đặt)");
                    }
                }
                Optional<String> tooLittle = NotADocument.byText(text);
                if (tooLittle.isPresent()) {
                    return failed(file, FailureKind.NOT_A_DOCUMENT, tooLittle.get(), sha, pages, start);
                }
                DocumentMetadata meta = corrections.apply(ArchivedDocument.idFor(sha),
                        intake.overlay().apply(metadata.extract(text)));
                store.putOriginal(file.bytes());
                store.putText(sha, text);
                if (pdfa && recognized != null) {
                    notes.addAll(PdfaRendition.store(store, sha, file.bytes(), extraction.mediaType(),
                            recognized.layouts(), meta.title()));
                }
                String id = ArchivedDocument.idFor(sha);
                if (confidence != null) {
                    notes.add(0, String.format(Locale.ROOT, "OCR confidence %.1f", confidence));
                }
                notes.addAll(extraNotes);
                Optional<String> groupKey = NearDuplicates.key(meta);
                List<String> group = groupKey.isPresent() ? nearDuplicates().join(groupKey.get(), id)
                        : nearDuplicates().joinByText(id, text);
                group.forEach(other -> notes.add(sameDirective(other)));
                SourceInfo source = new SourceInfo(file.fileName(), sha, extraction.mediaType(), fromOcr,
                        file.bytes().length, List.of(file.path()));
                upsert(new ArchivedDocument(id, meta, source, text, notes));
                waiting.remove(sha);
                for (String other : group) {
                    addNote(other, sameDirective(id));
                }
                return outcome(file, IngestStatus.IMPORTED, null, id, sha, pages, confidence, start);
            }
        } catch (TikaExtractor.ExtractionException e) {
            return failed(file, e.kind(), e.getMessage(), sha, 0, start);
        } catch (OcrEngine.PageTimeout e) {
            return failed(file, FailureKind.TIMEOUT, "Quá thời gian nhận dạng chữ (OCR timeout): " + e.getMessage(),
                    sha, 0, start);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("Import of {} failed", file.path(), e);
            return failed(file, e instanceof OutOfMemoryError ? FailureKind.OUT_OF_MEMORY : FailureKind.INTERNAL,
                    "Lỗi khi nhập: " + e, sha, 0, start);
        }
    }

    /** The note that links two renditions of one directive. */
    static String sameDirective(String otherId) {
        return ArchivedDocument.sameDirectiveNote(otherId);
    }

    /**
     * Whether bytes named as text are binary: text in any encoding we read (UTF-8, TCVN3, VNI, Windows-1258) has
     * almost no C0 control bytes besides tab and line ends, random or binary data has about one in ten. UTF-16 with
     * a byte-order mark is text.
     */
    static boolean looksBinary(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return false;
        }
        int n = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }

    private NearDuplicates nearDuplicates() throws IOException {
        synchronized (commitLock) {
            if (nearDuplicates == null) {
                nearDuplicates = new NearDuplicates(store.dataDir().resolve("near-duplicates.tsv"));
            }
            return nearDuplicates;
        }
    }

    /** Same bytes as an archived document: record the extra path on it (once). */
    private IngestOutcome duplicate(SourceFile file, String id, String sha, Run run, long start) throws IOException {
        synchronized (stripe(docLocks, id)) {
            ArchivedDocument doc = current(id);
            if (doc == null) {
                return outcome(file, IngestStatus.DUPLICATE, "Đã có trong kho (same content already archived)", id, sha,
                        0, null, start);
            }
            List<String> paths = doc.source().paths();
            if (run.resuming && !paths.isEmpty() && paths.get(0).equals(file.path())) {
                // Imported by the interrupted run of this same command, and committed before its journal said so.
                return outcome(file, IngestStatus.IMPORTED, null, id, sha, 0, null, start);
            }
            if (!paths.contains(file.path())) {
                List<String> more = new ArrayList<>(paths);
                more.add(file.path());
                SourceInfo s = doc.source();
                upsert(new ArchivedDocument(doc.id(), doc.metadata(), new SourceInfo(s.filename(), s.sha256(),
                        s.mediaType(), s.ocr(), s.size(), more), doc.text(), doc.notes()));
            }
            return outcome(file, IngestStatus.DUPLICATE, "Đã có trong kho (same content already archived)", id, sha, 0,
                    null, start);
        }
    }

    private void addNote(String id, String note) throws IOException {
        synchronized (stripe(docLocks, id)) {
            ArchivedDocument doc = current(id);
            if (doc != null && !doc.notes().contains(note)) {
                List<String> notes = new ArrayList<>(doc.notes());
                notes.add(note);
                upsert(new ArchivedDocument(doc.id(), doc.metadata(), doc.source(), doc.text(), notes));
            }
        }
    }

    private void upsert(ArchivedDocument doc) throws IOException {
        index.upsert(doc);
        pending.put(doc.id(), new Pending(upserts.incrementAndGet(), doc));
    }

    /** The latest version of a document, written since the last commit or read from the index. */
    private ArchivedDocument current(String id) throws IOException {
        Pending p = pending.get(id);
        return p != null ? p.doc() : index.get(id).orElse(null);
    }

    /** Tika on its own thread with a deadline, so one pathological file cannot stall the batch. */
    private Extraction extract(SourceFile file) throws TikaExtractor.ExtractionException {
        return withTimeout(() -> extractor.extract(file));
    }

    /** Work that may throw an extraction failure. */
    private interface Work<T> {
        T call() throws TikaExtractor.ExtractionException;
    }

    private <T> T withTimeout(Work<T> work) throws TikaExtractor.ExtractionException {
        Future<T> f = tika.submit(work::call);
        // An isolated extractor enforces the deadline itself (killing its child); this one is the backstop.
        long seconds = EXTRACTION_TIMEOUT.toSeconds() + (extractor.isIsolated() ? 30 : 0);
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TikaExtractor.ExtractionException(FailureKind.TIMEOUT, "Quá thời gian xử lý tệp ("
                    + EXTRACTION_TIMEOUT.toSeconds()
                    + " giây); đã bỏ qua", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TikaExtractor.ExtractionException x) {
                throw x;
            }
            throw new TikaExtractor.ExtractionException(e.getCause() instanceof OutOfMemoryError
                    ? FailureKind.OUT_OF_MEMORY : FailureKind.UNPARSABLE, "Không đọc được nội dung tệp: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new TikaExtractor.ExtractionException(FailureKind.INTERNAL, "Bị dừng (interrupted)", e);
        }
    }

    private static IngestOutcome failed(SourceFile f, FailureKind kind, String reason, String sha, int pages, long start) {
        return new IngestOutcome(f.path(), IngestStatus.FAILED, reason, null, sha, pages, null,
                (System.nanoTime() - start) / 1_000_000, kind);
    }

    private static IngestOutcome outcome(SourceFile f, IngestStatus status, String reason, String id, String sha,
                                         int pages, Double confidence, long start) {
        return new IngestOutcome(f.path(), status, reason, id, sha, pages, confidence,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static Object[] stripes() {
        Object[] locks = new Object[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    private static Object stripe(Object[] locks, String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    /** A short stable key for a command's journal. */
    private static String key(String s) {
        byte[] d = ContentStore.sha256(s.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return new String(d, 0, 16, StandardCharsets.US_ASCII);
    }

    /** Files the inputs hold, counting ZIP entries (one level), for the progress bar; refined as the run goes. */
    static int estimate(List<Path> inputs) {
        int n = 0;
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> s = Files.walk(input)) {
                    for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                        n += countOne(p);
                    }
                } catch (IOException | UncheckedIOException e) {
                    n++;
                }
            } else {
                n += countOne(input);
            }
        }
        return n;
    }

    private static int countOne(Path p) {
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return 1;
        }
        try (ZipFile z = new ZipFile(p.toFile())) {
            return (int) Math.max(1, z.stream().filter(e -> !e.isDirectory()).count());
        } catch (IOException e) {
            return 1;
        }
    }
}
