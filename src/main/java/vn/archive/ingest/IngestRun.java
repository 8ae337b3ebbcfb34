package vn.archive.ingest;

import vn.archive.model.IngestOutcome;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** State of one run: its journal (null for a single file), whether it continues an interrupted one, its options. */
final class IngestRun {
    final IngestJournal journal;
    final boolean resuming;
    final IngestPipeline.Options options;
    final Consumer<IngestOutcome> record;
    final AtomicInteger sinceCommit = new AtomicInteger();
    volatile long lastCommit = System.nanoTime();

    IngestRun(IngestJournal journal, IngestPipeline.Options options, Consumer<IngestOutcome> record) {
        this.journal = journal;
        this.resuming = journal != null && journal.resuming();
        this.options = options;
        this.record = record;
    }
}
