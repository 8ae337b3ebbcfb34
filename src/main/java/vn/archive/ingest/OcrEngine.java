package vn.archive.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Reads text from scans. The pipeline asks it only for files whose extraction found no text on some page. */
public interface OcrEngine {
    /**
     * The recognized text of a scan.
     *
     * @param text            recognized text (with any text-layer pages of a mixed PDF in their place)
     * @param pages           pages recognized by OCR
     * @param confidence      mean confidence 0–100 over the recognized pages
     * @param pageConfidences confidence 0–100 of each recognized page, by page number (1-based) in the file
     * @param layouts         where each recognized page's words are (empty when the engine does not say)
     */
    record Result(String text, int pages, double confidence, List<PageConfidence> pageConfidences,
                  List<OcrLayout> layouts) {
        public Result {
            pageConfidences = pageConfidences == null ? List.of() : List.copyOf(pageConfidences);
            layouts = layouts == null ? List.of() : List.copyOf(layouts);
        }

        public Result(String text, int pages, double confidence, List<PageConfidence> pageConfidences) {
            this(text, pages, confidence, pageConfidences, List.of());
        }

        public Result(String text, int pages, double confidence) {
            this(text, pages, confidence, List.of());
        }
    }

    /** One OCR'd page's confidence: page number in the file (from 1) and mean word confidence 0–100. */
    record PageConfidence(int page, double confidence) { }

    /** Whether OCR can run on this machine (Tesseract and its Vietnamese data are installed). */
    boolean available();

    /** Recognizes the scan, or empty when it cannot. */
    Optional<Result> recognize(SourceFile file, Extraction extraction) throws Exception;

    /** Whether the file has pages without text that OCR should read; by default, files with no text at all. */
    default boolean wants(SourceFile file, Extraction extraction) {
        return extraction.needsOcr();
    }

    /** A page that OCR did not finish within its time limit; the work on it was stopped. */
    final class PageTimeout extends IOException {
        public PageTimeout(String message) {
            super(message);
        }
    }

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
