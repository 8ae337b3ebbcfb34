package vn.archive.bench;

import io.javalin.Javalin;
import vn.archive.search.FacetCountBaselines;
import org.apache.lucene.util.Version;
import vn.archive.generate.CorpusGenerator;
import vn.archive.generate.GeneratorData;
import vn.archive.generate.TextModel;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.storage.ContentStore;
import vn.archive.meta.Dictionaries;
import vn.archive.search.FacetDimensions;
import vn.archive.search.LuceneSearchService;
import vn.archive.graph.ClearedReferenceGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.model.Clearance;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.solr.SolrClients;
import vn.archive.solr.SolrGraphLookups;
import vn.archive.solr.SolrCluster;
import vn.archive.solr.SolrSearchService;
import vn.archive.solr.SolrSetup;
import vn.archive.solr.SolrTarget;
import vn.archive.web.WebServer;
import org.apache.solr.client.solrj.SolrClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The macro benchmark: generates a corpus, then measures ingest, query latency (in-process and over HTTP), facets,
 * a PostgreSQL peer and footprint, each against a baseline measured in the same run, and writes bench/RESULTS.md
 * (at 1,000,000 documents) or bench/RESULTS-{N}.md (any other size, such as the default 50,000: bench/RESULTS-50000.md),
 * unless --results names the file. Run with {@code bench/run [--docs N]}.
 */
public final class BenchMain {
    private static final int[] CLIENTS = {1, 8};

    private int docs = 50_000;
    private long seed = 1;
    private int threads = 2;
    private int requests = 200;
    /** Wall seconds PostgreSQL may take per class and client count (and per class in the warm-up). */
    private int peerBudget = 30;
    private boolean postgres = true;
    /** Also a local SolrCloud (2 nodes, 2 shards × 2 replicas): ingest through SolrJ and the same query classes. */
    private boolean solr;
    private Path work = Path.of("bench/work");
    /** Where the report goes: bench/RESULTS.md for the 1M run, else bench/RESULTS-{docs}.md (null: by size). */
    private Path results;
    /** Classes of an earlier build (e.g. the extractor before an optimisation), ingested as a third path. */
    private Path beforeClasses;
    private String beforeLabel = "before";
    /** Wall time of each phase, in seconds, in run order. */
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private final List<String> notes = new ArrayList<>();

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchMain b = new BenchMain();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--docs" -> b.docs = Integer.parseInt(args[++i]);
                case "--seed" -> b.seed = Long.parseLong(args[++i]);
                case "--threads" -> b.threads = Integer.parseInt(args[++i]);
                case "--requests" -> b.requests = Integer.parseInt(args[++i]);
                case "--no-postgres" -> b.postgres = false;
                case "--solr" -> b.solr = true;
                case "--peer-budget" -> b.peerBudget = Integer.parseInt(args[++i]);
                case "--work" -> b.work = Path.of(args[++i]);
                case "--results" -> b.results = Path.of(args[++i]);
                case "--before-classes" -> b.beforeClasses = Path.of(args[++i]);
                case "--before-label" -> b.beforeLabel = args[++i];
                case "--serve-only" -> b.serveOnly = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option [" + args[i]
                        + "], expected --docs N, --seed S, --threads T, --requests R, --no-postgres, --solr, --peer-budget SECONDS,"
                        + " --work DIR,"
                        + " --results FILE, --before-classes DIR, --before-label TEXT, --serve-only ARCHIVE");
            }
        }
        if (b.results == null) {
            b.results = Path.of(b.docs == 1_000_000 ? "bench/RESULTS.md" : "bench/RESULTS-" + b.docs + ".md");
        }
        if (b.serveOnly != null) {
            b.serveOnly();
        } else {
            b.run();
        }
    }

    /** Where {@code --serve-only} measures: an archive built by an earlier run, served as section 5 serves it. */
    private Path serveOnly;

    /**
     * Section 5 alone on an existing archive (for comparing two builds of the server: with {@code --before-classes},
     * the server runs an earlier commit's classes, ahead on its classpath): cold start, heap and the mixed load, with
     * the mixed load's p50 / p99 per query class printed, writing no results file.
     */
    private void serveOnly() throws Exception {
        Path corpusDir = work.resolve("corpus-" + docs + "-" + seed);
        if (!Files.exists(corpusDir.resolve("manifest.tsv"))) {
            delete(corpusDir);
            log("generating %d documents (seed %d) into %s", docs, seed, corpusDir);
            new CorpusGenerator(GeneratorData.load(Path.of("index-config")), TextModel.learn(Path.of("corpus")),
                    Dictionaries.builtIn()).generate(docs, seed, corpusDir);
        }
        Map<String, List<QuerySet.Query>> queries = QuerySet.build(GeneratedCorpus.open(corpusDir), 100, seed);
        byClass = new java.util.concurrent.ConcurrentHashMap<>();
        Serve serve = serve(serveOnly, queries, "1g");
        log("serve-only %s: first answer %.2f s (%.2f s without the AOT cache), heap after GC max %d MB, mixed p50 / p99"
                + " %s ms%s", serveOnly, serve.coldStartSeconds(), serve.uncachedStartSeconds(), serve.heapMb(), serve.mixed() == null ? "-" : serve.mixed().ms(),
                serve.failure() == null ? "" : ", " + serve.failure());
        List<Double> all = new ArrayList<>();
        for (var e : byClass.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            log("  %-45s %4d requests, p50 %8.2f ms, p99 %8.2f ms, max %8.2f ms, over 1 s %3d, time %7.1f s", e.getKey(),
                    ms.length, ms[ms.length / 2], ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)],
                    ms[ms.length - 1], java.util.Arrays.stream(ms).filter(t -> t > 1000).count(),
                    java.util.Arrays.stream(ms).sum() / 1000);
            all.addAll(e.getValue());
        }
        // a p99 over a cold server's 800 requests at 8 clients is the 9th slowest: 8 requests blocked at once (one
        // per client) do not move it, however long they wait; what was waited in all is told by the sum
        log("  all: %d requests over 1 s, %.1f s waited in all (mean %.1f ms)", all.stream().filter(t -> t > 1000).count(),
                all.stream().mapToDouble(Double::doubleValue).sum() / 1000,
                all.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    /** The mixed load's times by query class, when {@code --serve-only} asks for them. */
    private Map<String, List<Double>> byClass;

    private void log(String fmt, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + fmt + "%n", prepend(Instant.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = java.util.Date.from((Instant) first);
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private String loadAtStart;
    private Instant startedAt;
    private long phaseStart = System.nanoTime();

    /** Ends the current phase under this name and starts the next. */
    private void phase(String name) {
        long now = System.nanoTime();
        phases.merge(name, (now - phaseStart) / 1e9, Double::sum);
        phaseStart = now;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        loadAtStart = load();
        startedAt = Instant.now();
        Path corpusDir = work.resolve("corpus-" + docs + "-" + seed);
        Path archiveDir = work.resolve("archive-" + docs + "-" + seed);
        Path bareDir = work.resolve("bare-" + docs + "-" + seed);
        delete(archiveDir);
        delete(bareDir);

        // 0. corpus
        double genSeconds = 0;
        if (!Files.exists(corpusDir.resolve("manifest.tsv"))) {
            delete(corpusDir);
            log("generating %d documents (seed %d) into %s", docs, seed, corpusDir);
            long t0 = System.nanoTime();
            new CorpusGenerator(GeneratorData.load(Path.of("index-config")), TextModel.learn(Path.of("corpus")),
                    Dictionaries.builtIn()).generate(docs, seed, corpusDir);
            genSeconds = (System.nanoTime() - t0) / 1e9;
        }
        GeneratedCorpus corpus = GeneratedCorpus.open(corpusDir);
        phase("corpus generation");
        long textBytes = 0;
        for (GeneratedCorpus.Row r : corpus.rows) {
            textBytes += Files.size(corpusDir.resolve(r.file()));
        }

        // 1. ingest: bare Lucene, then the archive's path, each in its own JVM with a 1 GiB heap
        log("ingest: bare IndexWriter loop");
        IngestResult bare = ingest("bare", corpusDir, bareDir, null);
        log("ingest: bare %.0f docs/s", bare.docsPerSecond());
        phase("ingest, bare Lucene");
        IngestResult before = null;
        if (beforeClasses != null) {
            Path beforeDir = work.resolve("before-" + docs + "-" + seed);
            delete(beforeDir);
            log("ingest: archive path with the classes in %s (%s)", beforeClasses, beforeLabel);
            before = ingest("archive", corpusDir, beforeDir, beforeClasses);
            log("ingest: archive (%s) %.0f docs/s", beforeLabel, before.docsPerSecond());
            delete(beforeDir);
            phase(beforePhase());
        }
        log("ingest: archive path");
        IngestResult archive = ingest("archive", corpusDir, archiveDir, null);
        log("ingest: archive %.0f docs/s", archive.docsPerSecond());
        phase("ingest, archive");
        long indexBytes = size(archiveDir.resolve("index"));
        long bareBytes = size(bareDir.resolve("index"));
        delete(bareDir);

        // 6 (load). SolrCloud: ZooKeeper and 2 Solr nodes in their own JVMs, 2 shards x 2 replicas, loaded by SolrJ
        SolrCluster cluster = null;
        if (solr) {
            Path clusterDir = work.resolve("solr-" + docs + "-" + seed);
            delete(clusterDir);
            log("SolrCloud: starting ZooKeeper and 2 Solr nodes");
            cluster = SolrCluster.launch(clusterDir, 2).awaitReady();
            try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
                SolrSetup.create(node, "directive-archive", SOLR_COLLECTION, 2, 2);
            }
            phase("SolrCloud start and collection");
            SolrTarget target = cluster.target(SOLR_COLLECTION);
            log("ingest: archive path into SolrCloud through SolrJ");
            solrIngest = ingest("solr", corpusDir, work.resolve("solr-client-" + docs + "-" + seed), null,
                    String.join(",", target.nodeUrls()) + "/" + target.collection());
            log("ingest: SolrCloud %.0f docs/s", solrIngest.docsPerSecond());
            solrBytes = 0;
            for (int i = 0; i < cluster.nodes().size(); i++) {
                solrBytes += size(clusterDir.resolve("node" + i)); // SolrCluster's node homes: every replica's index
            }
            phase("ingest, SolrCloud (SolrJ)");
        }

        // 4 (load). PostgreSQL: a private cluster loaded with the same documents, queried interleaved below
        Optional<Path> pgBin = postgres ? PostgresPeer.binaries() : Optional.empty();
        double pgIngest = -1;
        long pgBytes = -1;
        String pgVersion = null;
        PostgresPeer peer = null;
        if (pgBin.isPresent()) {
            log("PostgreSQL: starting a private cluster from %s", pgBin.get());
            peer = PostgresPeer.start(pgBin.get());
            pgVersion = peer.version();
            pgIngest = peer.ingest(corpus);
            pgBytes = peer.bytes();
            log("PostgreSQL: ingest %.1f s", pgIngest);
            phase("PostgreSQL start and ingest");
        } else {
            notes.add(postgres ? "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): peer skipped."
                    : "PostgreSQL peer skipped (--no-postgres).");
        }

        // 2, 3 and 4. latency in-process, over HTTP and in PostgreSQL, interleaved; facets against the query alone
        Map<String, List<QuerySet.Query>> queries = QuerySet.build(corpus, 100, seed);
        Map<String, Map<Integer, Latency.Result[]>> latency = new LinkedHashMap<>();
        Map<String, Map<Integer, Latency.Result>> pg = new LinkedHashMap<>();
        Map<String, Latency.Result[]> facets = new LinkedHashMap<>();
        SolrClient solrClient = cluster == null ? null : SolrClients.cloud(cluster.target(SOLR_COLLECTION));
        SearchService solrSearch = solrClient == null ? null : new SolrSearchService(solrClient, SOLR_COLLECTION);
        // the reference graph on the collection as the portal on SolrCloud asks it: filter queries, a level at a time
        ReferenceGraph solrGraph = solrClient == null ? null : SnapshotReferenceGraph.perQuery(
                new SolrGraphLookups(solrClient, SOLR_COLLECTION), Dictionaries.builtIn());
        try (LuceneIndex index = LuceneIndex.open(archiveDir.resolve("index"))) {
            SearchService search = new LuceneSearchService(index);
            // the archive's own graph (Archive.references()): asked of the index per query on the kept view, which
            // the warm-up fills and which is kept while the index does not change, as here
            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new vn.archive.index.LuceneGraphLookups(index),
                    Dictionaries.builtIn());
            // the work the HTTP side does for its reader (anonymous: clearance NONE) beyond the calls themselves, done
            // in-process too, so the ratio is that of HTTP: the search restricted to what the reader may see, the tree
            // cleared for them (one lookup of which of its nodes they may see)
            SearchService reader = search.restrictedTo(Clearance.NONE);
            ReferenceGraph readerGraph = new ClearedReferenceGraph(graph, reader);
            Javalin app = WebServer.create(search, new ContentStore(archiveDir), graph, null, null)
                    .start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            try {
                // warm the JIT and the caches on every class, every way, before measuring anything; PostgreSQL has
                // no JIT to warm, and one pass fills its buffers (its ranked queries are most of this phase)
                for (int pass = 0; pass < 2; pass++) {
                    for (var e : queries.entrySet()) {
                        long classStart = System.nanoTime();
                        for (QuerySet.Query q : e.getValue()) {
                            inProcess(reader, readerGraph, e.getKey(), q);
                            int nodes = e.getKey().equals(QuerySet.TREE) ? documents(graph.implementations(q.text())
                                    .orElseThrow(() -> new IOException("no tree for [" + q.text() + "]"))) : -1;
                            BlockingGet.get(base + q.url());
                            if (solrGraph != null && pass == 0 && e.getKey().equals(QuerySet.TREE)) {
                                solrTreeChecked++;
                                if (graph.implementations(q.text(), ReferenceGraph.DEFAULT_TREE_NODES).equals(
                                        solrGraph.implementations(q.text(), ReferenceGraph.DEFAULT_TREE_NODES))) {
                                    solrTreeSame++;
                                } else {
                                    log("tree of %s: not the same on SolrCloud as embedded", q.text());
                                }
                            } else if (solrSearch != null && pass == 0) {
                                long embeddedTotal = search.search(request(q)).total();
                                long solrTotal = solrSearch.search(request(q)).total();
                                solrChecked++;
                                if (embeddedTotal == solrTotal) {
                                    solrSame++;
                                } else {
                                    log("%s [%s]: %d hits embedded, %d on SolrCloud", e.getKey(), q.text(),
                                            embeddedTotal, solrTotal);
                                }
                            } else if (solrSearch != null) {
                                inProcess(solrSearch, solrGraph, e.getKey(), q);
                            }
                            // every tree is compared; PostgreSQL's slow classes warm up within the budget
                            boolean peerWarms = e.getKey().equals(QuerySet.TREE)
                                    || System.nanoTime() - classStart < peerBudget * 1e9;
                            if (peer != null && pass == 0 && peerWarms) {
                                int rows = peer.query(e.getKey(), q);
                                if (e.getKey().equals(QuerySet.TREE)) {
                                    treeChecked++;
                                    treeSame += rows == nodes ? 1 : 0;
                                    treeFewer += rows > nodes ? 1 : 0;
                                    if (rows != nodes) {
                                        log("tree of %s: %d documents in the archive, %d rows in PostgreSQL",
                                                q.text(), nodes, rows);
                                        differences = differences == null ? new TreeDifferences(corpus, graph) : differences;
                                        differences.compare(q.text(), peer.treeIds(q.text()),
                                                graph.implementations(q.text()).orElseThrow());
                                    }
                                    treeNodes += nodes;
                                }
                            }
                        }
                    }
                }
                for (var e : queries.entrySet()) {
                    List<QuerySet.Query> qs = e.getValue();
                    String cls = e.getKey();
                    Map<Integer, Latency.Result[]> byClients = new LinkedHashMap<>();
                    Map<Integer, Latency.Result> pgByClients = new LinkedHashMap<>();
                    for (int c : CLIENTS) {
                        int total = requests * (c == 1 ? 1 : 2);
                        Latency.Request in = i -> inProcess(reader, readerGraph, cls, Latency.pick(qs, i));
                        Latency.Request web = i -> BlockingGet.get(base + Latency.pick(qs, i).url());
                        PostgresPeer p = peer;
                        // the ways in rotating order: in-process, HTTP, then PostgreSQL and SolrCloud when measured
                        List<Latency.Request> ways = new ArrayList<>(List.of(in, web));
                        List<Long> budget = new ArrayList<>(List.of(Long.MAX_VALUE, Long.MAX_VALUE));
                        int pgAt = -1;
                        int solrAt = -1;
                        if (p != null) {
                            pgAt = ways.size();
                            ways.add(i -> p.query(cls, Latency.pick(qs, i)));
                            budget.add(peerBudget * 1_000_000_000L);
                        }
                        if (solrSearch != null) {
                            solrAt = ways.size();
                            ways.add(i -> inProcess(solrSearch, solrGraph, cls, Latency.pick(qs, i)));
                            // a tree is a round trip per lookup: held to the peer's budget, as PostgreSQL's walk is
                            budget.add(cls.equals(QuerySet.TREE) ? peerBudget * 1_000_000_000L : Long.MAX_VALUE);
                        }
                        Latency.Result[] r = Latency.measure(c, total, 0,
                                budget.stream().mapToLong(Long::longValue).toArray(),
                                ways.toArray(Latency.Request[]::new));
                        byClients.put(c, new Latency.Result[] {r[0], r[1]});
                        if (pgAt >= 0) {
                            pgByClients.put(c, r[pgAt]);
                        }
                        if (solrAt >= 0) {
                            onSolr.computeIfAbsent(cls, k -> new LinkedHashMap<>()).put(c, r[solrAt]);
                        }
                        log("%s, %d clients: in-process %s ms, HTTP %s ms%s%s", cls, c, r[0].ms(), r[1].ms(),
                                pgAt < 0 ? "" : ", PostgreSQL " + r[pgAt].ms() + " ms (" + r[pgAt].count()
                                        + " requests)", solrAt < 0 ? "" : ", SolrCloud " + r[solrAt].ms() + " ms");
                    }
                    latency.put(cls, byClients);
                    if (peer != null) {
                        pg.put(cls, pgByClients);
                    }
                }
                phase("query latency (in-process, HTTP" + (peer != null ? ", PostgreSQL" : "")
                        + (solrSearch != null ? ", SolrCloud" : "") + ")");
            } finally {
                app.stop();
                if (peer != null) {
                    peer.close();
                }
                if (solrClient != null) {
                    solrClient.close();
                }
                if (cluster != null) {
                    cluster.close();
                }
            }
            // the service's own query (clearance, one rendition per directive), page alone against page and counts
            // (issue 18: the one-pass count, FacetBench), no count kept for the request itself
            for (String cls : List.of(QuerySet.TERM, QuerySet.WORDS, QuerySet.PHRASE)) {
                List<SearchRequest> qs = queries.get(cls).stream().map(BenchMain::request).toList();
                Latency.Result[] r = Latency.measure(1, requests, qs.size(),
                        i -> FacetCountBaselines.answer(search, Latency.pick(qs, i), FacetCountBaselines.Way.ALONE),
                        i -> FacetCountBaselines.answer(search, Latency.pick(qs, i), FacetCountBaselines.Way.AFTER));
                facets.put(cls, r);
                log("facets %s: alone %s ms, with facets %s ms", cls, r[0].ms(), r[1].ms());
            }
            phase("facets");
        }

        // 5. cold start and serving heap of the real `serve` verb on the archive just built
        Serve serve = serve(archiveDir, queries, "1g");
        if (serve.failure() != null) {
            log("serve with a 1 GiB heap failed (%s); measuring again with %s", serve.failure(), LARGER_HEAP);
            Serve larger = serve(archiveDir, queries, LARGER_HEAP);
            serve = new Serve(larger.coldStartSeconds(), larger.uncachedStartSeconds(), larger.heapMb(), larger.mixed(),
                    serve.failure(), LARGER_HEAP);
        }
        phase("serve: cold start and mixed load");

        double total = (System.nanoTime() - started) / 1e9;
        write(corpus, textBytes, genSeconds, bare, before, archive, indexBytes, bareBytes, latency, facets, pgVersion,
                pgIngest, pgBytes, pg, serve, total);

        log("done in %.0f s: %s", total, results);
    }

    /** The collection the --solr run creates on its local cluster. */
    private static final String SOLR_COLLECTION = "bench";
    /** Queries whose total the warm-up compared between the embedded index and SolrCloud, and how many agreed. */
    private int solrChecked;
    private int solrSame;
    /** Trees the warm-up compared between the embedded graph and the one on SolrCloud, and how many were equal. */
    private int solrTreeChecked;
    private int solrTreeSame;
    /** SolrCloud's ingest through SolrJ, its replicas' bytes on disk, and its latency by class and clients. */
    private IngestResult solrIngest;
    private long solrBytes = -1;
    private final Map<String, Map<Integer, Latency.Result>> onSolr = new LinkedHashMap<>();

    /** Trees compared with PostgreSQL's rows, how many had as many rows as archive nodes, and nodes in all. */
    private int treeChecked;
    private int treeSame;
    private long treeNodes;
    /** Trees where the archive found fewer documents than PostgreSQL's walk by the generator's ids. */
    private int treeFewer;
    /** Why those trees differ, when any does (the results file lists them). */
    private TreeDifferences differences;

    /** Answers a query in-process; a tree as the portal answers it by default (at most its first 2,000 nodes). */
    private static void inProcess(SearchService search, ReferenceGraph graph, String cls, QuerySet.Query q)
            throws IOException {
        if (cls.equals(QuerySet.TREE)) {
            graph.implementations(q.text(), ReferenceGraph.DEFAULT_TREE_NODES)
                    .orElseThrow(() -> new IOException("no implementation tree for [" + q.text() + "]"));
            return;
        }
        search.search(request(q));
    }

    private static int documents(ReferenceGraph.ImplementationNode node) {
        int n = node.inArchive() ? 1 : 0;
        for (ReferenceGraph.ImplementationNode c : node.children()) {
            n += documents(c);
        }
        return n;
    }

    private static SearchRequest request(QuerySet.Query q) {
        return new SearchRequest(q.text(), q.filters(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20);
    }

    private static void get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    record IngestResult(int docs, double seconds, long heapMb) {
        double docsPerSecond() {
            return docs / seconds;
        }
    }

    /** Ingest in a child JVM; {@code extra} arguments follow IngestRun's four (the collection, for mode solr). */
    private IngestResult ingest(String mode, Path corpusDir, Path out, Path firstClasses, String... extra)
            throws Exception {
        Files.createDirectories(out);
        Path gc = work.resolve("gc-ingest-" + mode + (firstClasses == null ? "" : "-before") + ".log");
        List<String> args = new ArrayList<>(List.of(mode, corpusDir.toString(), out.toString(),
                Integer.toString(threads)));
        args.addAll(List.of(extra));
        String output = ChildJvm.run(ChildJvm.builder("1g", gc, firstClasses, IngestRun.class.getName(),
                args.toArray(String[]::new)));
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IOException("ingest " + mode + " printed no result:\n" + output));
        String[] p = line.split(" ");
        return new IngestResult(Integer.parseInt(p[1]), Double.parseDouble(p[2]), ChildJvm.maxAfterGcMb(gc));
    }

    /**
     * What {@code serve} measured: with {@code heap} as its limit, after {@code failure} (or null) with 1 GiB.
     */
    record Serve(double coldStartSeconds, double uncachedStartSeconds, long heapMb, Latency.Result mixed,
                 String failure, String heap) {
    }

    /** The heap a second {@code serve} gets when it could not serve with 1 GiB, to measure what it needs. */
    private static final String LARGER_HEAP = "6g";

    private Serve serve(Path archiveDir, Map<String, List<QuerySet.Query>> queries, String heap) throws Exception {
        Path gc = work.resolve("gc-serve-" + heap + ".log");
        // --serve-only with --before-classes: the server of an earlier commit, on the archive it built
        String cp = ServeStartCache.jarsOnly(work.resolve("serve-classpath"), serveOnly == null ? null : beforeClasses);
        List<String> cache = List.of();
        double uncached = -1;
        if (ServeStartCache.available()) {
            // a restart as the Quick start makes it: the jar's launcher keeps an AOT cache of the first serve's start;
            // the same JVM feature records one start here (one query of each class answered), then the measured
            // start uses the cache; a start without it is measured too
            Path aot = work.resolve("serve-" + heap + ".aot");
            Files.deleteIfExists(aot);
            startAndStop(archiveDir, heap, gc, cp, List.of("-XX:AOTCacheOutput=" + aot, ServeStartCache.QUIET), queries);
            uncached = startAndStop(archiveDir, heap, gc, cp, List.of(), null);
            if (Files.exists(aot)) {
                cache = List.of("-XX:AOTCache=" + aot, ServeStartCache.QUIET);
            } else {
                log("serve: the recording start made no AOT cache; measuring without one");
            }
            log("serve: first answer without the AOT cache after %.2f s", uncached);
        }
        Started started = start(archiveDir, heap, gc, cp, cache, "serve-" + heap + ".log");
        Process p = started.process();
        HttpClient http = started.http();
        String base = started.base();
        try {
            double cold = started.firstAnswer();
            log("serve: first answer after %.2f s", cold);
            List<QuerySet.Query> mixed = new ArrayList<>();
            Map<QuerySet.Query, String> classOf = new java.util.IdentityHashMap<>();
            queries.forEach((cls, qs) -> qs.forEach(q -> classOf.put(q, cls)));
            queries.values().forEach(mixed::addAll);
            try {
                Latency.Result r = Latency.measure(8, requests * 4, 0, i -> {
                    QuerySet.Query q = Latency.pick(mixed, i * 7);
                    long s = System.nanoTime();
                    get(http, base + q.url());
                    if (byClass != null) {
                        byClass.computeIfAbsent(classOf.get(q), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add((System.nanoTime() - s) / 1e6);
                    }
                })[0];
                return new Serve(cold, uncached, ChildJvm.maxAfterGcMb(gc), r, null, heap);
            } catch (IOException e) {
                if (p.isAlive()) {
                    throw e;
                }
                // the child exits on OutOfMemoryError (ChildJvm): record it, the caller measures with more heap
                return new Serve(cold, uncached, ChildJvm.maxAfterGcMb(gc), null, "the process ran out of memory and exited"
                        + " (exit code " + p.waitFor() + ", see " + work.resolve("serve-" + heap + ".log") + ")", heap);
            }
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Seconds from {@code t0} to the server's first answer of a search (polled every 20 ms), or -1 if none in 120 s. */
    private static double firstAnswer(Process p, HttpClient http, String base, long t0) throws InterruptedException {
        while (System.nanoTime() - t0 < 120e9 && p.isAlive()) {
            try {
                get(http, base + "/api/search?q=dan+van");
                return (System.nanoTime() - t0) / 1e9;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return -1;
    }

    /** A started server: its process, a client, its address and the seconds to its first answer (-1: none). */
    private record Started(Process process, HttpClient http, String base, double firstAnswer) { }

    /** Starts {@code serve} on the archive with these JVM options and waits for its first answer. */
    private Started start(Path archiveDir, String heap, Path gc, String cp, List<String> jvmOptions, String logName)
            throws IOException, InterruptedException {
        Files.deleteIfExists(gc);
        int port = freePort();
        ProcessBuilder pb = ChildJvm.builder(heap, gc, cp, jvmOptions, "vn.archive.App", "serve",
                "--data", archiveDir.toString(), "--port", Integer.toString(port));
        pb.redirectOutput(work.resolve(logName).toFile());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String base = "http://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            return new Started(p, http, base, firstAnswer(p, http, base, t0));
        } catch (InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * A start of {@code serve} with these JVM options, to its first answer; then the first query of each class
     * when {@code train} is given (what a recording start should see), and a stop that waits for the JVM's exit (a
     * recording JVM makes its AOT cache then). Returns the seconds to the first answer.
     */
    private double startAndStop(Path archiveDir, String heap, Path gc, String cp, List<String> jvmOptions,
                                Map<String, List<QuerySet.Query>> train) throws Exception {
        Started started = start(archiveDir, heap, gc, cp, jvmOptions, "serve-" + heap + "-start.log");
        Process p = started.process();
        try {
            double first = started.firstAnswer();
            HttpClient http = started.http();
            String base = started.base();
            if (train != null && first >= 0) {
                for (List<QuerySet.Query> qs : train.values()) {
                    get(http, base + qs.getFirst().url());
                }
            }
            return first;
        } finally {
            p.destroy();
            if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    // ---------------------------------------------------------------- report

    private void write(GeneratedCorpus corpus, long textBytes, double genSeconds, IngestResult bare, IngestResult before,
                       IngestResult archive, long indexBytes, long bareBytes,
                       Map<String, Map<Integer, Latency.Result[]>> latency, Map<String, Latency.Result[]> facets,
                       String pgVersion, double pgIngest, long pgBytes, Map<String, Map<Integer, Latency.Result>> pg,
                       Serve serve, double totalSeconds) throws IOException {
        int n = corpus.rows.size();
        String loadAtEnd = load();
        StringBuilder r = report;
        r.append("# Benchmark results\n\n");
        r.append("Written by `bench/run --docs ").append(docs).append(" --seed ").append(seed)
                .append(requests == 200 ? "" : " --requests " + requests)
                .append(postgres ? "" : " --no-postgres").append(solr ? " --solr" : "")
                .append(beforeClasses == null ? "" : " --before-classes … --before-label '" + beforeLabel + "'")
                .append("` (the macro harness `vn.archive.bench.BenchMain`). Every figure below is measured by this run and")
                .append(" set against a baseline measured in the same run; ratios are what to compare across machines.")
                .append(" All prose down to \"Notes by hand\" is generated from the figures.\n\n");
        r.append("| | |\n|---|---|\n");
        r.append("| date | ").append(startedAt.toString(), 0, 16).append(" UTC |\n");
        r.append("| machine | ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(memory()).append(" RAM, shared with other engineers' builds |\n");
        r.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(" |\n");
        r.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
                .append(", G1, child JVMs with `-Xmx1g` |\n");
        r.append("| Lucene | ").append(Version.LATEST).append(" |\n");
        if (solr) {
            r.append("| SolrCloud | 9.10.1 (Lucene 9.12.3), 2 nodes, 2 shards × 2 replicas, SolrJ 10 client (section 6) |\n");
        }
        r.append("| PostgreSQL | ").append(pgVersion == null ? "not measured" : pgVersion).append(" |\n");
        r.append(String.format(Locale.ROOT, "| corpus | %,d generated documents (seed %d), %.0f MB of UTF-8 text, %.1f KB per document%s |\n",
                n, seed, textBytes / 1e6, textBytes / 1e3 / n,
                genSeconds > 0 ? String.format(Locale.ROOT, ", generated in %.0f s", genSeconds) : " (generated by an earlier run)"));
        double extra = phases.getOrDefault(beforePhase(), 0.0);
        double plain = totalSeconds - extra;
        r.append(String.format(Locale.ROOT, "| whole run | %.0f s (%.1f min)%s: %s |\n", totalSeconds, totalSeconds / 60,
                extra > 0 ? String.format(Locale.ROOT, "; %.0f s (%.1f min) without the extra ingest of the earlier"
                        + " build, which plain `bench/run` does not make", plain, plain / 60) : "",
                plain < 600 ? "under the 10-minute target" : "over the 10-minute target"));
        r.append("| load average (1 min) at start → end | ").append(loadAtStart).append(" → ").append(loadAtEnd)
                .append(" (2 cores: above 2, other work competed for the CPU, so absolute times are slower than on an idle")
                .append(" machine; the ratios compare ways measured under the same load) |\n\n");

        r.append("## 1. Ingest of pre-extracted text\n\n");
        r.append("One reader thread feeds texts from disk (page cache) to ").append(threads)
                .append(" indexing threads in a child JVM with a 1 GiB heap. **Archive**: the full `MetadataExtractor`")
                .append(" on every text (header, issuer resolution, signer and addressees, body marks, references), then")
                .append(" the generator's ground truth laid over issuer, level, sector, signer and references (so facets and")
                .append(" `cites:` hold the generated plan whatever the extractor reads), `DocumentMapper`,")
                .append(" `LuceneIndex.upsert` (update by id), facets, stored JSON, final commit. **Bare**:")
                .append(" `IndexWriter.addDocument` of the same four analysed text fields (body stored with offsets, exact")
                .append(" body, title, exact title) with the same per-field analyzer and RAM buffer, no facets, no JSON, no")
                .append(" extraction.");
        if (before != null) {
            r.append(" **Archive (").append(beforeLabel).append(")**: the archive path with the classes of that build")
                    .append(" ahead on the classpath, run between the two others.");
        }
        r.append(" The paths run one after the other, so their ratio carries whatever the load did in between.\n\n");
        r.append("| path | docs/s | MB/s | seconds | heap after GC, max | index size |\n|---|---:|---:|---:|---:|---:|\n");
        List<Map.Entry<String, IngestResult>> paths = new ArrayList<>();
        paths.add(Map.entry("bare Lucene (baseline)", bare));
        if (before != null) {
            paths.add(Map.entry("archive (" + beforeLabel + ")", before));
        }
        paths.add(Map.entry("archive", archive));
        for (var e : paths) {
            IngestResult x = e.getValue();
            String size = x == bare ? String.format(Locale.ROOT, "%.0f MB", bareBytes / 1e6)
                    : x == archive ? String.format(Locale.ROOT, "%.0f MB", indexBytes / 1e6) : "–";
            r.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %d MB | %s |\n", e.getKey(),
                    x.docsPerSecond(), textBytes / 1e6 / x.seconds(), x.seconds(), x.heapMb(), size));
        }
        double ingestRatio = archive.docsPerSecond() / bare.docsPerSecond();
        r.append(String.format(Locale.ROOT, "\n**Ratio archive / bare: %.2f×** (target ≥ 0.8×: %s).", ingestRatio,
                ingestRatio >= 0.8 ? "met" : "not met"));
        if (before != null) {
            r.append(String.format(Locale.ROOT, " Archive (%s) / bare: %.2f×; archive now / archive (%s): %.2f× the docs/s.",
                    beforeLabel, before.docsPerSecond() / bare.docsPerSecond(), beforeLabel,
                    archive.docsPerSecond() / before.docsPerSecond()));
        }
        r.append("\n\n");

        r.append("## 2. Query latency, in-process against HTTP\n\n");
        r.append("p50 / p99 in milliseconds over ").append(requests).append(" requests at 1 client and ")
                .append(requests * 2).append(" at 8 clients, after two warm-up passes over every class's 100 queries.")
                .append(" Each client runs a query in-process, over HTTP (and in PostgreSQL, section 4) in turn, in")
                .append(" rotating order, so that all ways share the same load on this shared machine.")
                .append(" In-process: `SearchService.search` as the HTTP side's anonymous reader sees it")
                .append(" (`restrictedTo(Clearance.NONE)`; query, all six facets, snippets, page of 20). HTTP:")
                .append(" `GET /api/search` on a Javalin server started on 127.0.0.1 in the same JVM over the same index,")
                .append(" with JSON serialisation, asked by a blocking `HttpURLConnection` kept alive (the asynchronous")
                .append(" `java.net.http` client of earlier runs added its own thread hand-offs: `HttpGapBench` measures")
                .append(" both). `LuceneSearchService` keeps the total and")
                .append(" facet counts of its last 1,024 queries per index reader; every class repeats its 100 queries, so")
                .append(" these figures are for repeated queries (counts reused; query, page of hits and snippets computed")
                .append(" every time). Section 3 measures counting itself, uncached. ").append(QuerySet.TREE)
                .append(": in-process `ReferenceGraph.implementations(number, 2000)`, cleared for that reader")
                .append(" (`ClearedReferenceGraph`), of the portal's graph (`SnapshotReferenceGraph.perQuery`: the")
                .append(" tree cut to its first 2,000 nodes breadth first, as the portal answers by default; asked of")
                .append(" the index on the kept view, which the warm-up fills and the unchanged index keeps), HTTP")
                .append(" `GET /api/references/{number}/implementations`")
                .append(" (the same cut tree, cleared for the reader as in-process: one lookup of which nodes they may")
                .append(" see; then written as JSON),")
                .append(" for numbers of generated documents that others implement.")
                .append(" Target: HTTP ≤ 1.2× in-process or ≤ +1 ms.\n\n");
        r.append("| class | clients | in-process p50 / p99 | HTTP p50 / p99 | HTTP ÷ in-process p99 | target |\n|---|---:|---:|---:|---:|---|\n");
        int httpRows = 0;
        List<String> httpMissed = new ArrayList<>();
        for (var e : latency.entrySet()) {
            for (var c : e.getValue().entrySet()) {
                Latency.Result in = c.getValue()[0];
                Latency.Result web = c.getValue()[1];
                boolean met = web.p99() <= in.p99() * 1.2 || web.p99() - in.p99() <= 1.0;
                httpRows++;
                if (!met) {
                    httpMissed.add(e.getKey() + " at " + c.getKey());
                }
                r.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f× (%+.2f ms) | %s |\n", e.getKey(), c.getKey(),
                        in.ms(), web.ms(), web.p99() / in.p99(), web.p99() - in.p99(), met ? "met" : "not met"));
            }
        }
        r.append('\n');

        r.append("## 3. Facets\n\n");
        r.append("One client; the search service's query (clearance, one rendition per directive), top 20 by score.")
                .append(" Alone: the page of 20 hits. With facets: the page, then the total, every dimension and the")
                .append(" in-force status in one unscored pass over the matches (`LuceneFacetPass`, with ordinals and")
                .append(" statuses kept per reader), no count kept for the request itself; `FacetBench` adds the")
                .append(" counting before issue 18 beside it (`bench/FACETS-50000.md`). Target ≤ 1.5×.\n\n");
        r.append("| class | query alone p50 / p99 | query + all facets p50 / p99 | ratio p50 | ratio p99 | target |\n|---|---:|---:|---:|---:|---|\n");
        double facetMin = Double.MAX_VALUE;
        double facetMax = 0;
        for (var e : facets.entrySet()) {
            Latency.Result a = e.getValue()[0];
            Latency.Result f = e.getValue()[1];
            facetMin = Math.min(facetMin, f.p99() / a.p99());
            facetMax = Math.max(facetMax, f.p99() / a.p99());
            r.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f× | %.2f× | %s |\n", e.getKey(), a.ms(), f.ms(),
                    f.p50() / a.p50(), f.p99() / a.p99(), f.p99() / a.p99() <= 1.5 ? "met" : "not met"));
        }
        r.append('\n');

        r.append("## 4. Peer: PostgreSQL full-text search\n\n");
        int pgRows = 0;
        List<String> pgMissed = new ArrayList<>();
        if (pg.isEmpty()) {
            r.append("Not measured: ").append(String.join(" ", notes)).append("\n\n");
        } else {
            r.append("A private cluster (initdb in a temp folder, loopback port, `fsync=off`, `synchronous_commit=off`,")
                    .append(" `shared_buffers=256MB`, `maintenance_work_mem=512MB`). A stored generated `tsvector`")
                    .append(" column (title weighted A plus body) with a text search configuration that maps words through")
                    .append(" `unaccent` then `simple`, a GIN index on it, b-tree on number, GIN on the cited numbers.")
                    .append(" Text classes: `websearch_to_tsquery` (quoted text is a phrase) ranked by `ts_rank`, top 20;")
                    .append(" number: equality; cites: array containment, newest 20; browse: filter, newest 20 plus one")
                    .append(" `GROUPING SETS` count over the six facet columns; implementation tree: a `WITH RECURSIVE`")
                    .append(" query over a `citations` table (citing document, cited number, relation; loaded from the")
                    .append(" same manifest, first cited number `implements` as in the archive, b-tree on cited number and")
                    .append(" relation) from the documents with the number down to depth 8, joined to the documents for the")
                    .append(" columns a tree node shows. PostgreSQL computes no snippets, and facets")
                    .append(" only for browse, so it does less work per query than the archive does. One warm-up pass")
                    .append(" (the archive's two).\n\n");
            r.append(String.format(Locale.ROOT, "| | archive (Lucene) | PostgreSQL | ratio |\n|---|---:|---:|---:|\n"
                            + "| ingest, seconds | %.1f | %.1f | %.2f× |\n| size on disk | %.0f MB | %.0f MB | %.2f× |\n\n",
                    archive.seconds(), pgIngest, archive.seconds() / pgIngest, indexBytes / 1e6, pgBytes / 1e6,
                    (double) indexBytes / pgBytes));
            if (treeChecked > 0) {
                r.append(String.format(Locale.ROOT, "Same answers: for %d of %d implementation trees PostgreSQL's"
                                + " recursive query returned as many rows as the archive's tree has documents (%,d"
                                + " documents in all, %.1f a tree)%s.\n\n", treeSame, treeChecked, treeNodes,
                        treeNodes / (double) treeChecked, treeSame == treeChecked ? ""
                                : String.format(Locale.ROOT, "; of the %d others, the archive's tree had fewer documents"
                                        + " in %d. PostgreSQL follows the generator's ids of the implemented documents,"
                                        + " while the archive resolves each cited number at query time, and numbers with"
                                        + " namesakes (local numbers repeat across districts, central ones across years)"
                                        + " are where its resolution can differ (below, each tree and why)", treeChecked - treeSame, treeFewer)));
                if (differences != null) {
                    r.append(differences.section());
                }
            }
            r.append(String.format(Locale.ROOT, "PostgreSQL may take %d s of wall time per class and client count"
                    + " (and per class in its warm-up, except trees, which are all compared): a class it cannot"
                    + " answer %d times in that time is measured over the requests it answered (the column"
                    + " \"requests\"), the archive's over all of them; with fewer than 100 requests its p99 is its"
                    + " slowest answer.\n\n", peerBudget, requests));
            r.append("| class | clients | archive in-process p50 / p99 | PostgreSQL p50 / p99 | PostgreSQL requests | archive ÷ PostgreSQL p99 | target ≤ 0.25× |\n|---|---:|---:|---:|---:|---:|---|\n");
            for (var e : pg.entrySet()) {
                for (var c : e.getValue().entrySet()) {
                    Latency.Result a = latency.get(e.getKey()).get(c.getKey())[0];
                    Latency.Result p = c.getValue();
                    double ratio = a.p99() / p.p99();
                    pgRows++;
                    if (ratio > 0.25) {
                        pgMissed.add(String.format(Locale.ROOT, "%s at %d (%.2f×)", e.getKey(), c.getKey(), ratio));
                    }
                    r.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2f× | %s |\n", e.getKey(),
                            c.getKey(), a.ms(), p.ms(), p.count(), ratio, ratio <= 0.25 ? "met" : "not met"));
                }
            }
            r.append('\n');
        }

        if (solr) {
            appendSolr(r, archive, indexBytes, latency);
        }
        r.append("## 5. Footprint\n\n");
        r.append("| | measured | target |\n|---|---:|---|\n");
        r.append(String.format(Locale.ROOT, "| heap needed to import (largest heap left after a GC, child JVM `-Xmx1g`) | %d MB | ≤ 1 GiB at 1M documents |\n", archive.heapMb()));
        r.append(String.format(Locale.ROOT, "| heap needed to serve (same, `serve` under %d mixed HTTP requests at 8"
                + " clients%s) | %d MB | ≤ 1 GiB at 1M documents |\n", requests * 4, serve.failure() == null ? ""
                : ", with -Xmx" + serve.heap() + " because with 1 GiB " + serve.failure(), serve.heapMb()));
        r.append(String.format(Locale.ROOT, "| index bytes per document | %,d B (bare Lucene: %,d B) | – |\n", indexBytes / n, bareBytes / n));
        r.append(String.format(Locale.ROOT, "| cold start of `serve` (process start to first answered `/api/search`;"
                + " a restart with the AOT cache of one earlier start, as the jar's launcher keeps it) | %.2f s%s |"
                + " ≤ 2 s (issue 18) |\n", serve.coldStartSeconds(), serve.uncachedStartSeconds() < 0 ? ""
                : String.format(Locale.ROOT, " (%.2f s without the cache)", serve.uncachedStartSeconds())));
        r.append(String.format(Locale.ROOT, "| `serve` HTTP p50 / p99, all classes mixed, 8 clients | %s ms | – |\n\n", serve.mixed().ms()));

        r.append("## Targets at ").append(String.format(Locale.ROOT, "%,d", n)).append(" documents (this run)\n\n");
        r.append("| target | result | why, when not met |\n|---|---|---|\n");
        r.append(String.format(Locale.ROOT, "| ingest ≥ 0.8× bare Lucene | %.2f×, %s | %s |\n", ingestRatio,
                ingestRatio >= 0.8 ? "met" : "not met", ingestRatio >= 0.8 ? "–"
                        : "the archive path extracts metadata from every text (about as much CPU as the analysis), updates"
                        + " by id, and writes facet doc values and the stored JSON, which the bare loop does not; with 2"
                        + " cores for 2 indexing threads, extraction on more threads cannot hide that cost"));
        r.append(String.format(Locale.ROOT, "| HTTP ≤ 1.2× in-process or +1 ms (p99) | met in %d of %d rows | %s |\n",
                httpRows - httpMissed.size(), httpRows, httpMissed.isEmpty() ? "–" : "not met: " + String.join(", ", httpMissed)
                        + "; the server, its workers and the HTTP client share the harness JVM and the 2 cores, so a"
                        + " p99 of a few hundred requests catches their pauses"
                        + (httpMissed.stream().anyMatch(m -> m.startsWith(QuerySet.TREE)) && treeChecked > 0
                        ? String.format(Locale.ROOT, "; an implementation tree over HTTP is up to 2,000 nodes as JSON"
                        + " (whole trees hold %.0f documents on average here), which the in-process call returns as"
                        + " objects",
                        treeNodes / (double) treeChecked) : "")));
        if (treeChecked > 0) {
            boolean explained = differences == null || differences.shortfalls() == 0;
            r.append(String.format(Locale.ROOT, "| trees equal to PostgreSQL's recursive query, or each difference listed"
                            + " with the reason the archive is right | %d of %d equal, %s | %s |\n", treeSame, treeChecked,
                    explained ? "met" : "not met", differences == null ? "–"
                            : differences.summary() + " (section 4 lists each tree)"));
        }
        r.append(String.format(Locale.ROOT, "| facets ≤ 1.5× the query alone (p99) | %.2f–%.2f×, %s | %s |\n", facetMin,
                facetMax, facetMax <= 1.5 ? "met" : "not met", facetMax <= 1.5 ? "–"
                        : "a top-20 query lets Lucene skip most matches (block-max WAND), while counting must visit every"
                        + " match, and title words match a large share of the corpus; served queries reuse counts per"
                        + " reader (section 2), so a repeated query pays for counting once per index change"));
        r.append(pg.isEmpty() ? "| query p99 ≤ 0.25× PostgreSQL | not measured | " + String.join(" ", notes) + " |\n"
                : String.format(Locale.ROOT, "| query p99 ≤ 0.25× PostgreSQL | met in %d of %d rows | %s |\n",
                pgRows - pgMissed.size(), pgRows, pgMissed.isEmpty() ? "–" : "not met: " + String.join(", ", pgMissed)
                        + "; PostgreSQL answers a number (equality), `cites:` (containment) and browse (filters) straight"
                        + " from a b-tree or GIN index without snippets, while the archive also ranks a number as text"
                        + " (the document first, then the texts that mention it) and highlights a page of hits"));
        // a largest occupancy after GC equal to the limit means the heap was full at some point: not a measure of need
        boolean heapMet = serve.failure() == null && Math.max(archive.heapMb(), serve.heapMb()) < 1024;
        r.append(String.format(Locale.ROOT, "| heap ≤ 1 GiB to import and to serve | %d MB and %d MB at %,d documents,"
                        + " %s | %s |\n", archive.heapMb(), serve.heapMb(), n, heapMet ? "met" : "not met",
                heapMet ? (n < 1_000_000 ? "at 1M not measured in this run; " : "")
                        + "the index is memory-mapped, so the serving heap holds caches, requests and the reference"
                        + " graph's kept view (bounded), not the index"
                        : (serve.failure() == null ? "the heap was full after a collection at least once (see the"
                        + " GC logs in the work folder), so 1 GiB is at the limit; " : "")
                        + "the reference graph's kept view holds what the questions read (at most 100,000 documents,"
                        + " dropped at each change of the index), besides the caches and the requests"));
        r.append(String.format(Locale.ROOT, "| cold start of `serve` ≤ 2 s | %.2f s, %s | %s |\n\n", serve.coldStartSeconds(),
                serve.coldStartSeconds() <= 2 ? "met" : "not met", serve.coldStartSeconds() <= 2 ? "–"
                        : "JVM start, Javalin and Pebble set-up, opening the index and the first query, on a loaded machine"
                        + (serve.uncachedStartSeconds() < 0 ? "" : String.format(Locale.ROOT,
                        "; %.2f s without the AOT cache", serve.uncachedStartSeconds()))));

        double f = 1_000_000.0 / n;
        r.append("## Where the time went, and an estimate at 1,000,000 documents\n\n");
        r.append(n >= 1_000_000 ? "Each phase's wall time in this run (the run is at 1,000,000 documents, so the"
                + " estimate is the measurement).\n\n" : String.format(Locale.ROOT, "Each phase's wall time in this"
                + " run, and the same scaled linearly by %.0f× to 1,000,000 documents. Ingest and PostgreSQL's ranked"
                + " queries grow about linearly with the corpus; Lucene's top-k queries grow slower, and PostgreSQL's"
                + " time is capped per class (section 4), so for the query phases this is an upper bound.\n\n", f));
        r.append("| phase | seconds here | estimate at 1M |\n|---|---:|---:|\n");
        double sum = 0;
        for (var e : phases.entrySet()) {
            if (e.getKey().equals(beforePhase())) {
                r.append(String.format(Locale.ROOT, "| %s (not part of plain `bench/run`) | %.0f | – |\n", e.getKey(),
                        e.getValue()));
                continue;
            }
            double est = e.getKey().startsWith("serve") ? e.getValue() : e.getValue() * f;
            sum += est;
            r.append(String.format(Locale.ROOT, "| %s | %.0f | %s |\n", e.getKey(), e.getValue(), human(est)));
        }
        r.append(String.format(Locale.ROOT, "| **plain `bench/run`** | **%.0f** | **%s** |\n\n", plain, human(sum)));
        r.append(String.format(Locale.ROOT, "At 1M the archive's index would take about %.1f GB (%,d B a document), the"
                        + " text %.1f GB%s.\n\n", indexBytes / (double) n * 1e6 / 1e9, indexBytes / n, textBytes * f / 1e9,
                pgBytes > 0 ? String.format(Locale.ROOT, ", and PostgreSQL's table and indexes %.1f GB", pgBytes * f / 1e9) : ""));

        Files.createDirectories(results.toAbsolutePath().getParent());
        String existing = Files.exists(results) ? Files.readString(results) : "";
        int keep = existing.indexOf("\n" + HAND_NOTES);
        r.append(keep >= 0 ? existing.substring(keep + 1) : HAND_NOTES + "\n\n(none yet)\n");
        Files.writeString(results, r.toString());
    }

    /** Section 6: the same ingest and query classes on a local SolrCloud, beside the embedded index. */
    private void appendSolr(StringBuilder r, IngestResult archive, long indexBytes,
                            Map<String, Map<Integer, Latency.Result[]>> latency) {
        r.append("## 6. SolrCloud beside the embedded index\n\n");
        r.append("`--solr`: a local SolrCloud 9.10 started by the harness as the SolrCloud tests start it")
                .append(" (`vn.archive.solr.SolrCluster`: one ZooKeeper and two Solr nodes, each its own JVM with")
                .append(" `-Xmx512m`, the Vietnamese analysis plugin from `target/solr/lib`), a collection of 2 shards ×")
                .append(" 2 replicas made from `index-config/solr` by `SolrSetup`, on the same machine and cores as")
                .append(" everything else. **Ingest**: the archive path of section 1 (the same extraction and ground")
                .append(" truth, the same ").append(threads).append(" indexing threads in a child JVM with a 1 GiB heap),")
                .append(" writing through SolrJ 10 (`SolrArchiveIndex.upsert`, one document a request, each")
                .append(" forwarded by its shard leader to the other replica, so every document is indexed twice),")
                .append(" then a hard commit. **Queries**: the same requests of the same classes as section 2, through")
                .append(" `SolrSearchService.search` in the harness JVM (query, all six facets with drill-sideways")
                .append(" counts, unified highlighter snippets, page of 20, over HTTP to the nodes), run in the same")
                .append(" rounds as the embedded in-process call, in rotating order, so both share the load. It has")
                .append(" no count cache, so every request counts facets again; the embedded figures reuse counts of")
                .append(" repeated queries (section 2). ").append(QuerySet.TREE).append(": the same")
                .append(" `implementations(number, 2000)` on `SnapshotReferenceGraph.perQuery` over `SolrGraphLookups`")
                .append(" (filter queries on the collection, a tree's numbers and documents read a level at a time, no")
                .append(" snapshot; the embedded graph walks its")
                .append(" snapshot), held to the PostgreSQL budget of ").append(peerBudget).append(" s per class and client count. Same")
                .append(String.format(Locale.ROOT, " answers: in the warm-up, %d of %d queries had the same total on", solrSame,
                        solrChecked))
                .append(String.format(Locale.ROOT, " SolrCloud as embedded, and %d of %d trees were equal node for node",
                        solrTreeSame, solrTreeChecked))
                .append(" (the harness log names any other).\n\n");
        r.append(String.format(Locale.ROOT, "| | archive (embedded Lucene) | SolrCloud (SolrJ) | ratio |\n|---|---:|---:|---:|\n"
                        + "| ingest, docs/s | %.0f | %.0f | %.2f× |\n| ingest, seconds | %.1f | %.1f | %.2f× |\n"
                        + "| size on disk | %.0f MB | %.0f MB (4 replicas) | %.2f× |\n\n",
                archive.docsPerSecond(), solrIngest.docsPerSecond(), solrIngest.docsPerSecond() / archive.docsPerSecond(),
                archive.seconds(), solrIngest.seconds(), solrIngest.seconds() / archive.seconds(), indexBytes / 1e6,
                solrBytes / 1e6, (double) solrBytes / indexBytes));
        r.append("| class | clients | embedded in-process p50 / p99 | SolrCloud p50 / p99 | SolrCloud ÷ embedded p50 | SolrCloud ÷ embedded p99 |\n|---|---:|---:|---:|---:|---:|\n");
        for (var e : onSolr.entrySet()) {
            for (var c : e.getValue().entrySet()) {
                Latency.Result a = latency.get(e.getKey()).get(c.getKey())[0];
                Latency.Result s = c.getValue();
                r.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f× | %.2f× |\n", e.getKey(), c.getKey(),
                        a.ms(), s.ms(), s.p50() / a.p50(), s.p99() / a.p99()));
            }
        }
        r.append('\n');
    }

    private String beforePhase() {
        return "ingest, archive (" + beforeLabel + ")";
    }

    /** The heading after which RESULTS.md is written by hand and kept from run to run. */
    private static final String HAND_NOTES = "## Notes by hand";

    private static String human(double seconds) {
        return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
                : seconds < 7200 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1e6))
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
        }
    }
}
