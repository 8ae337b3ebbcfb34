package vn.archive.bench;

import vn.archive.index.LuceneIndex;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Number and {@code cites:} lookups asked for the first time, with all facets counted and with {@code facets=none},
 * interleaved on one archive index that {@code bench/run} built. The macro harness repeats its queries, so its
 * figures reuse the per-reader facet counts; this one uses each query once per way, after warming the JIT on others.
 * Run: {@code java -cp … vn.archive.bench.LookupBench bench/work/corpus-50000-1 bench/work/archive-50000-1/index}.
 */
public final class LookupBench {
    private LookupBench() {
    }

    public static void main(String[] args) throws Exception {
        GeneratedCorpus corpus = GeneratedCorpus.open(Path.of(args[0]));
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> cited = new LinkedHashSet<>();
        int step = Math.max(1, corpus.rows.size() / (4 * n));
        for (int i = 0; i < corpus.rows.size(); i += step) {
            GeneratedCorpus.Row r = corpus.rows.get(i);
            numbers.add(r.number());
            cited.addAll(r.cites());
        }
        try (LuceneIndex index = LuceneIndex.open(Path.of(args[1]))) {
            // one service per way, so that the counts one way keeps are never reused by the other
            SearchService counting = new LuceneSearchService(index);
            SearchService skipping = new LuceneSearchService(index);
            System.out.printf(Locale.ROOT, "| class | first-time requests | all facets p50 / p99 | facets=none p50 / p99 | ratio p50 | ratio p99 |%n|---|---:|---:|---:|---:|---:|%n");
            for (String cls : List.of("number", "cites")) {
                List<SearchRequest[]> qs = new ArrayList<>();
                for (String v : cls.equals("number") ? numbers : cited) {
                    String q = cls.equals("number") ? v : "";
                    Map<String, List<String>> f = cls.equals("number") ? Map.of() : Map.of("cites", List.of(v));
                    qs.add(new SearchRequest[] {
                        new SearchRequest(q, f, null, null, SearchRequest.Sort.RELEVANCE, 1, 20, true),
                        new SearchRequest(q, f, null, null, SearchRequest.Sort.RELEVANCE, 1, 20, false)});
                }
                int warm = Math.min(qs.size() / 3, 200);
                List<SearchRequest[]> warmup = qs.subList(0, warm);
                List<SearchRequest[]> measured = qs.subList(warm, Math.min(qs.size(), warm + n));
                for (SearchRequest[] w : warmup) {
                    counting.search(w[0]);
                    skipping.search(w[1]);
                }
                Latency.Result[] r = Latency.measure(1, measured.size(), 0,
                        i -> counting.search(measured.get(i)[0]), i -> skipping.search(measured.get(i)[1]));
                System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.2f× | %.2f× |%n", cls, measured.size(), r[0].ms(),
                        r[1].ms(), r[1].p50() / r[0].p50(), r[1].p99() / r[0].p99());
            }
        }
    }
}
