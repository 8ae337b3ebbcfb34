package vn.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.index.ArchiveIndex;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.model.SourceInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The import stages for each file: hash → duplicate check → Tika → (OCR) → metadata → store → index.
 * Each file ends with one outcome; a failure in one file never stops the batch.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    /** Commit after this many new documents, so an interrupted run keeps most of its work. */
    private static final int COMMIT_EVERY = 200;

    private final ArchiveIndex index;
    private final ContentStore store;
    private final TikaExtractor extractor;
    private final MetadataExtractor metadata;
    private final OcrEngine ocr;
    private final Scanner scanner = new Scanner();
    /** Archivists' corrections replayed on freshly extracted metadata (document id, extracted → corrected). */
    private java.util.function.BiFunction<String, DocumentMetadata, DocumentMetadata> corrections = (id, m) -> m;

    public IngestPipeline(ArchiveIndex index, ContentStore store, TikaExtractor extractor, MetadataExtractor metadata,
                          OcrEngine ocr) {
        this.index = Objects.requireNonNull(index, "index");
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
    }

    /** Replays archivists' corrections on every imported document, so they survive re-import and re-index. */
    public IngestPipeline withCorrections(java.util.function.BiFunction<String, DocumentMetadata, DocumentMetadata> replay) {
        this.corrections = Objects.requireNonNull(replay, "replay");
        return this;
    }

    /** Imports every file under the inputs, reporting each outcome as it happens. */
    public IngestReport run(List<Path> inputs, Consumer<IngestOutcome> listener) throws IOException {
        IngestReport report = new IngestReport();
        Consumer<IngestOutcome> record = o -> {
            report.add(o);
            listener.accept(o);
        };
        int[] sinceCommit = {0};
        try {
            scanner.scan(inputs, file -> {
                IngestOutcome o = importOne(file);
                record.accept(o);
                if (o.status() == IngestStatus.IMPORTED && ++sinceCommit[0] >= COMMIT_EVERY) {
                    commit();
                    sinceCommit[0] = 0;
                }
            }, record);
        } finally {
            index.commit();
        }
        return report;
    }

    private void commit() {
        try {
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports one file. Never throws: problems become a FAILED outcome with a reason. */
    public IngestOutcome importOne(SourceFile file) {
        long start = System.nanoTime();
        String sha = null;
        try {
            sha = ContentStore.sha256(file.bytes());
            Optional<String> existing = index.idForSha256(sha);
            if (existing.isPresent()) {
                return outcome(file, IngestStatus.DUPLICATE, "Đã có trong kho (same content already archived)",
                        existing.get(), sha, 0, null, start);
            }
            if (file.bytes().length == 0) {
                return outcome(file, IngestStatus.FAILED, "Tệp rỗng (empty file)", null, sha, 0, null, start);
            }
            Extraction extraction = extractor.extract(file);
            String text = extraction.text();
            boolean fromOcr = false;
            Double confidence = null;
            int pages = extraction.pages();
            if (extraction.needsOcr()) {
                Optional<OcrEngine.Result> r = ocr.available() ? ocr.recognize(file, extraction) : Optional.empty();
                if (r.isEmpty() || r.get().text().isBlank()) {
                    store.putOriginal(file.bytes());
                    return outcome(file, IngestStatus.WAITING_OCR,
                            "Bản quét chờ nhận dạng chữ (OCR chưa cài đặt hoặc chưa chạy)", null, sha, pages, null, start);
                }
                text = r.get().text();
                fromOcr = true;
                confidence = r.get().confidence();
                pages = r.get().pages();
            }
            if (text.isBlank()) {
                return outcome(file, IngestStatus.FAILED, "Tệp không có nội dung văn bản (no text)", null, sha, pages,
                        null, start);
            }
            DocumentMetadata meta = corrections.apply(ArchivedDocument.idFor(sha), metadata.extract(text));
            store.putOriginal(file.bytes());
            store.putText(sha, text);
            String id = ArchivedDocument.idFor(sha);
            List<String> notes = new ArrayList<>(extraction.notes());
            if (confidence != null) {
                notes.add(String.format(java.util.Locale.ROOT, "OCR confidence %.1f", confidence));
            }
            SourceInfo source = new SourceInfo(file.fileName(), sha, extraction.mediaType(), fromOcr,
                    file.bytes().length, List.of(file.path()));
            index.upsert(new ArchivedDocument(id, meta, source, text, notes));
            return outcome(file, IngestStatus.IMPORTED, null, id, sha, pages, confidence, start);
        } catch (TikaExtractor.ExtractionException e) {
            return outcome(file, IngestStatus.FAILED, e.getMessage(), null, sha, 0, null, start);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("Import of {} failed", file.path(), e);
            return outcome(file, IngestStatus.FAILED, "Lỗi khi nhập: " + e, null, sha, 0, null, start);
        }
    }

    private static IngestOutcome outcome(SourceFile f, IngestStatus status, String reason, String id, String sha,
                                         int pages, Double confidence, long start) {
        return new IngestOutcome(f.path(), status, reason, id, sha, pages, confidence,
                (System.nanoTime() - start) / 1_000_000);
    }
}
