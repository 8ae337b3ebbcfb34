package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.config.AppConfig;
import vn.archive.security.ArchiveBackup;
import vn.archive.solr.SolrArchiveIndex;
import vn.archive.solr.SolrTarget;
import vn.archive.text.KindNames;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code backup --data DIR --out FILE [--solr TARGET]}: a consistent snapshot of the archive, also while it is being
 * served. With {@code --solr}, the index part is the collection's documents as stored (read through SolrJ), not
 * Solr's own index files.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Sao lưu toàn bộ kho (chỉ mục, bản gốc, hiệu đính, tài khoản, nhật ký) vào một tệp zip.",
                "Backs up the whole archive to one zip; safe while the portal serves and imports.",
                "With --solr: the collection's documents (metadata with corrections,",
                "and texts) and everything under --data; `restore` makes an embedded",
                "archive of it, `restore --solr` fills a collection."})
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
    Path data = AppConfig.DEFAULT_DATA;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Backup file to write (.zip).")
    Path out;

    @Option(names = "--solr", paramLabel = ArchiveOptions.SOLR_LABEL, converter = ArchiveOptions.SolrTargetConverter.class,
            description = "Chỉ mục của kho là bộ sưu tập SolrCloud này / the archive's index is this SolrCloud "
                    + "collection (its documents are backed up, one JSON a line).")
    SolrTarget solr;

    @Override
    public Integer call() throws Exception {
        ArchiveBackup.Result r;
        if (solr == null) {
            r = ArchiveBackup.backup(data, out);
        } else {
            try (SolrArchiveIndex collection = SolrArchiveIndex.open(solr, KindNames.builtIn())) {
                r = ArchiveBackup.backup(data, out, collection, solr.collection());
            }
        }
        System.out.println("Đã sao lưu " + r.files() + " tệp (" + r.bytes() + " byte, "
                + (solr == null ? "chỉ mục ở lần ghi " + r.generation() : "văn bản của bộ sưu tập " + solr.collection())
                + ") vào " + out);
        return 0;
    }
}
