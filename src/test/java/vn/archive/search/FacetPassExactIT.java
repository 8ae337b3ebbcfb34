package vn.archive.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.bench.GeneratedCorpus;
import vn.archive.config.AppConfig;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.InForce;
import vn.archive.model.Withdrawal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, facets counted in one pass ({@link LuceneFacetPass}): on an archive of the seeds, the state corpus and the
 * real set, and on a generated archive, both re-indexed with documents of every secrecy level, withdrawn ones and
 * renditions of one directive, in several segments, every request of a set (browse, filters of one and two
 * dimensions, several values of one, the in-force status, a date range, words with and without diacritics, a
 * phrase, a number, a sort by date; with and without the counts of the request one filter back kept) under every
 * clearance answers the same total, the same counts in every
 * dimension and the same hits as the counting before ({@link FacetCountBaselines}), and each count shown equals a
 * plain count: the same request with that value as its dimension's only filter, counted by Lucene without facets.
 * Slow (about two minutes): the state corpus is imported, and every count shown is counted again on its own.
 */
@org.junit.jupiter.api.Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetPassExactIT {
    @TempDir
    static Path temp;
    private final List<LuceneIndex> archives = new ArrayList<>();
    private final Map<String, LuceneIndex> byName = new LinkedHashMap<>();

    @BeforeAll
    void buildTheArchives() throws IOException {
        List<Path> texts = new ArrayList<>();
        for (Path dir : List.of(TestCorpus.SEEDS, TestCorpus.ROOT.resolve("state"), Path.of("src/test/resources/real"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(texts::add);
            }
        }
        List<ArchivedDocument> real = new ArrayList<>();
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("real")))) {
            archive.pipeline().run(texts, o -> { });
        }
        try (LuceneIndex imported = LuceneIndex.open(temp.resolve("real").resolve("index"))) {
            imported.forEachDocument(real::add);
        }
        List<ArchivedDocument> generated = new ArrayList<>();
        try (LuceneIndex g = GeneratedCorpus.indexed(temp.resolve("generated"), 600, 7)) {
            g.forEachDocument(generated::add);
        }
        byName.put("seeds, state corpus and real set", mixed(real));
        byName.put("600 generated documents", mixed(generated));
        archives.addAll(byName.values());
    }

    /**
     * The documents in a new index, in segments of 40, each third classified at a level in turn, every eleventh
     * withdrawn, and every thirteenth and the next made renditions of one directive.
     */
    private static LuceneIndex mixed(List<ArchivedDocument> docs) throws IOException {
        LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory());
        String[] levels = {"Mật", "Tối mật", "Tuyệt mật"};
        for (int i = 0; i < docs.size(); i++) {
            ArchivedDocument d = docs.get(i);
            var m = d.metadata().toBuilder()
                    .classification(i % 3 == 0 ? levels[(i / 3) % 3] : null)
                    .withdrawn(i % 11 == 5 ? new Withdrawal("thử", "test", Instant.parse("2026-01-01T00:00:00Z")) : null)
                    .build();
            List<String> notes = new ArrayList<>(d.notes());
            if (i % 13 == 0 && i + 1 < docs.size()) {
                notes.add(ArchivedDocument.sameDirectiveNote(docs.get(i + 1).id()));
            } else if (i % 13 == 1) {
                notes.add(ArchivedDocument.sameDirectiveNote(docs.get(i - 1).id()));
            }
            index.upsert(new ArchivedDocument(d.id(), m, d.source(), d.text(), notes));
            if (i % 40 == 39) {
                index.commit();
            }
        }
        index.commit();
        return index;
    }

    @AfterAll
    void close() throws IOException {
        for (LuceneIndex i : archives) {
            i.close();
        }
    }

    @Test
    void every_count_equals_the_counting_before_and_a_plain_count_under_every_clearance() throws IOException {
        int requests = 0;
        long counted = 0;
        boolean someHidden = false;
        for (var archive : byName.entrySet()) {
            LuceneIndex index = archive.getValue();
            IndexSearcher s = index.searchers().acquire();
            try {
                assertTrue(s.getIndexReader().leaves().size() > 1, "several segments: ordinals are mapped");
            } finally {
                index.searchers().release(s);
            }
            QueryFactory queries = new QueryFactory(index.analyzer());
            SearchService now = new LuceneSearchService(index, queries);
            SearchService before = FacetCountBaselines.previousCounting(index, queries);
            SearchService reference = new LuceneSearchService(index, queries);
            for (SearchRequest r : requests(now)) {
                long all = -1;
                for (Clearance c : Clearance.values()) {
                    String what = archive.getKey() + ", " + c + ", " + r.query() + " " + r.filters();
                    SearchResponse got = now.restrictedTo(c).search(r);
                    SearchResponse was = before.restrictedTo(c).search(r);
                    assertEquals(was.total(), got.total(), what + ": total");
                    assertEquals(was.facets(), got.facets(), what + ": counts");
                    assertEquals(ids(was), ids(got), what + ": hits");
                    SearchService plain = reference.restrictedTo(c);
                    assertEquals(plain.search(withFilter(r, null, null)).total(), got.total(), what + ": plain total");
                    for (var dim : got.facets().entrySet()) {
                        for (FacetCount fc : dim.getValue()) {
                            long n = plain.search(withFilter(r, dim.getKey(), fc.value())).total();
                            assertEquals(n, fc.count(), what + ": " + dim.getKey() + " = " + fc.value());
                            counted += fc.count();
                        }
                    }
                    someHidden |= all >= 0 && got.total() != all;
                    all = got.total();
                    requests++;
                }
            }
        }
        assertTrue(requests >= 100, requests + " requests");
        assertTrue(counted > 10_000, "counts checked: " + counted);
        assertTrue(someHidden, "clearances see different totals");
    }

    private static List<String> ids(SearchResponse r) {
        return r.hits().stream().map(SearchHit::id).toList();
    }

    /** The request without facets, its dimension's filter (when given) replaced by that one value. */
    private static SearchRequest withFilter(SearchRequest r, String dim, String value) {
        Map<String, List<String>> filters = new HashMap<>(r.filters());
        if (dim != null) {
            filters.put(dim, List.of(value));
        }
        return new SearchRequest(r.query(), filters, r.from(), r.to(), r.sort(), 1, 1, false);
    }

    /** The requests asked of an archive, their filter values taken from its own browse counts. */
    private static List<SearchRequest> requests(SearchService search) throws IOException {
        Map<String, List<FacetCount>> browse = search.search(request("", Map.of())).facets();
        String kind = first(browse, FacetDimensions.KIND, 0);
        String kind2 = first(browse, FacetDimensions.KIND, 1);
        String level = first(browse, FacetDimensions.LEVEL, 0);
        String year = first(browse, FacetDimensions.YEAR, 0);
        String cites = first(browse, FacetDimensions.CITES, 0);
        String status = first(browse, FacetDimensions.IN_FORCE, 0);
        List<SearchRequest> out = new ArrayList<>();
        for (String q : List.of("", "dân vận", "dan van", "nong thon moi", "bảo vệ môi trường", "ke hoach thuc hien",
                "\"cải cách hành chính\"", "nghị quyết 25", "tổ chức")) {
            out.add(request(q, Map.of()));
        }
        // in this order, the requests one filter back are kept: kind and level answer kind + level, kind + level
        // answers the year of kind + level + year, "dan van" + kind answers the level of "dan van" + kind + level
        out.add(request("", Map.of(FacetDimensions.KIND, List.of(kind))));
        out.add(request("", Map.of(FacetDimensions.LEVEL, List.of(level))));
        out.add(request("", Map.of(FacetDimensions.KIND, List.of(kind), FacetDimensions.LEVEL, List.of(level))));
        out.add(request("", Map.of(FacetDimensions.KIND, List.of(kind), FacetDimensions.LEVEL, List.of(level),
                FacetDimensions.YEAR, List.of(year))));
        out.add(request("", Map.of(FacetDimensions.KIND, List.of(kind, kind2))));
        out.add(request("", Map.of(FacetDimensions.CITES, List.of(cites))));
        out.add(request("", Map.of(FacetDimensions.IN_FORCE, List.of(status))));
        out.add(request("", Map.of(FacetDimensions.YEAR, List.of(year), FacetDimensions.IN_FORCE,
                List.of(InForce.IN_FORCE, InForce.UNKNOWN))));
        out.add(request("dan van", Map.of(FacetDimensions.KIND, List.of(kind))));
        out.add(request("dan van", Map.of(FacetDimensions.KIND, List.of(kind), FacetDimensions.LEVEL, List.of(level))));
        out.add(new SearchRequest("tổ chức", Map.of(FacetDimensions.LEVEL, List.of(level)), LocalDate.of(2015, 1, 1),
                LocalDate.of(2024, 12, 31), SearchRequest.Sort.NEWEST, 1, 10, true));
        return out;
    }

    private static String first(Map<String, List<FacetCount>> facets, String dim, int at) {
        List<FacetCount> values = facets.get(dim);
        assertTrue(values.size() > at, dim + " has " + values);
        return values.get(at).value();
    }

    private static SearchRequest request(String q, Map<String, List<String>> filters) {
        return new SearchRequest(q, filters, null, null, SearchRequest.Sort.RELEVANCE, 1, 10, true);
    }
}
