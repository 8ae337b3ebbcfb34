package vn.archive.model;

import java.util.Objects;

/**
 * What happened to one file during an import.
 *
 * @param path       the path (or path inside a ZIP, as zip!entry) that was read
 * @param status     final status
 * @param reason     why, for anything but a plain import; human readable
 * @param documentId the document the file became or duplicates, if any
 * @param sha256     the original's hash, if it could be read
 * @param pages      pages processed, when known (0 otherwise)
 * @param ocrConfidence mean OCR confidence 0–100, or null when no OCR ran
 * @param millis     time spent on the file
 * @param failure    what kind of failure, for a FAILED outcome (null otherwise, and in reports written before kinds)
 */
public record IngestOutcome(String path, IngestStatus status, String reason, String documentId, String sha256,
                            int pages, Double ocrConfidence, long millis, FailureKind failure) {
    public IngestOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        if (status != IngestStatus.FAILED) {
            failure = null;
        }
    }

    /** An outcome without a failure kind. */
    public IngestOutcome(String path, IngestStatus status, String reason, String documentId, String sha256,
                         int pages, Double ocrConfidence, long millis) {
        this(path, status, reason, documentId, sha256, pages, ocrConfidence, millis, null);
    }

    /** Whether {@code import --retry-failed} should try this file again: a failure whose kind a retry can fix. */
    public boolean retryable() {
        return status == IngestStatus.FAILED && (failure == null || failure.retryable());
    }
}
