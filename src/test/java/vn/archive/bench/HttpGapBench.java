package vn.archive.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import vn.archive.config.Json;
import vn.archive.graph.ClearedReferenceGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.Clearance;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.storage.ContentStore;
import vn.archive.web.WebServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the gap between section 2's in-process and HTTP figures goes, on an archive an earlier {@code bench/run}
 * built: for each query class, interleaved in the same rounds, (a) the in-process call as {@code BenchMain} measures
 * it, (b) the same for an anonymous reader (the clearance-restricted service, the cleared tree) written as JSON by the
 * API's mapper to a discarding stream, which is the work the server must do beyond (a), and (c) the request over
 * HTTP. (c) − (b) is what Javalin, Jetty, the loopback and the {@code java.net.http} client add. Not part of
 * {@code mvn verify}: {@code java -cp "$CP" vn.archive.bench.HttpGapBench ARCHIVE_DIR CORPUS_DIR [ROUNDS]
 * [snapshot|perquery] [CLASS]} (with {@code snapshot}, the trees of the test oracle {@code LuceneReferenceGraph}, as
 * {@code BenchMain} asks them; otherwise the portal's per-query graph; {@code CLASS}: only the query classes whose
 * name starts so). (d) is (c) by {@link BlockingGet}, as {@code BenchMain} asks since; (c) − (d) is what the
 * asynchronous {@code java.net.http} client adds.
 */
public final class HttpGapBench {
    private HttpGapBench() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]);
        GeneratedCorpus corpus = GeneratedCorpus.open(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        boolean snapshot = args.length > 3 && args[3].equals("snapshot");
        Map<String, List<QuerySet.Query>> queries = QuerySet.build(corpus, 100, 1);
        if (args.length > 4) {
            queries.keySet().removeIf(cls -> !cls.startsWith(args[4]));
        }
        try (LuceneIndex index = LuceneIndex.open(archive.resolve("index"))) {
            SearchService search = new LuceneSearchService(index);
            SearchService reader = search.restrictedTo(Clearance.NONE);
            ReferenceGraph graph = snapshot ? new LuceneReferenceGraph(index, Dictionaries.builtIn())
                    : SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            ReferenceGraph cleared = new ClearedReferenceGraph(graph, reader);
            Javalin app = WebServer.create(search, new ContentStore(archive), graph, null, null).start("127.0.0.1", 0);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + app.port();
            try {
                for (var e : queries.entrySet()) {
                    String cls = e.getKey();
                    List<QuerySet.Query> qs = e.getValue();
                    boolean tree = cls.equals(QuerySet.TREE);
                    Latency.Request bench = i -> {
                        QuerySet.Query q = Latency.pick(qs, i);
                        if (tree) {
                            graph.implementations(q.text(), ReferenceGraph.DEFAULT_TREE_NODES).orElseThrow();
                        } else {
                            search.search(request(q));
                        }
                    };
                    Latency.Request served = i -> {
                        QuerySet.Query q = Latency.pick(qs, i);
                        Object answer = tree ? cleared.implementations(q.text(), ReferenceGraph.DEFAULT_TREE_NODES)
                                .orElseThrow() : reader.search(request(q));
                        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(OutputStream.nullOutputStream())) {
                            Json.MAPPER.writeValue(g, answer);
                        }
                    };
                    Latency.Request web = i -> get(http, base + Latency.pick(qs, i).url());
                    Latency.Request plain = i -> BlockingGet.get(base + Latency.pick(qs, i).url());
                    Latency.measure(1, qs.size() * 2, 0, bench, served, web, plain); // warm-up
                    for (int clients : new int[] {1, 8}) {
                        Latency.Result[] r = Latency.measure(clients, rounds * (clients == 1 ? 1 : 2), 0, bench,
                                served, web, plain);
                        System.out.printf(Locale.ROOT, "%-42s %d clients: in-process %s | reader + JSON %s | HTTP %s"
                                + " | HTTP (HttpURLConnection) %s | HTTP÷in p99 %.2f×, %.2f×%n", cls, clients,
                                r[0].ms(), r[1].ms(), r[2].ms(), r[3].ms(), r[2].p99() / r[0].p99(),
                                r[3].p99() / r[0].p99());
                    }
                }
            } finally {
                app.stop();
            }
        }
    }

    private static SearchRequest request(QuerySet.Query q) {
        return new SearchRequest(q.text(), q.filters(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20);
    }

    private static void get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode());
        }
    }
}
