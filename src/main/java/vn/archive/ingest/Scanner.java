package vn.archive.ingest;

import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import java.nio.charset.StandardCharsets;

/**
 * Walks the inputs: files, folders (recursively, in a stable order, without following links) and ZIP archives
 * (including ZIPs inside ZIPs). Each file found is handed on; anything unreadable becomes a FAILED outcome.
 * Paths are reported legibly ({@link FileNames}): a name that is not UTF-8 shows its odd bytes as {@code \xFF}.
 */
public final class Scanner {
    /** Default for the largest single file read into memory (configurable: {@code AppConfig.maxFileBytes}). */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** How deep ZIPs may nest. */
    public static final int MAX_ZIP_DEPTH = 4;
    /** Most a ZIP may unpack to, as a multiple of its own size (zip bombs reach thousands). */
    public static final long MAX_ZIP_RATIO = 100;
    /** Small ZIPs may always unpack to this much. */
    static final long MIN_ZIP_BUDGET = 64L * 1024 * 1024;

    private final long maxFileBytes;

    /** A scanner with the default size limit. */
    public Scanner() {
        this(MAX_FILE_BYTES);
    }

    /** A scanner that refuses files larger than this from their size alone, and ZIP entries once they unpack past it. */
    public Scanner(long maxFileBytes) {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
                    + " (files are read into memory), was " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    /** Scans the inputs in order. */
    public void scan(List<Path> inputs, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        for (Path input : inputs) {
            if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                failures.accept(failed(FileNames.legible(input), FailureKind.NOT_FOUND, "Không tìm thấy tệp hoặc thư mục (not found)"));
            } else if (Files.isDirectory(input)) {
                walk(input, files, failures);
            } else {
                readFile(input, files, failures);
            }
        }
    }

    private void walk(Path dir, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        List<Path> found = new ArrayList<>();
        try {
            // A folder or file that cannot be listed is reported alone; its siblings are still walked.
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !p.getFileName().toString().startsWith(".")) {
                        found.add(p);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) {
                    failures.accept(failed(FileNames.legible(p), FailureKind.UNREADABLE, "Không đọc được thư mục hoặc tệp: " + e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            failures.accept(failed(FileNames.legible(dir), FailureKind.UNREADABLE, "Không đọc được thư mục: " + e));
        }
        found.sort(null);
        for (Path p : found) {
            readFile(p, files, failures);
        }
    }

    private void readFile(Path file, Consumer<SourceFile> files, Consumer<IngestOutcome> failures) {
        String path = FileNames.legible(file);
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                failures.accept(failed(path, FailureKind.TOO_LARGE, tooLarge(size)));
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String name = FileNames.legible(file.getFileName());
            if (isZip(name)) {
                unzip(path, bytes, 1, files, failures, new long[] {zipBudget(bytes.length)});
            } else {
                files.accept(new SourceFile(path, name, bytes));
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            failures.accept(failed(path, e instanceof OutOfMemoryError ? FailureKind.OUT_OF_MEMORY
                    : FailureKind.UNREADABLE, "Không đọc được tệp: " + e));
        }
    }

    /** The refusal of a file over the limit, with both numbers, so the officer knows what to split or raise. */
    private String tooLarge(long size) {
        return String.format(Locale.ROOT, "Tệp quá lớn: %,d byte (%s), tối đa %,d byte (%s); hãy tách tệp "
                + "hoặc nâng giới hạn --max-file-mb (file too large)", size, mb(size), maxFileBytes, mb(maxFileBytes));
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
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
            failures.accept(failed(zipPath, FailureKind.TOO_LARGE, "Tệp ZIP lồng nhau quá sâu (tối đa " + MAX_ZIP_DEPTH + " cấp)"));
            return;
        }
        // Names are decoded here from their raw bytes (see entryName), so the stream's own decoding is never trusted.
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip),
                StandardCharsets.ISO_8859_1.name(), true, true)) {
            ZipArchiveEntry entry;
            int count = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                count++;
                String entryName = entryName(entry);
                String entryPath = zipPath + "!" + entryName;
                String name = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (name.startsWith(".") || name.isEmpty()) {
                    continue;
                }
                if (!in.canReadEntryData(entry)) {
                    failures.accept(failed(entryPath, entry.getGeneralPurposeBit().usesEncryption()
                            ? FailureKind.ENCRYPTED : FailureKind.UNSUPPORTED, "Tệp trong ZIP được mã hóa hoặc nén theo cách không hỗ trợ "
                            + "(encrypted or unsupported ZIP entry: " + entry.getMethod() + ")"));
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(maxFileBytes, budget[0]) + 1);
                if (bytes.length > maxFileBytes) {
                    failures.accept(failed(entryPath, FailureKind.TOO_LARGE, "Tệp trong ZIP quá lớn khi giải nén (tối đa " + maxFileBytes
                            + " byte, " + mb(maxFileBytes) + ")"));
                } else if (bytes.length > budget[0]) {
                    budget[0] = 0;
                    failures.accept(failed(entryPath, FailureKind.TOO_LARGE, "Bom ZIP: giải nén vượt quá " + MAX_ZIP_RATIO
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
                failures.accept(failed(zipPath, FailureKind.UNPARSABLE, "Tệp ZIP rỗng hoặc hỏng"));
            }
        } catch (IOException | RuntimeException e) {
            failures.accept(failed(zipPath, FailureKind.UNPARSABLE, "Tệp ZIP hỏng: " + e));
        }
    }

    /**
     * An entry's name: as written when the ZIP says it is Unicode (the language-encoding flag or Info-ZIP's Unicode
     * path field); otherwise the raw bytes, taken as UTF-8 where they are UTF-8 (most tools write that, flag or not)
     * and escaped as {@code \xNN} where not (old Windows code pages, TCVN3), rather than guessed.
     */
    static String entryName(ZipArchiveEntry entry) {
        if (entry.getNameSource() != ZipArchiveEntry.NameSource.NAME) {
            return FileNames.escapeControls(entry.getName());
        }
        return FileNames.legible(entry.getRawName());
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static IngestOutcome failed(String path, FailureKind kind, String reason) {
        return new IngestOutcome(path, IngestStatus.FAILED, reason, null, null, 0, null, 0, kind);
    }

    /** Files the inputs hold, counting ZIP entries (one level), for the progress bar; refined as the run goes. */
    static int estimate(List<Path> inputs) {
        int n = 0;
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> s = Files.walk(input)) {
                    for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                        n += countOne(p);
                    }
                } catch (IOException | UncheckedIOException e) {
                    n++;
                }
            } else {
                n += countOne(input);
            }
        }
        return n;
    }

    private static int countOne(Path p) {
        if (!isZip(p.getFileName().toString())) {
            return 1;
        }
        try (ZipFile z = new ZipFile(p.toFile())) {
            return (int) Math.max(1, z.stream().filter(e -> !e.isDirectory()).count());
        } catch (IOException e) {
            return 1;
        }
    }
}
