package vn.archive.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The corrections of an archive in {@code corrections.jsonl} under its data folder: one JSON object per line,
 * only ever appended to, so the file is its own audit trail. It lives beside the index, not in it, so rebuilding
 * the index or re-importing the originals never loses a correction.
 */
public final class CorrectionStore {
    /** File name under the archive's data folder. */
    public static final String FILE = "corrections.jsonl";

    private static final ObjectMapper JSON = Json.MAPPER;

    private final Path file;
    private List<Correction> cached;
    private long cachedSize = -1;

    public CorrectionStore(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve(FILE);
    }

    /** Appends one correction, durably. */
    public synchronized void append(Correction c) throws IOException {
        Files.createDirectories(file.getParent());
        String line = JSON.writeValueAsString(c) + "\n";
        if (endsMidLine()) {
            // a crash cut the last line short: start on a line of our own, or this correction joins the damaged one
            line = "\n" + line;
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** Whether the trail's last byte is not a line end (a write cut short by a crash). */
    private boolean endsMidLine() throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return false;
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    /** Every correction of one document, oldest first. */
    public synchronized List<Correction> forDocument(String documentId) throws IOException {
        List<Correction> out = new ArrayList<>();
        for (Correction c : all()) {
            if (c.documentId().equals(documentId)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every correction, oldest first. A damaged line is skipped rather than losing the others. */
    public synchronized List<Correction> all() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        // an import asks once per file; read the trail again only when it has grown
        long size = Files.size(file);
        if (cached != null && size == cachedSize) {
            return cached;
        }
        List<Correction> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, Correction.class));
            } catch (IOException e) {
                // a half-written last line after a crash; the rest of the trail still counts
            }
        }
        cached = List.copyOf(out);
        cachedSize = size;
        return cached;
    }
}
