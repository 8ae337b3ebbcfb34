package vn.archive.ingest;

import vn.archive.model.FailureKind;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Extract: the file's text by Tika (or the text a message gives), on its own thread with a deadline, so one
 * pathological file cannot stall the batch. An isolated extractor enforces the deadline itself by killing its child
 * ({@link ForkedExtractor}); the deadline here is the backstop.
 */
final class ExtractStage implements IngestStage {
    /** Longest a single file may spend in Tika before it is reported as failed and the batch moves on. */
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final TikaExtractor extractor;
    private final MailSplitter mail = new MailSplitter();
    private final ExecutorService tika = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tika-extract");
        t.setDaemon(true);
        return t;
    });

    ExtractStage(TikaExtractor extractor) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    @Override
    public void apply(InFlight f) throws TikaExtractor.ExtractionException {
        Extraction extraction = f.intake.extraction() != null ? f.intake.extraction()
                : withTimeout(() -> extractor.extract(f.file));
        f.extraction = extraction;
        f.text = extraction.text();
        f.pages = extraction.pages();
        f.notes.addAll(extraction.notes());
    }

    /** An e-mail's attachments, within the same deadline. */
    List<SourceFile> attachments(SourceFile file) throws TikaExtractor.ExtractionException {
        return withTimeout(() -> mail.attachments(file));
    }

    /** Work that may throw an extraction failure. */
    private interface Work<T> {
        T call() throws TikaExtractor.ExtractionException;
    }

    private <T> T withTimeout(Work<T> work) throws TikaExtractor.ExtractionException {
        Future<T> f = tika.submit(work::call);
        long seconds = TIMEOUT.toSeconds() + (extractor.isIsolated() ? 30 : 0);
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TikaExtractor.ExtractionException(FailureKind.TIMEOUT, "Quá thời gian xử lý tệp ("
                    + TIMEOUT.toSeconds()
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
}
