package vn.archive.ingest;

import vn.archive.config.Json;
import vn.archive.storage.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans kept until OCR can read them: {@code data/waiting-ocr/<sha256>.json} names the original (already in the
 * content store) and the path it came from. {@code reocr} and {@code import --retry} work through this list.
 */
public final class WaitingOcr {
    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * One scan waiting for OCR.
     *
     * @param sha256   its original in the content store
     * @param path     where it was imported from
     * @param fileName its own name
     */
    public record Entry(String sha256, String path, String fileName) { }

    private final Path folder;

    public WaitingOcr(Path folder) {
        this.folder = folder;
    }

    /** Records (atomically) that the scan waits. */
    public void add(Entry entry) throws IOException {
        AtomicFiles.write(folder.resolve(entry.sha256() + ".json"), JSON.writeValueAsBytes(entry));
    }

    /** The scan no longer waits (it was read, or found in the index). */
    public void remove(String sha256) throws IOException {
        Files.deleteIfExists(folder.resolve(sha256 + ".json"));
    }

    /** Every waiting scan, by hash order. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(JSON.readValue(p.toFile(), Entry.class));
            }
        }
        return out;
    }
}
