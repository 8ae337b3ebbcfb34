package vn.archive.ingest;

import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The live state of the running (or last) import, safe to read from any thread: the terminal progress bar and the
 * web import page both poll {@link #snapshot()} while the pipeline's workers update it.
 */
public final class IngestProgress {
    /** How many recent outcomes a snapshot carries, newest last. */
    public static final int RECENT = 50;

    /**
     * A consistent copy of the state.
     *
     * @param running    whether an import is running
     * @param total      files expected (grows when ZIPs and e-mails reveal more)
     * @param done       files finished
     * @param counts     finished files per status
     * @param pagesOcr   pages recognized by OCR in this run
     * @param startedAt  when the run started, or null before the first run
     * @param elapsed    time since the start (until the end once finished)
     * @param filesPerSecond finish rate so far
     * @param eta        estimated time left, or null when unknown
     * @param recent     the latest outcomes, newest last
     */
    public record Snapshot(boolean running, int total, int done, Map<IngestStatus, Integer> counts, long pagesOcr,
                           Instant startedAt, Duration elapsed, double filesPerSecond, Duration eta,
                           List<IngestOutcome> recent) { }

    private boolean running;
    private int total;
    private int done;
    private final Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
    private long pagesOcr;
    private Instant startedAt;
    private Instant endedAt;
    private final List<IngestOutcome> recent = new ArrayList<>();

    /** Resets for a new run expecting about {@code expected} files. */
    public synchronized void start(int expected) {
        running = true;
        total = expected;
        done = 0;
        counts.clear();
        pagesOcr = 0;
        startedAt = Instant.now();
        endedAt = null;
        recent.clear();
    }

    /** More files were found than expected (inside a ZIP or an e-mail). */
    public synchronized void addExpected(int more) {
        total += more;
    }

    /** One file finished. */
    public synchronized void finished(IngestOutcome outcome) {
        done++;
        total = Math.max(total, done);
        counts.merge(outcome.status(), 1, Integer::sum);
        if (outcome.ocrConfidence() != null) {
            pagesOcr += outcome.pages();
        }
        recent.add(outcome);
        if (recent.size() > RECENT) {
            recent.remove(0);
        }
    }

    /** The run ended; the total is now exact. */
    public synchronized void end() {
        running = false;
        total = done;
        endedAt = Instant.now();
    }

    /** A copy of the current state. */
    public synchronized Snapshot snapshot() {
        Map<IngestStatus, Integer> c = new EnumMap<>(IngestStatus.class);
        for (IngestStatus s : IngestStatus.values()) {
            c.put(s, counts.getOrDefault(s, 0));
        }
        Duration elapsed = startedAt == null ? Duration.ZERO
                : Duration.between(startedAt, endedAt == null ? Instant.now() : endedAt);
        double seconds = elapsed.toMillis() / 1000.0;
        double rate = seconds > 0 ? done / seconds : 0;
        Duration eta = rate > 0 && running ? Duration.ofSeconds(Math.round((total - done) / rate)) : null;
        return new Snapshot(running, total, done, c, pagesOcr, startedAt, elapsed, rate, eta, List.copyOf(recent));
    }
}
