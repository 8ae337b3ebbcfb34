package vn.archive.ingest;

import vn.archive.storage.ContentStore;
import java.io.IOException;
import java.util.Objects;

/**
 * Store: the original (content-addressed) and its text, and for an OCR'd scan its searchable PDF/A rendition
 * ({@link PdfaRendition}).
 */
final class StoreStage implements IngestStage {
    private final ContentStore store;
    private volatile boolean pdfa = true;

    StoreStage(ContentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Turns the PDF/A rendition of OCR'd scans on or off. */
    void pdfa(boolean on) {
        this.pdfa = on;
    }

    @Override
    public void apply(InFlight f) throws IOException {
        store.putOriginal(f.file.bytes());
        store.putText(f.sha, f.text);
        if (pdfa && f.recognized != null) {
            f.notes.addAll(PdfaRendition.store(store, f.sha, f.file.bytes(), f.extraction.mediaType(),
                    f.recognized.layouts(), f.metadata.title()));
        }
    }
}
