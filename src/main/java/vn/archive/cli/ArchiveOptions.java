package vn.archive.cli;

import picocli.CommandLine.Option;
import vn.archive.config.AppConfig;

import java.nio.file.Path;

/** Options shared by verbs that open an archive. */
public final class ArchiveOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
    Path data;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries (default: ./index-config; built-in copies otherwise).")
    Path config;

    @Option(names = "--max-file-mb", paramLabel = "MB",
            description = "Largest file an import reads, in MB; larger files are refused with a reason (default: 512).")
    Long maxFileMb;

    /** Whether --data was given. */
    boolean dataGiven() {
        return data != null;
    }

    AppConfig toConfig(String host, int port) {
        AppConfig c = new AppConfig(data == null ? AppConfig.DEFAULT_DATA : data, config, host, port);
        return maxFileMb == null ? c : c.withMaxFileBytes(Math.min(maxFileMb * 1024 * 1024, AppConfig.MAX_FILE_BYTES_LIMIT));
    }
}
