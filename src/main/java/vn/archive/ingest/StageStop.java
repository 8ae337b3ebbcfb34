package vn.archive.ingest;

import vn.archive.model.FailureKind;
import vn.archive.model.IngestStatus;

import java.util.Objects;

/**
 * A file's import ends at this stage with this status: a failure of some kind, a duplicate, or a scan waiting for
 * OCR. Not an error: the scheduler turns it into the file's {@link vn.archive.model.IngestOutcome}.
 */
final class StageStop extends Exception {
    final IngestStatus status;
    final FailureKind kind;
    final String documentId;
    final int pages;

    private StageStop(IngestStatus status, FailureKind kind, String reason, String documentId, int pages) {
        super(reason, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.kind = kind;
        this.documentId = documentId;
        this.pages = pages;
    }

    /** The file failed, for this reason of this kind. */
    static StageStop failed(FailureKind kind, String reason, int pages) {
        return new StageStop(IngestStatus.FAILED, Objects.requireNonNull(kind, "kind"), reason, null, pages);
    }

    /** The file ends with a status other than failed ({@code reason} may be null, as for a plain import). */
    static StageStop with(IngestStatus status, String reason, String documentId, int pages) {
        return new StageStop(status, null, reason, documentId, pages);
    }
}
