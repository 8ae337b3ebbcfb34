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
 */
public record AppConfig(Path dataDir, Path configDir, String host, int port) {
    public static final Path DEFAULT_DATA = Path.of("data");
    public static final Path DEFAULT_CONFIG = Path.of("index-config");
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    public AppConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (configDir != null && !Files.isDirectory(configDir)) {
            configDir = null;
        }
    }

    /** Defaults, with the archive in this folder. */
    public static AppConfig forData(Path dataDir) {
        return new AppConfig(dataDir, DEFAULT_CONFIG, DEFAULT_HOST, DEFAULT_PORT);
    }
}
