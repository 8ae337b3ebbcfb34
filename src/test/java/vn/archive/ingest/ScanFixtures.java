package vn.archive.ingest;

import org.apache.commons.text.similarity.LevenshteinDistance;
import vn.archive.TestCorpus;
import vn.archive.render.ScanRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Scans rendered from the corpus for OCR tests, and the character error rate that judges them. */
final class ScanFixtures {
    private static ScanRenderer renderer;

    private ScanFixtures() {
    }

    static synchronized ScanRenderer renderer() {
        if (renderer == null) {
            try {
                renderer = ScanRenderer.withSystemFont();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return renderer;
    }

    /** A corpus text without its Markdown marks (bold, italics, escaped stars), as it would be printed. */
    static String printed(Path file) {
        return TestCorpus.read(file).replace("\\*", "").replace("*", "").replaceAll("[ \\t]+\\n", "\n");
    }

    /** Pages of the corpus file, rendered. */
    static List<ScanRenderer.Page> pages(Path file, ScanRenderer.Style style, int maxPages) {
        return renderer().render(printed(file), style, maxPages);
    }

    /** The drawn text of the pages, one string. */
    static String text(List<ScanRenderer.Page> pages) {
        return String.join("\n", pages.stream().map(ScanRenderer.Page::text).toList());
    }

    /** Whitespace runs become one space, ends trimmed: layout is not what OCR is judged on. */
    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Levenshtein distance over the expected length, after whitespace normalization. */
    static double cer(String expected, String actual) {
        String e = squash(expected);
        String a = squash(actual);
        return (double) LevenshteinDistance.getDefaultInstance().apply(e, a) / Math.max(1, e.length());
    }
}
