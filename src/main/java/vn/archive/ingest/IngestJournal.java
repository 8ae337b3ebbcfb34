package vn.archive.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;
import vn.archive.model.IngestOutcome;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write-ahead record of one import command, so that after a kill -9 the same command continues where it stopped.
 * One JSON outcome per line, appended after the file's index update; {@code #commit N} lines, appended (and forced
 * to disk) after a Lucene commit, say that the first N outcome lines are durable in the index. The line count is read
 * <em>before</em> the commit starts, so every outcome it covers had its update made before the commit: nothing is
 * trusted that the index might have lost. Outcomes after the last marker are done again (idempotently, by SHA-256).
 */
public final class IngestJournal implements AutoCloseable {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String COMMIT = "#commit ";

    private final Path file;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final Map<String, IngestOutcome> committed;
    private final boolean resuming;
    private long lines;

    private IngestJournal(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.resuming = Files.exists(file);
        this.committed = readCommitted(file);
        compact(file, committed);
        this.lines = committed.size();
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
    }

    /** Opens the journal of the command identified by {@code key} under the folder, continuing any earlier one. */
    public static IngestJournal open(Path folder, String key) throws IOException {
        return new IngestJournal(folder.resolve(key + ".journal"));
    }

    /** Whether an interrupted run of the same command left durable outcomes to continue from. */
    public boolean resuming() {
        return resuming;
    }

    /** Outcomes durable in the index, by path, in the order they were recorded. */
    public Map<String, IngestOutcome> committed() {
        return committed;
    }

    /** Appends one outcome (after its index update). Returns nothing; the line is in the OS's hands at once. */
    public synchronized void append(IngestOutcome outcome) throws IOException {
        out.write(JSON.writeValueAsString(outcome));
        out.write('\n');
        out.flush();
        lines++;
    }

    /** Outcome lines written so far; read this before committing the index. */
    public synchronized long position() {
        return lines;
    }

    /** Records that the index commit covering the first {@code position} outcome lines finished. */
    public synchronized void committed(long position) throws IOException {
        out.write(COMMIT + position + "\n");
        out.flush();
        channel.force(false);
    }

    /** The command finished: its journal is no longer needed (the report is the lasting record). */
    public void complete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            out.flush();
            channel.close();
        }
    }

    private static Map<String, IngestOutcome> readCommitted(Path file) throws IOException {
        Map<String, IngestOutcome> result = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return result;
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        long durable = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(COMMIT)) {
                durable = Math.max(durable, Long.parseLong(line.substring(COMMIT.length()).strip()));
                continue;
            }
            try {
                outcomes.add(JSON.readValue(line, IngestOutcome.class));
            } catch (IOException e) {
                // a line cut short by the kill: it was never covered by a commit marker
                outcomes.add(null);
            }
        }
        for (int i = 0; i < durable && i < outcomes.size(); i++) {
            IngestOutcome o = outcomes.get(i);
            if (o != null) {
                result.putIfAbsent(o.path(), o);
            }
        }
        return result;
    }

    /**
     * Rewrites the journal as its durable prefix only, atomically: outcomes written after the last marker were never
     * made durable and are redone, so they must not be counted by the markers of this run.
     */
    private static void compact(Path file, Map<String, IngestOutcome> committed) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (IngestOutcome o : committed.values()) {
            sb.append(JSON.writeValueAsString(o)).append('\n');
        }
        sb.append(COMMIT).append(committed.size()).append('\n');
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
