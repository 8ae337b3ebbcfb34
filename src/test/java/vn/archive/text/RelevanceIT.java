package vn.archive.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.LuceneIndex;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.TestCorpus;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.QueryFactory;
import vn.archive.search.QueryFactory.Feature;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance suite: imports corpus/ and the generated fixtures into a temporary archive, runs every query of
 * {@code relevance/queries.tsv} through {@link SearchService}, and prints recall@10 and MRR, overall, per category,
 * and with each scoring feature switched off (to show what each one earns). Fails below recall@10 = 1.0 or
 * MRR = 0.9 with every feature on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceIT {
    private static final int K = 10;

    @TempDir
    static Path temp;
    private LuceneIndex index;
    /** Document id → name ("state/090.txt", "legacy/tcvn3/002_….txt", "fixtures/nq-25-tw.txt"). */
    private final Map<String, String> names = new HashMap<>();
    private List<Judged> queries;

    /** One query with its relevant documents. */
    record Judged(String query, Set<String> relevant, String category, String why) { }

    /** Scores of one run. */
    record Scores(double recall, double mrr, Map<String, double[]> byCategory, List<String> misses) { }

    @BeforeAll
    void importCorpusAndFixtures() throws Exception {
        Path corpus = Path.of("corpus");
        Path fixtures = RelevanceFixtures.write(temp.resolve("in"), corpus.resolve("seeds"));
        index = LuceneIndex.open(temp.resolve("data/index"));
        IngestPipeline pipeline = new IngestPipeline(index, new ContentStore(temp.resolve("data")), new TikaExtractor(),
                new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none());
        List<IngestOutcome> outcomes = new CopyOnWriteArrayList<>();
        for (Path root : List.of(corpus, fixtures)) {
            pipeline.run(List.of(root), o -> {
                outcomes.add(o);
                if (o.status() != IngestStatus.IMPORTED) {
                    return;
                }
                names.put(o.documentId(), root.toAbsolutePath().relativize(Path.of(o.path()).toAbsolutePath())
                        .toString().replace('\\', '/').replaceFirst("^in/", ""));
            });
        }
        TestCorpus.assertImportedWithoutOcr(outcomes);
        queries = load();
    }

    @AfterAll
    void close() throws IOException {
        index.close();
    }

    @Test
    void the_suite_has_at_least_80_queries_over_documents_that_exist() {
        assertTrue(queries.size() >= 80, "queries: " + queries.size());
        for (Judged q : queries) {
            assertTrue(names.values().containsAll(q.relevant()), q.query() + ": unknown " + q.relevant());
        }
        for (String category : List.of("no-diacritics", "tone-placement", "i-y", "number", "phrase", "legacy",
                "collision")) {
            assertTrue(queries.stream().anyMatch(q -> q.category().equals(category)), category);
        }
    }

    @Test
    void every_query_finds_its_documents_in_the_top_ten_and_mrr_is_at_least_0_9() throws IOException {
        Map<String, Scores> runs = new LinkedHashMap<>();
        runs.put("all features", run(EnumSet.allOf(Feature.class)));
        for (Feature f : Feature.values()) {
            EnumSet<Feature> without = EnumSet.allOf(Feature.class);
            without.remove(f);
            runs.put("without " + f, run(without));
        }
        EnumSet<Feature> noProximity = EnumSet.allOf(Feature.class);
        noProximity.removeAll(List.of(Feature.PHRASE, Feature.PAIRS));
        runs.put("without PHRASE and PAIRS", run(noProximity));
        runs.put("folded body only", run(EnumSet.noneOf(Feature.class)));

        StringBuilder report = new StringBuilder("\nRelevance over " + queries.size() + " queries, " + names.size()
                + " documents (recall@" + K + " / MRR)\n");
        runs.forEach((name, s) -> report.append(String.format(Locale.ROOT, "  %-26s %.3f / %.3f%n", name, s.recall(),
                s.mrr())));
        Scores all = runs.get("all features");
        report.append("  by category (all features):\n");
        all.byCategory().forEach((c, v) -> report.append(String.format(Locale.ROOT, "    %-16s n=%-3d %.3f / %.3f%n",
                c, (int) v[2], v[0] / v[2], v[1] / v[2])));
        all.misses().forEach(m -> report.append("  miss: ").append(m).append('\n'));
        System.out.println(report);
        assertEquals(1.0, all.recall(), 1e-9, report.toString());
        assertTrue(all.mrr() >= 0.9, report.toString());
    }

    @Test
    void only_the_legacy_fixtures_carry_a_conversion_note() throws IOException {
        int converted = 0;
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<String> notes = index.get(e.getKey()).orElseThrow().notes();
            boolean legacy = e.getValue().startsWith("legacy/");
            assertEquals(legacy, notes.stream().anyMatch(n -> n.startsWith("Đã chuyển mã")), e.getValue() + " " + notes);
            converted += legacy ? 1 : 0;
        }
        assertEquals(11, converted);
    }

    @Test
    void snippets_mark_the_original_words_for_a_query_without_diacritics() throws IOException {
        SearchService search = new LuceneSearchService(index);
        for (String q : List.of("dan van kheo", "nong thon moi", "thue dat")) {
            List<SearchHit> hits = search.search(SearchRequest.of(q)).hits();
            assertTrue(!hits.isEmpty(), q);
            String snippet = hits.get(0).snippet();
            assertTrue(snippet.matches("(?s).*<mark>[^<]*[^\\x00-\\x7F][^<]*</mark>.*"),
                    q + " should mark words with their diacritics: " + snippet);
        }
        // The TCVN3 copy is found, converted: as its own hit, or as a rendition behind the original's hit (whether
        // the two are linked as one directive depends on which of the parallel workers imported which first).
        SearchHit legacy = null;
        String legacyId = null;
        for (SearchHit h : search.search(SearchRequest.of("Phan Van Linh")).hits()) {
            for (var rendition : search.renditions(h.id())) {
                if (legacy == null && names.getOrDefault(rendition.id(), "").startsWith("legacy/tcvn3/")) {
                    legacy = h;
                    legacyId = rendition.id();
                }
            }
        }
        assertTrue(legacy != null, "the TCVN3 copy is found");
        assertTrue(legacy.snippet().contains("<mark>Văn</mark>"), legacy.snippet());
        assertTrue(search.document(legacyId).orElseThrow().text().contains("Phan Văn Linh"),
                "the copy's own text was converted");
    }

    private Scores run(Set<Feature> features) throws IOException {
        SearchService search = new LuceneSearchService(index,
                new QueryFactory(index.analyzer(), KindNames.builtIn(), features));
        double recall = 0;
        double mrr = 0;
        Map<String, double[]> byCategory = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Judged q : queries) {
            List<SearchHit> hits = search.search(new SearchRequest(q.query(), Map.of(), null, null,
                    SearchRequest.Sort.RELEVANCE, 1, K)).hits();
            // a hit is a directive and stands for each of its renditions (a seed and its legacy-encoded copies)
            List<List<String>> files = new ArrayList<>();
            for (SearchHit h : hits) {
                files.add(search.renditions(h.id()).stream().map(d -> names.getOrDefault(d.id(), d.id())).toList());
            }
            List<String> top = files.stream().map(f -> f.get(0)).toList();
            long found = files.stream().flatMap(List::stream).distinct().filter(q.relevant()::contains).count();
            double r = Math.min(1.0, (double) found / Math.min(K, q.relevant().size()));
            double rr = 0;
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i).stream().anyMatch(q.relevant()::contains)) {
                    rr = 1.0 / (i + 1);
                    break;
                }
            }
            recall += r;
            mrr += rr;
            double[] c = byCategory.computeIfAbsent(q.category(), k -> new double[3]);
            c[0] += r;
            c[1] += rr;
            c[2]++;
            if (r < 1 || rr < 1) {
                misses.add(String.format(Locale.ROOT, "[%s] %s → recall %.2f, rr %.2f, top %s", q.category(),
                        q.query(), r, rr, top.subList(0, Math.min(4, top.size()))));
            }
        }
        return new Scores(recall / queries.size(), mrr / queries.size(), byCategory, misses);
    }

    private static List<Judged> load() throws IOException {
        List<Judged> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RelevanceIT.class.getResourceAsStream("/relevance/queries.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                assertTrue(cols.length >= 3, "query line needs query, documents, category: [" + line + "]");
                out.add(new Judged(cols[0], Set.of(cols[1].trim().split("\\s+")), cols[2].trim(),
                        cols.length > 3 ? cols[3] : ""));
            }
        }
        return out;
    }
}
