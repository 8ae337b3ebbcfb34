package vn.archive.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Originals, extracted texts and the PDF/A renditions of scans on disk, addressed by the SHA-256 of the original:
 * {@code originals/ab/abcdef…}, {@code text/ab/abcdef….txt} and {@code pdfa/ab/abcdef….pdf}. Writes are atomic (temporary file, then rename),
 * so a crash never leaves a half-written original under its final name.
 */
public final class ContentStore {
    private final Path dataDir;
    private final Path originals;
    private final Path texts;
    private final Path pdfa;

    public ContentStore(Path dataDir) throws IOException {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.originals = Files.createDirectories(dataDir.resolve("originals"));
        this.texts = Files.createDirectories(dataDir.resolve("text"));
        this.pdfa = Files.createDirectories(dataDir.resolve("pdfa"));
    }

    /** The archive folder this store lives in. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Deletes temporary files a killed writer left behind (they never got their final name, so nothing refers to
     * them). Only one process writes an archive at a time (Lucene's write lock), so none is in use.
     */
    public int sweepTemporaryFiles() throws IOException {
        int swept = 0;
        for (Path root : List.of(originals, texts, pdfa)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList()) {
                    Files.deleteIfExists(p);
                    swept++;
                }
            }
        }
        return swept;
    }

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Stores the original unless already present; returns its hash. */
    public String putOriginal(byte[] bytes) throws IOException {
        String sha = sha256(bytes);
        Path target = originalPath(sha);
        if (!Files.exists(target)) {
            AtomicFiles.write(target, bytes);
        }
        return sha;
    }

    /** Stores the extracted text for an original. */
    public void putText(String sha256, String text) throws IOException {
        AtomicFiles.write(textPath(sha256), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored original's path, if present. */
    public Optional<Path> original(String sha256) {
        Path p = originalPath(checkHash(sha256));
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The stored text, if present. */
    public Optional<String> text(String sha256) throws IOException {
        Path p = textPath(checkHash(sha256));
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Stores the searchable PDF/A rendition of a scan, beside its original. */
    public void putPdfa(String sha256, byte[] pdf) throws IOException {
        AtomicFiles.write(pdfaPath(checkHash(sha256)), pdf);
    }

    /** The stored PDF/A rendition's path, if the original has one. */
    public Optional<Path> pdfa(String sha256) {
        Path p = pdfaPath(checkHash(sha256));
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private Path pdfaPath(String sha) {
        return pdfa.resolve(sha.substring(0, 2)).resolve(sha + ".pdf");
    }

    private Path originalPath(String sha) {
        return originals.resolve(sha.substring(0, 2)).resolve(sha);
    }

    private Path textPath(String sha) {
        return texts.resolve(sha.substring(0, 2)).resolve(sha + ".txt");
    }

    /** Rejects anything but 64 hex digits, so no caller can steer a path outside the store. */
    private static String checkHash(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 hex digest: [" + sha256 + "]");
        }
        return sha256;
    }
}
