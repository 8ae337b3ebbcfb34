package vn.archive.bench;

import vn.archive.index.LuceneIndex;
import vn.archive.search.FacetCountBaselines;
import vn.archive.search.FacetCountBaselines.Way;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 18, facets: query + all facets ÷ query alone, uncached, on an archive a benchmark run built (section 3 of
 * {@code BenchMain} measured the same ratio with Lucene's drill sideways alone). Each request of a class is answered
 * three ways in turn, in rotating order, so all three share the machine's load: the page alone (top 20, which lets
 * Lucene skip what cannot compete), the page with every count as before issue 18 ({@link FacetCountBaselines}) and as
 * now (one counting pass). No count is kept between requests; the facet ordinals and the in-force statuses are kept
 * per reader, as the service keeps them. Writes {@code bench/FACETS-N.md}.
 *
 * <pre>java -cp "$CP" vn.archive.bench.FacetBench ARCHIVE/index CORPUS [requests] [out.md]</pre>
 */
public final class FacetBench {
    private FacetBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: FacetBench INDEX_DIR CORPUS_DIR [REQUESTS] [OUT.md]");
        }
        Path indexDir = Path.of(args[0]);
        Path corpusDir = Path.of(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        double loadStart = load();
        LocalDateTime started = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Map<String, List<QuerySet.Query>> queries = QuerySet.build(GeneratedCorpus.open(corpusDir), 100, 1);
        List<String> classes = List.of(QuerySet.TERM, QuerySet.WORDS, QuerySet.PHRASE, QuerySet.NUMBER, QuerySet.BROWSE,
                QuerySet.CITES);
        StringBuilder rows = new StringBuilder();
        long docs;
        int same = 0;
        int compared = 0;
        try (LuceneIndex index = LuceneIndex.open(indexDir)) {
            docs = index.count();
            SearchService search = new LuceneSearchService(index);
            for (String cls : classes) {
                List<SearchRequest> qs = queries.get(cls).stream().map(FacetBench::request).toList();
                long matches = 0;
                for (SearchRequest r : qs) {
                    long before = FacetCountBaselines.answer(search, r, Way.BEFORE);
                    long after = FacetCountBaselines.answer(search, r, Way.AFTER);
                    same += before == after ? 1 : 0;
                    compared++;
                    matches += after;
                }
                List<Way> ways = List.of(Way.ALONE, Way.BEFORE, Way.AFTER);
                Latency.Request[] run = ways.stream().<Latency.Request>map(w ->
                        i -> FacetCountBaselines.answer(search, Latency.pick(qs, i), w)).toArray(Latency.Request[]::new);
                Latency.Result[] r = Latency.measure(1, requests, qs.size(), run);
                System.out.printf(Locale.ROOT, "%s: alone %s, before %s, after %s ms%n", cls, r[0].ms(), r[1].ms(),
                        r[2].ms());
                rows.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.2f× | %.2f× | %.2f× | %.2f× | %s |%n",
                        cls, matches / qs.size(), r[0].ms(), r[1].ms(), r[2].ms(), r[1].p50() / r[0].p50(),
                        r[1].p99() / r[0].p99(), r[2].p50() / r[0].p50(), r[2].p99() / r[0].p99(),
                        r[2].p99() / r[0].p99() <= 1.5 ? "met" : "not met"));
            }
        }
        double loadEnd = load();
        String md = String.format(Locale.ROOT, """
                # Facets: query + all facets ÷ query alone, uncached (issue 18)

                Written by `vn.archive.bench.FacetBench` (test sources) on the archive of `bench/run --docs %d`
                (generated documents, seed 1), the query classes of `BenchMain`'s `QuerySet` (100 queries each), one
                client, in process, %d measured requests per class after one unmeasured pass over its queries. Each
                request is answered three ways in turn, in rotating order, so that the three share the machine's
                load: **alone**, the page of 20 hits of the service's query (clearance, one rendition per directive,
                filters), which lets Lucene skip what cannot compete; **before**, the page and every count as before
                issue 18 (`FacetCountBaselines`: drill sideways scoring every match beside the page, then a count
                query per in-force status); **after**, the page and every count as now (the page alone, then one
                unscored pass over the matches of the query without its scoring-only clauses, all dimensions and the
                in-force status at once: `LuceneFacetPass`). No request's own counts are kept between requests;
                facet ordinals and in-force statuses are kept per reader in both ways; *after*, a request with one
                filter (the `cites:` class) takes the filtered dimension's counts from those of the same request
                without the filter, which are kept per reader once counted (the first such request counts them).
                Snippets are not part of any way. Times in ms, p50 / p99. "Matches" is the mean exact total of the
                class's queries.

                | | |
                |---|---|
                | date | %s UTC |
                | commit | %s |
                | archive | %,d documents |
                | load average (1 min), start → end | %.2f → %.2f (2 cores, shared with other engineers' builds) |
                | JVM | %s %s |
                | same totals before and after | %d of %d queries |

                | class | matches | alone | before | after | before ÷ alone p50 | before ÷ alone p99 | after ÷ alone p50 | after ÷ alone p99 | target ≤ 1.5× (p99) |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---|
                %s""", docs, requests, started, commit(), docs, loadStart, loadEnd,
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), same, compared, rows);
        Path out = args.length > 3 ? Path.of(args[3]) : Path.of("bench/FACETS-" + docs + ".md");
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    private static SearchRequest request(QuerySet.Query q) {
        return new SearchRequest(q.text(), q.filters(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20, true);
    }

    private static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Process d = new ProcessBuilder("git", "status", "--porcelain", "src").redirectErrorStream(true).start();
            boolean dirty = !new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            return head + (dirty ? " (with uncommitted changes)" : "");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
