package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.config.AppConfig;
import vn.archive.security.ArchiveBackup;
import vn.archive.solr.SolrTarget;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code restore FILE --data DIR [--solr TARGET]}: restores a backup into an empty folder, checking every file's
 * SHA-256; with {@code --solr}, the restored index's documents then go into the (empty) collection, as
 * {@code migrate --to-solr} moves them.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Khôi phục kho từ tệp sao lưu vào một thư mục trống; kiểm tra SHA-256 của từng tệp.",
                "Restores a backup into an empty folder, verifying every file. With",
                "--solr, the documents then also go into that empty SolrCloud",
                "collection (as `migrate --to-solr` moves them)."})
public final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Backup file written by 'backup'.")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder to restore into, empty or absent (default: ./data).")
    Path data = AppConfig.DEFAULT_DATA;

    @Option(names = "--solr", paramLabel = ArchiveOptions.SOLR_LABEL, converter = ArchiveOptions.SolrTargetConverter.class,
            description = "Nạp văn bản vào bộ sưu tập SolrCloud trống này / load the documents into this empty "
                    + "SolrCloud collection.")
    SolrTarget solr;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries, with --solr (default: ./index-config).")
    Path config;

    @Override
    public Integer call() throws Exception {
        ArchiveBackup.Result r = ArchiveBackup.restore(backup, data);
        System.out.println("Đã khôi phục " + r.files() + " tệp (" + r.bytes() + " byte, chỉ mục ở lần ghi "
                + r.generation() + ") vào " + data);
        return solr == null ? 0 : MigrateCommand.toSolr(data, config, solr);
    }
}
