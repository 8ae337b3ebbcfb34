package vn.archive.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.apache.lucene.util.BytesRef;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.AnalyzerFactory;
import vn.archive.index.BodyHead;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.QueryFactory;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchPathBaselines;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;
import vn.archive.text.KindNames;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Issue 18's snippets on real lengths: a page of 20 hits ÷ a page of 1, through the service the API uses, on an
 * archive of {@code corpus/seeds}, {@code corpus/state} (laws of 100–300 KB), {@code src/test/resources/real} and
 * {@code ../shared/corpus/real}; one client, one JVM, warm, the sizes and ways interleaved. Prints a Markdown table.
 * Run: {@code java -cp … vn.archive.bench.SnippetBench [archive folder] [rounds] [classes of the code before]}
 * (default {@code bench/work/snippets}, 200). The archive is imported once and reused. <em>before</em> is the code
 * whose compiled classes the third argument names (a folder of {@code vn/archive/…} classes, e.g. an earlier commit's
 * {@code target/classes}), loaded apart in this JVM and reading the same archive; without it, the in-tree baseline
 * {@link SearchPathBaselines#iteratedSentences}. The archive's long documents also get the UTF-8 heads that code
 * before the UTF-16 heads reads (written again once with both), so both ways read what their own import wrote. Not a unit
 * test: it measures, it asserts nothing.
 */
public final class SnippetBench {
    /** Word queries of the issue, a folded one, and numbers (as the query text and as a {@code cites:} filter). */
    static final List<String> QUERIES = List.of("nong thon moi", "dân vận khéo", "chuyển đổi số",
            "bảo vệ môi trường", "25-NQ/TW", "cites:25-NQ/TW");

    /** A way to ask for a first page: its total and its hits' snippets. */
    interface Pages {
        Page page(String query, int size) throws Exception;
    }

    /** What a table row needs of an answer. */
    record Page(long total, List<String> snippets) {
    }

    private SnippetBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench/work/snippets");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        importOnce(data);
        KindNames kinds = KindNames.load(null);
        addUtf8Heads(data.resolve("index"), kinds);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), kinds)) {
            QueryFactory queries = new QueryFactory(index.analyzer(), kinds, EnumSet.allOf(QueryFactory.Feature.class));
            Pages after = of(new LuceneSearchService(index, queries));
            if (args.length > 2) {
                try (Earlier before = new Earlier(Path.of(args[2]), data.resolve("index"))) {
                    System.out.println(table(before, after, rounds));
                }
            } else {
                System.out.println(table(of(SearchPathBaselines.iteratedSentences(index, queries)), after, rounds));
            }
        }
    }

    private static Pages of(SearchService service) {
        return (q, size) -> {
            SearchResponse r = service.search(request(q, size));
            return new Page(r.total(), r.hits().stream().map(SearchHit::snippet).toList());
        };
    }

    /**
     * One row a query and way: hits, how many of a page of 20 have a marked passage, size=1 and size=20 p50 / p99 in
     * ms, and their ratios. The four kinds of request are interleaved, so both ways run under the same load.
     */
    static String table(Pages before, Pages after, int rounds) throws Exception {
        StringBuilder md = new StringBuilder("""
                | query | hits | way | marked of 20 | size=1 p50 / p99 | size=20 p50 / p99 | ratio p50 | ratio p99 |
                |---|---:|---|---:|---:|---:|---:|---:|
                """);
        String[] ways = {"before", "after"};
        Pages[] services = {before, after};
        for (String q : QUERIES) {
            Latency.Result[] r = Latency.measure(1, rounds, rounds / 2,
                    i -> before.page(q, 1), i -> before.page(q, 20), i -> after.page(q, 1), i -> after.page(q, 20));
            for (int w = 0; w < ways.length; w++) {
                long total = services[w].page(q, 1).total();
                long marked = services[w].page(q, 20).snippets().stream().filter(s -> s.contains("<mark>")).count();
                Latency.Result one = r[2 * w];
                Latency.Result twenty = r[2 * w + 1];
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s | %.2f× | %.2f× |%n", q, total,
                        ways[w], marked, one.ms(), twenty.ms(), twenty.p50() / one.p50(), twenty.p99() / one.p99()));
            }
        }
        return md.toString();
    }

    /** A first page of this size for this query, without facets; {@code cites:N} is that filter with no text. */
    static SearchRequest request(String q, int size) {
        if (q.startsWith("cites:")) {
            return new SearchRequest("", Map.of("cites", List.of(q.substring(6))), null, null,
                    SearchRequest.Sort.RELEVANCE, 1, size, false);
        }
        return new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, size, false);
    }

    /** Imports the four folders into {@code data} unless its index is already there. */
    static void importOnce(Path data) throws IOException {
        if (Files.isDirectory(data.resolve("index"))) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("corpus/seeds", "corpus/state", "src/test/resources/real", "../shared/corpus/real")) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        }
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(files, o -> { });
        }
    }

    /**
     * Indexes again, with the UTF-8 head an earlier import wrote ({@link Fields#BODY_HEAD}) beside today's columns,
     * every document long enough to have a head, unless the index has that column: the code before reads its own
     * column then. (Doc values updates cannot add a column, so the documents are written again, as they are.)
     */
    static void addUtf8Heads(Path folder, KindNames kinds) throws IOException {
        List<ArchivedDocument> longOnes = new ArrayList<>();
        try (Directory dir = FSDirectory.open(folder); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (leaf.reader().getFieldInfos().fieldInfo(Fields.BODY_HEAD) != null) {
                    return;
                }
            }
        }
        try (LuceneIndex index = LuceneIndex.open(folder, kinds)) {
            index.forEachDocument(d -> {
                if (BodyHead.cut(d.text())) {
                    longOnes.add(d);
                }
            });
        }
        DocumentMapper mapper = new DocumentMapper(DocumentMapper.newFacetsConfig(), kinds);
        try (Directory dir = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(dir,
                new IndexWriterConfig(AnalyzerFactory.perField()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            for (ArchivedDocument d : longOnes) {
                Document doc = mapper.toDocument(d);
                doc.add(new BinaryDocValuesField(Fields.BODY_HEAD, new BytesRef(BodyHead.of(d.text()))));
                writer.updateDocument(new Term(Fields.ID, d.id()), doc);
            }
            writer.commit();
        }
    }

    /**
     * The search service of an earlier build, loaded apart (its {@code vn.archive} classes first, the libraries
     * shared) and opened without a lock on the same index, asked through reflection.
     */
    private static final class Earlier implements Pages, Closeable {
        private final URLClassLoader loader;
        private final Closeable index;
        private final Object service;
        private final Method search;
        private final java.lang.reflect.Constructor<?> request;
        private final Object relevance;
        private Method total;
        private Method hits;
        private Method snippet;

        Earlier(Path classes, Path folder) throws Exception {
            loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, SnippetBench.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    synchronized (getClassLoadingLock(name)) {
                        if (!name.startsWith("vn.archive.")) {
                            return super.loadClass(name, resolve);
                        }
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
            };
            Class<?> indexType = loader.loadClass("vn.archive.index.LuceneIndex");
            Class<?> kindsType = loader.loadClass("vn.archive.text.KindNames");
            Class<?> queriesType = loader.loadClass("vn.archive.search.QueryFactory");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Set<?> features = EnumSet.allOf((Class) loader.loadClass("vn.archive.search.QueryFactory$Feature"));
            index = (Closeable) indexType.getMethod("open", Directory.class)
                    .invoke(null, FSDirectory.open(folder, NoLockFactory.INSTANCE));
            Object kinds = kindsType.getMethod("load", Path.class).invoke(null, (Object) null);
            Object queries = queriesType.getConstructor(Analyzer.class, kindsType, Set.class)
                    .newInstance(indexType.getMethod("analyzer").invoke(index), kinds, features);
            Class<?> serviceType = loader.loadClass("vn.archive.search.LuceneSearchService");
            service = serviceType.getConstructor(indexType, queriesType).newInstance(index, queries);
            Class<?> requestType = loader.loadClass("vn.archive.search.SearchRequest");
            search = serviceType.getMethod("search", requestType);
            Class<?> sortType = loader.loadClass("vn.archive.search.SearchRequest$Sort");
            relevance = sortType.getField("RELEVANCE").get(null);
            request = requestType.getConstructor(String.class, Map.class, java.time.LocalDate.class,
                    java.time.LocalDate.class, sortType, int.class, int.class, boolean.class);
        }

        @Override
        public Page page(String q, int size) throws Exception {
            SearchRequest mine = request(q, size);
            Object response = search.invoke(service, request.newInstance(mine.query(), mine.filters(), null, null,
                    relevance, 1, size, false));
            if (total == null) {
                total = response.getClass().getMethod("total");
                hits = response.getClass().getMethod("hits");
            }
            List<String> snippets = new ArrayList<>();
            for (Object hit : (List<?>) hits.invoke(response)) {
                if (snippet == null) {
                    snippet = hit.getClass().getMethod("snippet");
                }
                snippets.add((String) snippet.invoke(hit));
            }
            return new Page(((Number) total.invoke(response)).longValue(), snippets);
        }

        @Override
        public void close() throws IOException {
            index.close();
            loader.close();
        }
    }
}
