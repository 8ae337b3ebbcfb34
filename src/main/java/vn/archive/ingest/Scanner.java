package vn.archive.ingest;

import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Walks the inputs: files, folders (recursively, in a stable order, without following links) and ZIP archives
 * (including ZIPs inside ZIPs). Each file found is handed on; anything unreadable becomes a FAILED outcome.
 */
public final class Scanner {
    /** Largest single file read into memory. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** How deep ZIPs may nest. */
    public static final int MAX_ZIP_DEPTH = 4;
    /** Most a ZIP may unpack to, as a multiple of its own size (zip bombs reach thousands). */
    public static final long MAX_ZIP_RATIO = 100;
    /** Small ZIPs may always unpack to this much. */
    static final long MIN_ZIP_BUDGET = 64L * 1024 * 1024;

    /** Scans the inputs in order. */
    public void scan(List<Path> inputs, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        for (Path input : inputs) {
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                failures.accept(failed(input.toString(), "Không tìm thấy tệp hoặc thư mục (not found)"));
            } else if (Files.isDirectory(input)) {
                walk(input, files, failures);
            } else {
                readFile(input, files, failures);
            }
        }
    }

    private void walk(Path dir, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(found::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            failures.accept(failed(dir.toString(), "Không đọc được thư mục: " + e.getMessage()));
        }
        for (Path p : found) {
            readFile(p, files, failures);
        }
    }

    private void readFile(Path file, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        String path = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                failures.accept(failed(path, "Tệp quá lớn (" + size + " byte, tối đa " + MAX_FILE_BYTES + ")"));
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            if (isZip(name)) {
                unzip(path, bytes, 1, files, failures, new long[] {zipBudget(bytes.length)});
            } else {
                files.accept(new SourceFile(path, name, bytes));
            }
        } catch (IOException | RuntimeException e) {
            failures.accept(failed(path, "Không đọc được tệp: " + e.getMessage()));
        }
    }

    /**
     * How many bytes a ZIP of this size may unpack to, nested ZIPs included: real archives of documents compress
     * a few times, a bomb compresses thousands of times, so the budget is a ratio with a floor for small archives.
     */
    static long zipBudget(long zipBytes) {
        return Math.max(MIN_ZIP_BUDGET, zipBytes * MAX_ZIP_RATIO);
    }

    private void unzip(String zipPath, byte[] zip, int depth, Consumer<SourceFile> files, Consumer<IngestOutcome> failures,
                       long[] budget) {
        if (depth > MAX_ZIP_DEPTH) {
            failures.accept(failed(zipPath, "Tệp ZIP lồng nhau quá sâu (tối đa " + MAX_ZIP_DEPTH + " cấp)"));
            return;
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            int count = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                count++;
                String entryPath = zipPath + "!" + entry.getName();
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (name.startsWith(".") || name.isEmpty()) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.min(MAX_FILE_BYTES, budget[0]) + 1));
                if (bytes.length > MAX_FILE_BYTES) {
                    failures.accept(failed(entryPath, "Tệp trong ZIP quá lớn khi giải nén (tối đa " + MAX_FILE_BYTES + " byte)"));
                } else if (bytes.length > budget[0]) {
                    budget[0] = 0;
                    failures.accept(failed(entryPath, "Bom ZIP: giải nén vượt quá " + MAX_ZIP_RATIO
                            + " lần kích thước tệp ZIP (zip bomb: unpacks to more than " + MAX_ZIP_RATIO + "× its size)"));
                } else if (isZip(name)) {
                    budget[0] -= bytes.length;
                    unzip(entryPath, bytes, depth + 1, files, failures, budget);
                } else {
                    budget[0] -= bytes.length;
                    files.accept(new SourceFile(entryPath, name, bytes));
                }
            }
            if (count == 0) {
                failures.accept(failed(zipPath, "Tệp ZIP rỗng hoặc hỏng"));
            }
        } catch (IOException | RuntimeException e) {
            failures.accept(failed(zipPath, "Tệp ZIP hỏng: " + e.getMessage()));
        }
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static IngestOutcome failed(String path, String reason) {
        return new IngestOutcome(path, IngestStatus.FAILED, reason, null, null, 0, null, 0);
    }
}
