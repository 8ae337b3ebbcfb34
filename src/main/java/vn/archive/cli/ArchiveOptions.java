package vn.archive.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.solr.SolrTarget;

import java.io.IOException;
import java.nio.file.Path;

/** Options shared by verbs that open an archive. */
public final class ArchiveOptions {
    /** The {@code --solr} value's label in every verb's help. */
    static final String SOLR_LABEL = "HOST:PORT[,HOST:PORT…]/COLLECTION";

    @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
    Path data;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries (default: ./index-config; built-in copies otherwise).")
    Path config;

    @Option(names = "--max-file-mb", paramLabel = "MB",
            description = "Largest file an import reads, in MB; larger files are refused with a reason (default: 512).")
    Long maxFileMb;

    @Option(names = "--solr", paramLabel = SOLR_LABEL, converter = SolrTargetConverter.class,
            description = "Chỉ mục là bộ sưu tập SolrCloud này thay cho chỉ mục nhúng (bản gốc, hiệu đính, tài khoản "
                    + "vẫn ở --data) / the index is this SolrCloud collection instead of the embedded one (originals, "
                    + "corrections and accounts stay under --data); see README, SolrCloud.")
    SolrTarget solr;

    /** Whether --data was given. */
    boolean dataGiven() {
        return data != null;
    }

    AppConfig toConfig(String host, int port) {
        AppConfig c = new AppConfig(data == null ? AppConfig.DEFAULT_DATA : data, config, host, port);
        return maxFileMb == null ? c : c.withMaxFileBytes(Math.min(maxFileMb * 1024 * 1024, AppConfig.MAX_FILE_BYTES_LIMIT));
    }

    /** The archive these options name: on the SolrCloud collection of {@code --solr}, or on the embedded index. */
    Archive open(AppConfig config) throws IOException {
        return solr == null ? Archive.open(config) : Archive.onSolr(config, solr);
    }

    /** Where the index is, for messages: the data folder or the collection. */
    String where(AppConfig config) {
        return solr == null ? config.dataDir().toString() : "SolrCloud " + solr;
    }

    /** The one line every verb prints when the archive could not be opened or written; its exit code, 2. */
    int cannotWrite(AppConfig config, Exception e) {
        System.err.println("Không ghi được vào kho " + where(config) + ": " + e.getMessage()
                + " (could not write the archive)");
        return 2;
    }

    /** A bad {@code --solr} value is refused by picocli (exit 2) before any archive is opened. */
    static final class SolrTargetConverter implements ITypeConverter<SolrTarget> {
        @Override
        public SolrTarget convert(String value) {
            try {
                return SolrTarget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
