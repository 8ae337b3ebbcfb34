package vn.archive.cli;

import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.solr.SolrClients;
import vn.archive.solr.SolrSetup;
import vn.archive.solr.SolrTarget;

import java.util.concurrent.Callable;

/**
 * {@code solr-setup --solr HOST:PORT/collection --shards N --replicas R}: uploads the archive's configset
 * (index-config/solr, inside the jar) to a SolrCloud and creates the collection. Each node must already load the
 * analysis plugin (target/solr/lib in its solr.xml sharedLib; README, "SolrCloud").
 */
@Command(name = "solr-setup", mixinStandardHelpOptions = true,
        description = {"Tải cấu hình chỉ mục lên SolrCloud và tạo bộ sưu tập cho kho.",
                "Uploads the archive's configset to a SolrCloud and creates the collection."})
public final class SolrSetupCommand implements Callable<Integer> {
    @Option(names = "--solr", paramLabel = "HOST:PORT[,HOST:PORT…]/COLLECTION", required = true,
            description = "Nút Solr và tên bộ sưu tập / Solr node(s) and collection name, e.g. 127.0.0.1:8983/archive.")
    String solr;

    @Option(names = "--shards", paramLabel = "N", description = "Số phân mảnh / number of shards (default: 2).")
    int shards = 2;

    @Option(names = "--replicas", paramLabel = "R", description = "Số bản sao mỗi phân mảnh / replicas per shard "
            + "(default: 2).")
    int replicas = 2;

    @Option(names = "--configset", paramLabel = "NAME", description = "Tên cấu hình trong Solr / configset name in "
            + "Solr (default: directive-archive).")
    String configName = "directive-archive";

    @Override
    public Integer call() throws Exception {
        if (shards < 1 || replicas < 1) {
            System.err.println("--shards và --replicas phải từ 1 trở lên / --shards and --replicas must be at least 1");
            return 2;
        }
        SolrTarget target;
        try {
            target = SolrTarget.parse(solr);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (SolrClient node = SolrClients.node(target.nodeUrls().get(0))) {
            SolrSetup.create(node, configName, target.collection(), shards, replicas);
        }
        System.out.println("Đã tạo bộ sưu tập " + target.collection() + " (" + shards + " phân mảnh × " + replicas
                + " bản sao) / Created collection " + target.collection() + " (" + shards + " shards × " + replicas
                + " replicas) on " + target.nodeUrls().get(0));
        return 0;
    }
}
