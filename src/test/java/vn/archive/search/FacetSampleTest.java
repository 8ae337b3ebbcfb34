package vn.archive.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts estimated from a sample ({@link LuceneFacetSample}) only above the bound of exact counting: on 4,000
 * documents with the bound lowered (the portal's is 100,000 matches), a count over the bound is marked estimated and
 * stays within 10% of the exact one in its total and every kind; a count under the bound, or above it by less than the
 * margin, is exact and not marked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetSampleTest {
    private static final String[] KINDS = {"Công văn", "Kế hoạch", "Nghị quyết", "Chỉ thị", "Thông báo"};
    private LuceneIndex index;
    private LuceneSearchService search;

    @BeforeAll
    void index() throws Exception {
        index = LuceneIndex.open(new ByteBuffersDirectory());
        for (int i = 0; i < 4000; i++) {
            // kinds in runs of imports (several alike in a row), as archives receive them
            String kind = KINDS[(i / 7 + i % 3) % KINDS.length];
            String text = kind + " số " + i + "-CV/HU về công tác dân vận năm " + (2010 + i % 12);
            String sha = vn.archive.storage.ContentStore.sha256(text.getBytes(StandardCharsets.UTF_8));
            DocumentMetadata m = DocumentMetadata.builder().kind(kind).number(i + "-CV/HU")
                    .date(LocalDate.of(2010 + i % 12, 1 + i % 12, 1 + i % 28)).title(kind + " về công tác dân vận")
                    .issuer("Ban Thường vụ Huyện ủy Đơn Dương").level("huyện").build();
            index.upsert(new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                    new SourceInfo(i + ".txt", sha, "text/plain", false, text.length(), List.of(i + ".txt")), text,
                    List.of()));
            if (i % 1000 == 999) {
                index.commit();
            }
        }
        index.commit();
        search = new LuceneSearchService(index);
    }

    @AfterAll
    void close() throws Exception {
        index.close();
    }

    private LuceneFacetPass.Result count(Query q, long exactUpTo) throws Exception {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            LocalDate today = LocalDate.of(2026, 12, 7);
            return LuceneFacetPass.count(searcher, search.facetCounts().ordinals(reader),
                    search.facetCounts().statuses(searcher, () -> search.changed(reader, today), today), q,
                    LuceneFacetPass.Filters.of(Map.of()), LuceneFacetCounts.FACET_VALUES, exactUpTo);
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void above_the_bound_counts_are_estimated_within_ten_percent_and_marked() throws Exception {
        LuceneFacetPass.Result exact = count(new MatchAllDocsQuery(), LuceneFacetPass.EXACT_UP_TO);
        LuceneFacetPass.Result sampled = count(new MatchAllDocsQuery(), 500);
        assertFalse(exact.estimated());
        assertEquals(4000, exact.total());
        assertTrue(sampled.estimated(), "4,000 matches over a bound of 500");
        assertTrue(Math.abs(sampled.total() - exact.total()) <= exact.total() / 10, "total " + sampled.total());
        Map<String, Long> kinds = new java.util.HashMap<>();
        exact.facets().get(FacetDimensions.KIND).forEach(f -> kinds.put(f.value(), f.count()));
        assertEquals(KINDS.length, kinds.size());
        assertEquals(KINDS.length, sampled.facets().get(FacetDimensions.KIND).size(), "every kind in the sample");
        for (FacetCount f : sampled.facets().get(FacetDimensions.KIND)) {
            long real = kinds.get(f.value());
            assertTrue(Math.abs(f.count() - real) <= real / 10, f + " against " + real);
        }
    }

    @Test
    void at_or_under_the_bound_and_within_its_margin_counts_stay_exact() throws Exception {
        LuceneFacetPass.Result exact = count(new MatchAllDocsQuery(), LuceneFacetPass.EXACT_UP_TO);
        for (long bound : new long[] {4000, 3500}) {
            LuceneFacetPass.Result r = count(new MatchAllDocsQuery(), bound);
            assertFalse(r.estimated(), "bound " + bound);
            assertEquals(exact, r, "bound " + bound);
        }
    }

    @Test
    void the_portal_counts_exactly_below_a_hundred_thousand_matches() throws Exception {
        SearchResponse r = search.search(new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.RELEVANCE,
                1, 10));
        assertEquals(4000, r.total());
        assertFalse(r.estimated());
    }
}
