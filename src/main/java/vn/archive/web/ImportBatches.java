package vn.archive.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Upload batches and their progress. Batches run one at a time on a background thread, so a large ZIP never holds
 * a request open and two batches never race for the index writer's commits.
 */
final class ImportBatches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportBatches.class);
    /** Batches remembered for the import page; older ones are forgotten (their documents stay archived). */
    private static final int KEEP = 50;

    /** Where a batch is. */
    enum State { QUEUED, RUNNING, DONE, FAILED }

    /** One outcome as the page and the JSON status show it. */
    record OutcomeView(String file, String status, String reason, String documentId, String url, String failure) { }

    /** A batch's state, for the page and {@code /api/imports/{id}}. */
    record BatchView(String id, String state, List<String> uploaded, int processed,
                     Map<String, Integer> counts, List<OutcomeView> outcomes, String error,
                     boolean running) { }

    private final Importer importer;
    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "web-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    ImportBatches(Importer importer, Path folder) {
        this.importer = importer;
        this.folder = folder;
    }

    /** A new batch folder for uploaded files. */
    Batch create() throws IOException {
        long order = sequence.incrementAndGet();
        String id = id(order);
        Path dir = Files.createDirectories(folder.resolve(id));
        return register(new Batch(id, order, dir, List.of(dir)));
    }

    /** Queues the batch's import. */
    void start(Batch b) {
        worker.submit(() -> run(b));
    }

    /**
     * Queues the import of files already on this machine (handed over by the {@code import} verb while the portal
     * serves the archive): they are read where they are and never deleted.
     */
    Batch startLocal(List<Path> inputs) {
        long order = sequence.incrementAndGet();
        Batch b = new Batch(id(order), order, null, List.copyOf(inputs));
        inputs.forEach(p -> b.uploaded.add(p.toString()));
        register(b);
        start(b);
        return b;
    }

    private static String id(long order) {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + order;
    }

    private Batch register(Batch b) {
        batches.put(b.id, b);
        forgetOld();
        return b;
    }

    Optional<Batch> get(String id) {
        return Optional.ofNullable(batches.get(id));
    }

    /** Recent batches, newest first. */
    List<BatchView> recent() {
        return batches.values().stream().sorted(Comparator.comparingLong((Batch b) -> b.order).reversed())
                .map(Batch::view).toList();
    }

    private void run(Batch b) {
        b.state = State.RUNNING;
        try {
            importer.run(b.inputs, b.outcomes::add);
            b.state = State.DONE;
        } catch (IOException | RuntimeException e) {
            LOG.error("Import batch {} failed", b.id, e);
            b.error = "Không thể ghi vào kho (the archive could not be written): " + e.getMessage();
            b.state = State.FAILED;
        } finally {
            if (b.dir != null) {
                deleteQuietly(b.dir);
            }
        }
    }

    private void forgetOld() {
        if (batches.size() > KEEP) {
            batches.values().stream().filter(b -> b.state == State.DONE || b.state == State.FAILED)
                    .min(Comparator.comparingLong(b -> b.order))
                    .ifPresent(b -> batches.remove(b.id));
        }
    }

    /** The originals are in the content store by now; the uploaded copies are no longer needed. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete uploaded files in {}", dir, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** One upload and its import. */
    static final class Batch {
        final String id;
        final long order;
        /** The folder the uploaded files were written to, or null for files imported where they are. */
        final Path dir;
        final List<Path> inputs;
        final List<String> uploaded = Collections.synchronizedList(new ArrayList<>());
        final List<IngestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        volatile State state = State.QUEUED;
        volatile String error;

        Batch(String id, long order, Path dir, List<Path> inputs) {
            this.id = id;
            this.order = order;
            this.dir = dir;
            this.inputs = inputs;
        }

        /** The outcomes from the {@code from}-th on, in the order they finished. */
        List<IngestOutcome> outcomesFrom(int from) {
            synchronized (outcomes) {
                return from >= outcomes.size() ? List.of() : List.copyOf(outcomes.subList(Math.max(0, from),
                        outcomes.size()));
            }
        }

        boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }

        BatchView view() {
            List<IngestOutcome> done;
            synchronized (outcomes) {
                done = List.copyOf(outcomes);
            }
            Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
            for (IngestStatus s : IngestStatus.values()) {
                counts.put(s, 0);
            }
            List<OutcomeView> views = new ArrayList<>();
            for (IngestOutcome o : done) {
                counts.merge(o.status(), 1, Integer::sum);
                String url = o.documentId() == null || o.status() == IngestStatus.FAILED
                        ? null : "/documents/" + o.documentId();
                views.add(new OutcomeView(displayName(o.path()), o.status().name(), o.reason(), o.documentId(), url,
                        o.failure() == null ? null : o.failure().name()));
            }
            Map<String, Integer> countList = new LinkedHashMap<>();
            counts.forEach((s, n) -> countList.put(s.name(), n));
            List<String> names;
            synchronized (uploaded) {
                names = List.copyOf(uploaded);
            }
            return new BatchView(id, state.name(), names, done.size(), countList, views, error,
                    state == State.QUEUED || state == State.RUNNING);
        }

        /** The path as the user knows it: below the batch folder, without the server's own folders. */
        private String displayName(String path) {
            if (dir == null) {
                return path;
            }
            String prefix = dir.toString();
            String shown = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            return shown.replaceFirst("^[/\\\\]+", "");
        }
    }
}
