package vn.archive.cli;

import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestProgress;
import vn.archive.ingest.IngestReport;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** What the ingest verbs share: a terminal progress bar drawn from the pipeline's live progress. */
final class Verbs {
    private static final int BAR = 30;

    /** An import step that may fail to write the archive. */
    interface Step {
        IngestReport run() throws IOException;
    }

    private Verbs() {
    }

    /** Runs the step with a progress bar on stderr while it runs (when asked and a terminal is there). */
    static IngestReport withProgress(IngestPipeline pipeline, boolean wanted, Step step) throws IOException {
        boolean show = wanted && onTerminal();
        Thread painter = null;
        if (show) {
            painter = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        System.err.print("\r" + bar(pipeline.progress().snapshot()));
                        Thread.sleep(500);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            return step.run();
        } finally {
            if (painter != null) {
                painter.interrupt();
                PrintStream err = System.err;
                err.print("\r" + bar(pipeline.progress().snapshot()) + "\n");
            }
        }
    }

    /**
     * Whether stdout is a terminal. From JDK 22 {@code System.console()} exists even when output is redirected, and
     * {@code Console.isTerminal()} (not in the Java 21 API this compiles against) tells; before, null meant no terminal.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** "[#######.......]  12/40 tệp · 9 trang OCR · 1.3 tệp/s · còn 00:21". */
    static String bar(IngestProgress.Snapshot s) {
        int total = Math.max(1, s.total());
        int filled = (int) Math.round((double) BAR * Math.min(s.done(), total) / total);
        return String.format(Locale.ROOT, "[%s%s] %d/%d tệp · %d trang OCR · %.2f tệp/s · còn %s   ",
                "#".repeat(filled), ".".repeat(BAR - filled), s.done(), s.total(), s.pagesOcr(), s.filesPerSecond(),
                s.eta() == null ? "--:--" : clock(s.eta()));
    }

    private static String clock(Duration d) {
        long sec = d.toSeconds();
        return sec >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60)
                : String.format(Locale.ROOT, "%02d:%02d", sec / 60, sec % 60);
    }
}
