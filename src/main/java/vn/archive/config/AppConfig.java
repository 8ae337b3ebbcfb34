package vn.archive.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the archive lives and how it is served.
 *
 * @param dataDir   the archive folder (index, originals, texts), default {@code ./data}
 * @param configDir the {@code index-config} folder with editable dictionaries; missing files fall back to the jar's
 * @param host      interface to bind
 * @param port      port to listen on
 * @param maxFileBytes largest file an import reads (whole, into memory); larger ones are refused, each with a reason
 */
public record AppConfig(Path dataDir, Path configDir, String host, int port, long maxFileBytes) {
    public static final Path DEFAULT_DATA = Path.of("data");
    public static final Path DEFAULT_CONFIG = Path.of("index-config");
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** 512 MB: above any scanned directive; a few such files at once still fit a 4 GB heap. */
    public static final long DEFAULT_MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** System property naming the tesseract binary (default: {@code tesseract} on PATH). */
    public static final String TESSERACT_PROPERTY = "archive.tesseract";
    /** System property giving the longest one page may spend in Tesseract, in seconds. */
    public static final String OCR_PAGE_TIMEOUT_PROPERTY = "archive.ocrPageTimeout";
    /** Three minutes: a dense 300 dpi page takes seconds; a page still running after this is hung. */
    public static final Duration DEFAULT_OCR_PAGE_TIMEOUT = Duration.ofMinutes(3);
    /** System property giving how many imported files an import commits at once (tests that interrupt lower it). */
    public static final String COMMIT_EVERY_PROPERTY = "archive.commitEvery";
    /** Two hundred files: a kill loses at most this much work, and commits stay rare next to extraction. */
    public static final int DEFAULT_COMMIT_EVERY = 200;
    /** A Java byte array's limit, since a file is read whole. */
    public static final long MAX_FILE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

    public AppConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and " + MAX_FILE_BYTES_LIMIT
                    + " (files are read whole into memory), was " + maxFileBytes);
        }
        if (configDir != null && !Files.isDirectory(configDir)) {
            configDir = null;
        }
    }

    /** The default file size limit. */
    public AppConfig(Path dataDir, Path configDir, String host, int port) {
        this(dataDir, configDir, host, port, DEFAULT_MAX_FILE_BYTES);
    }

    /** The same configuration with another file size limit. */
    public AppConfig withMaxFileBytes(long bytes) {
        return new AppConfig(dataDir, configDir, host, port, bytes);
    }

    /** Defaults, with the archive in this folder. */
    public static AppConfig forData(Path dataDir) {
        return new AppConfig(dataDir, DEFAULT_CONFIG, DEFAULT_HOST, DEFAULT_PORT);
    }

    /** The tesseract binary, from {@value #TESSERACT_PROPERTY} (default {@code tesseract}, looked up on PATH). */
    public static Path tesseractBinary() {
        return Path.of(System.getProperty(TESSERACT_PROPERTY, "tesseract"));
    }

    /**
     * The longest one page may spend in Tesseract before its process is killed, from
     * {@value #OCR_PAGE_TIMEOUT_PROPERTY} in seconds (default 180).
     *
     * @throws IllegalArgumentException when the property is not a positive whole number of seconds
     */
    public static Duration ocrPageTimeout() {
        return Duration.ofSeconds(positive(OCR_PAGE_TIMEOUT_PROPERTY, DEFAULT_OCR_PAGE_TIMEOUT.toSeconds(),
                "a whole number of seconds"));
    }

    /**
     * How many imported files an import commits at once, from {@value #COMMIT_EVERY_PROPERTY} (default 200; an import
     * also commits every ten seconds).
     *
     * @throws IllegalArgumentException when the property is not a positive whole number
     */
    public static int commitEvery() {
        return (int) positive(COMMIT_EVERY_PROPERTY, DEFAULT_COMMIT_EVERY, "a whole number");
    }

    private static long positive(String property, long fallback, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 1 && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be " + what + ", at least 1, was [" + value + "]");
    }
}
