package vn.archive.ingest;

import vn.archive.config.AppConfig;
import vn.archive.index.ArchiveIndex;
import vn.archive.model.IngestOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Journal: each outcome is appended to the run's journal after its index update, reported, and the index committed
 * when due; so the same command continues after a kill -9 ({@link IngestJournal}), and replays what was done.
 */
final class JournalStage {
    /** …or after this long, so a slow OCR batch is durable as it goes. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);

    private final ArchiveIndex index;
    /** Commit after this many outcomes, so an interrupted run keeps most of its work. */
    private final int commitEvery;
    private final Object lock = new Object();

    JournalStage(ArchiveIndex index, int commitEvery) {
        this.index = Objects.requireNonNull(index, "index");
        this.commitEvery = commitEvery;
    }

    JournalStage(ArchiveIndex index) {
        this(index, AppConfig.commitEvery());
    }

    /** Journals the outcome (after its index update), reports it, and commits when due. */
    void finish(IngestOutcome o, IngestRun run) {
        try {
            if (run.journal != null) {
                run.journal.append(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được nhật ký nhập (journal)", e);
        }
        run.record.accept(o);
        run.sinceCommit.incrementAndGet();
        try {
            commit(run, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Commits the index, then marks the journal. The journal position is read before the commit, so every outcome it
     * covers had its index update made before the commit began.
     */
    void commit(IngestRun run, boolean force) throws IOException {
        synchronized (lock) {
            boolean due = run.sinceCommit.get() >= commitEvery
                    || System.nanoTime() - run.lastCommit > COMMIT_INTERVAL.toNanos();
            if (!force && !due) {
                return;
            }
            long position = run.journal == null ? 0 : run.journal.position();
            index.commit();
            if (run.journal != null) {
                run.journal.committed(position);
            }
            run.sinceCommit.set(0);
            run.lastCommit = System.nanoTime();
        }
    }

    /** Reports an outcome the journal says is already durable, with the attachments recorded under it. */
    static boolean replay(String path, Map<String, IngestOutcome> done, Consumer<IngestOutcome> record) {
        IngestOutcome prior = done.get(path);
        if (prior == null) {
            return false;
        }
        done.forEach((p, o) -> {
            if (p.startsWith(path + "!")) {
                record.accept(o);
            }
        });
        record.accept(prior);
        return true;
    }
}
