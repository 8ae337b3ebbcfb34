package vn.archive.bench;

import vn.archive.index.LuceneIndex;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The same few {@code cites:} lookups asked round after round in one service, as a portal sees popular ones: the
 * first round counts, later rounds should find their counts in the cache. Prints the mean time per query of each
 * round. For a before/after, run it with an earlier build's classes ahead on the classpath.
 * Usage: {@code RepeatedCitesBench INDEX_DIR [ROUNDS] [NUMBER...]}.
 */
public final class RepeatedCitesBench {
    private RepeatedCitesBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> numbers = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("1-KL/TW", "26-NQ/TW", "49-CT/TW", "57-CT/TW", "1/QĐ-TTg");
        try (LuceneIndex index = LuceneIndex.open(Path.of(args[0]))) {
            SearchService search = new LuceneSearchService(index);
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                for (String n : numbers) {
                    search.search(new SearchRequest("", Map.of("cites", List.of(n)), null, null,
                            SearchRequest.Sort.RELEVANCE, 1, 20));
                }
                System.out.printf(Locale.ROOT, "round %d: %.1f ms a query%n", round,
                        (System.nanoTime() - t0) / 1e6 / numbers.size());
            }
        }
    }
}
