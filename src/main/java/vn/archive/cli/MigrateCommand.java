package vn.archive.cli;

import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.LuceneIndex;
import vn.archive.solr.Migration;
import vn.archive.solr.SolrArchiveIndex;
import vn.archive.solr.SolrClients;
import vn.archive.solr.SolrSetup;
import vn.archive.solr.SolrTarget;
import vn.archive.storage.ContentStore;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code migrate --data DIR (--to-solr TARGET | --from-solr TARGET | both) [--alias NAME]}: moves an archive's index
 * between the embedded Lucene index (DIR/index) and a SolrCloud collection, or from one collection to another (a
 * reindex after an analyzer change, the alias then moved). The documents are copied as stored (metadata JSON with
 * the corrections applied, and extracted text; no re-extraction), the corrections log of DIR is replayed on the
 * target as every opening of an archive does, and the target's count must equal the documents read. The source is
 * left as it was; originals, corrections, accounts and the audit log stay in DIR, which both backends share.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Chuyển chỉ mục giữa chỉ mục nhúng và SolrCloud, hoặc sang bộ sưu tập mới.",
                "Moves the archive's index from DIR/index into an empty SolrCloud",
                "collection (--to-solr), back into an empty DIR/index (--from-solr), or",
                "from one collection into another (both; --alias NAME then moves that",
                "alias to the new one). Documents are copied as stored (metadata with",
                "corrections, and texts; nothing is extracted again), the corrections",
                "log is replayed, and documents in = documents out is checked. The",
                "source is left unchanged."})
public final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
    Path data = AppConfig.DEFAULT_DATA;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries (default: ./index-config; built-in copies otherwise).")
    Path config;

    @Option(names = "--to-solr", paramLabel = ArchiveOptions.SOLR_LABEL,
            converter = ArchiveOptions.SolrTargetConverter.class,
            description = "Vào bộ sưu tập trống này / into this empty collection (from DIR/index, or --from-solr).")
    SolrTarget toSolr;

    @Option(names = "--from-solr", paramLabel = ArchiveOptions.SOLR_LABEL,
            converter = ArchiveOptions.SolrTargetConverter.class,
            description = "Từ bộ sưu tập này / from this collection (into an empty DIR/index, or --to-solr).")
    SolrTarget fromSolr;

    @Option(names = "--alias", paramLabel = "NAME",
            description = "Sau khi khớp số lượng, trỏ bí danh này sang bộ sưu tập đích / once the counts match, point "
                    + "this Solr alias at the --to-solr collection (CREATEALIAS).")
    String alias;

    @Override
    public Integer call() throws IOException {
        if (toSolr == null && fromSolr == null || alias != null && toSolr == null) {
            System.err.println("Cần --to-solr và/hoặc --from-solr; --alias cần --to-solr (give --to-solr, --from-solr "
                    + "or both; --alias needs --to-solr)");
            return 2;
        }
        if (fromSolr == null) {
            return toSolr(data, config, toSolr);
        }
        if (toSolr == null) {
            return move(data, config, kinds -> SolrArchiveIndex.open(fromSolr, kinds), null, "serve --data " + data);
        }
        int code = move(data, config, kinds -> SolrArchiveIndex.open(fromSolr, kinds), toSolr,
                "serve --solr …/" + (alias == null ? toSolr.collection() : alias) + " --data " + data);
        if (code == 0 && alias != null) {
            try (SolrClient node = SolrClients.node(toSolr.nodeUrls().get(0))) {
                SolrSetup.alias(node, alias, toSolr.collection());
            }
            System.out.println("Bí danh " + alias + " nay trỏ tới " + toSolr.collection() + " (alias " + alias
                    + " now names " + toSolr.collection() + "; " + fromSolr.collection() + " is unchanged)");
        }
        return code;
    }

    /** DIR/index into the collection; also the second half of {@code restore --solr}. */
    static int toSolr(Path data, Path config, SolrTarget target) throws IOException {
        Path indexDir = data.resolve("index");
        if (!Files.isDirectory(indexDir)) {
            System.err.println("Không có chỉ mục nhúng " + indexDir + " (no embedded index: check --data)");
            return 1;
        }
        return move(data, config, kinds -> LuceneIndex.open(indexDir, kinds), target,
                "serve --solr …/" + target.collection() + " --data " + data);
    }

    /** Opens the source index of a move. */
    private interface Source {
        ArchiveIndex open(KindNames kinds) throws IOException;
    }

    /**
     * Copies the source into the collection {@code target} (or, when null, into an empty DIR/index), then opens the
     * archive on the target, which replays the corrections log, and checks the count.
     */
    private static int move(Path data, Path config, Source source, SolrTarget target, String next) throws IOException {
        KindNames kinds = KindNames.load(config);
        String where = target == null ? data.resolve("index").toString() : "SolrCloud " + target;
        Migration.Report report;
        try (ArchiveIndex from = source.open(kinds)) {
            long documents = from.count(); // an unreachable source is found out before anything is made
            Files.createDirectories(data);
            try (ArchiveIndex to = target == null ? LuceneIndex.open(data.resolve("index"), kinds)
                    : SolrArchiveIndex.open(target, kinds)) {
                System.out.println("Đang chuyển " + documents + " văn bản vào " + where + " (migrating)");
                report = Migration.copy(from, to, new ContentStore(data));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("Không chuyển được chỉ mục vào " + where + ": " + e.getMessage() + "; nguồn giữ nguyên"
                    + " (could not migrate; the source is unchanged)");
            return 2;
        }
        AppConfig app = new AppConfig(data, config, AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        try (Archive archive = target == null ? Archive.open(app) : Archive.onSolr(app, target)) {
            return finish(report, archive, next);
        }
    }

    /** After the corrections log was replayed by opening the archive on the target: the count check and report. */
    private static int finish(Migration.Report report, Archive archive, String next) throws IOException {
        long after = archive.documentCount();
        System.out.println(report.summary());
        System.out.println("Sau khi áp lại nhật ký hiệu đính: " + after + " văn bản (after replaying the corrections "
                + "log: " + after + " documents)");
        if (!report.complete() || after != report.read()) {
            System.err.println("Số văn bản không khớp: nguồn giữ nguyên, hãy kiểm tra rồi chạy lại vào chỉ mục trống "
                    + "(counts differ: the source is unchanged; check and migrate again into an empty index)");
            return 1;
        }
        System.out.println("Xong; nguồn giữ nguyên. Chạy: " + next + " (done; the source is unchanged)");
        return 0;
    }
}
