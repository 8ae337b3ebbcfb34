package vn.archive.config;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
