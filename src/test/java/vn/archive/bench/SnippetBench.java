package vn.archive.bench;

import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.LuceneIndex;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.QueryFactory;
import vn.archive.search.SearchPathBaselines;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 18's snippets on real lengths: a page of 20 hits ÷ a page of 1, through the service the API uses, on an
 * archive of {@code corpus/seeds}, {@code corpus/state} (laws of 100–300 KB), {@code src/test/resources/real} and
 * {@code ../shared/corpus/real}; one client, one JVM, warm, the two sizes interleaved. Prints a Markdown table. Run:
 * {@code java -cp … vn.archive.bench.SnippetBench [archive folder] [rounds]} (default {@code bench/work/snippets},
 * 200); the archive is imported once and reused. Not a unit test: it measures, it asserts nothing.
 */
public final class SnippetBench {
    /** Word queries of the issue, a folded one, and numbers (as the query text and as a {@code cites:} filter). */
    static final List<String> QUERIES = List.of("nong thon moi", "dân vận khéo", "chuyển đổi số",
            "bảo vệ môi trường", "25-NQ/TW", "cites:25-NQ/TW");

    private SnippetBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench/work/snippets");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        importOnce(data);
        KindNames kinds = KindNames.load(null);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), kinds)) {
            QueryFactory queries = new QueryFactory(index.analyzer(), kinds, EnumSet.allOf(QueryFactory.Feature.class));
            SearchService after = new LuceneSearchService(index, queries);
            SearchService before = SearchPathBaselines.iteratedSentences(index, queries);
            System.out.println(table(before, after, rounds));
        }
    }

    /**
     * One row a query and way: hits, how many of a page of 20 have a marked passage, size=1 and size=20 p50 / p99 in
     * ms, and their ratios. <em>before</em> seeks passages in the whole body, <em>after</em> in its head; the four
     * kinds of request are interleaved, so both ways run under the same load.
     */
    static String table(SearchService before, SearchService after, int rounds) throws Exception {
        StringBuilder md = new StringBuilder("""
                | query | hits | way | marked of 20 | size=1 p50 / p99 | size=20 p50 / p99 | ratio p50 | ratio p99 |
                |---|---:|---|---:|---:|---:|---:|---:|
                """);
        String[] ways = {"before", "after"};
        SearchService[] services = {before, after};
        for (String q : QUERIES) {
            Latency.Result[] r = Latency.measure(1, rounds, rounds / 2,
                    i -> before.search(request(q, 1)), i -> before.search(request(q, 20)),
                    i -> after.search(request(q, 1)), i -> after.search(request(q, 20)));
            for (int w = 0; w < ways.length; w++) {
                long total = services[w].search(request(q, 1)).total();
                long marked = services[w].search(request(q, 20)).hits().stream()
                        .filter(h -> h.snippet().contains("<mark>")).count();
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
}
