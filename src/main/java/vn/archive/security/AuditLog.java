package vn.archive.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only audit trail ({@code audit.log} under the data folder, one JSON object a line): who viewed or
 * downloaded a classified document, and who changed metadata. The file is only ever opened for appending and each
 * line is forced to disk before the action it records is answered.
 */
public final class AuditLog {
    /** The file name under the data folder. */
    public static final String FILE = "audit.log";
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Path file;
    private final Clock clock;

    public AuditLog(Path dataDir, Clock clock) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
    }

    /** Appends one event: {@code action} (view, download, correct, login…) by {@code user} on {@code target}. */
    public synchronized void record(String user, String action, String target, String detail) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("time", clock.instant().toString());
        e.put("user", user == null ? "anonymous" : user);
        e.put("action", action);
        e.put("target", target);
        if (detail != null) {
            e.put("detail", detail);
        }
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(line));
                ch.force(false);
            }
        } catch (IOException ex) {
            // an action that cannot be audited must not happen
            throw new UncheckedIOException("Cannot write the audit log " + file, ex);
        }
    }

    /** Every line so far. */
    public List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
