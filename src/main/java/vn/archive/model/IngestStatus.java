package vn.archive.model;

/** The final state of one file in an import. Every file seen ends in exactly one of these. */
public enum IngestStatus {
    /** Extracted and indexed as a new document. */
    IMPORTED,
    /** The same bytes are already in the archive; the extra path was recorded. */
    DUPLICATE,
    /** A scan (image or image-only PDF) kept until OCR can read it; never indexed empty. */
    WAITING_OCR,
    /** The file could not be read or parsed; the reason says why. */
    FAILED
}
