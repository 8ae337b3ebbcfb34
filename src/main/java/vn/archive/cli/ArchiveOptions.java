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

    /** Whether --data was given. */
    boolean dataGiven() {
        return data != null;
    }

    AppConfig toConfig(String host, int port) {
        return new AppConfig(data == null ? AppConfig.DEFAULT_DATA : data, config, host, port);
    }
}
