package vn.archive.ingest;

import java.util.Optional;

/** Reads text from scans. The pipeline asks it only for files whose extraction found no text. */
public interface OcrEngine {
    /**
     * The recognized text of a scan.
     *
     * @param text       recognized text
     * @param pages      pages recognized
     * @param confidence mean confidence 0–100
     */
    record Result(String text, int pages, double confidence) { }

    /** Whether OCR can run on this machine (Tesseract and its Vietnamese data are installed). */
    boolean available();

    /** Recognizes the scan, or empty when it cannot. */
    Optional<Result> recognize(SourceFile file, Extraction extraction) throws Exception;

    /** An engine that never runs: scans wait for OCR. */
    static OcrEngine none() {
        return new OcrEngine() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<Result> recognize(SourceFile file, Extraction extraction) {
                return Optional.empty();
            }
        };
    }
}
