package vn.archive.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facet counts kept per reader: a repeated query answers as the first one did, and a changed index recounts. */
class FacetCountCacheTest {
    private LuceneIndex index;
    private LuceneSearchService search;

    @BeforeEach
    void index() throws Exception {
        index = LuceneIndex.open(new ByteBuffersDirectory());
        for (int i = 1; i <= 30; i++) {
            add(i, i % 3 == 0 ? "Công văn" : "Kế hoạch", LocalDate.of(2010 + i % 7, 1 + i % 12, 1 + i % 28));
        }
        index.commit();
        search = new LuceneSearchService(index);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void add(int i, String kind, LocalDate date) throws Exception {
        String text = kind + " số " + i + "-KH/HU về phong trào thi đua Dân vận khéo, công tác dân vận năm " + date.getYear();
        String sha = vn.archive.storage.ContentStore.sha256(text.getBytes(StandardCharsets.UTF_8));
        DocumentMetadata m = DocumentMetadata.builder().kind(kind).number(i + "-KH/HU").date(date)
                .title(kind + " về phong trào thi đua số " + i).issuer("Ban Thường vụ Huyện ủy Đơn Dương")
                .level("huyện").build();
        index.upsert(new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                new SourceInfo(i + ".txt", sha, "text/plain", false, text.length(), List.of(i + ".txt")), text, List.of()));
    }

    private static SearchRequest page(String q, int page, int size) {
        return new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, page, size);
    }

    @Test
    void a_repeated_query_answers_exactly_as_the_first_time() throws Exception {
        SearchResponse first = search.search(page("dân vận", 1, 5));
        SearchResponse again = search.search(page("dân vận", 1, 5));
        assertEquals(30, first.total());
        assertEquals(first, again);
        assertEquals(FacetDimensions.ANSWERED, List.copyOf(again.facets().keySet()), "dimensions keep their order");
    }

    @Test
    void the_next_page_keeps_the_total_and_counts_and_moves_the_hits() throws Exception {
        SearchResponse one = search.search(page("phong trào", 1, 10));
        SearchResponse two = search.search(page("phong trào", 2, 10));
        assertEquals(one.total(), two.total());
        assertEquals(one.facets(), two.facets());
        assertEquals(10, two.hits().size());
        assertNotEquals(one.hits().get(0).id(), two.hits().get(0).id());
    }

    /**
     * A counting pass builds new facet lists; an answer from the count cache hands out the lists it remembered, so the
     * same instances coming back show that nothing was counted again.
     */
    @Test
    void a_repeated_filtered_query_is_counted_once() throws Exception {
        search.search(letters("Công văn"));
        SearchResponse second = search.search(letters("Công văn"));
        SearchResponse third = search.search(letters("Công văn"));
        assertSame(second.facets().get("kind"), third.facets().get("kind"),
                "the same filters, built again, hit the count cache");
        assertEquals(second, third);
        SearchResponse plans = search.search(letters("Kế hoạch"));
        assertNotSame(third.facets().get("kind"), plans.facets().get("kind"), "another filter value is counted on its own");
        assertNotEquals(third.total(), plans.total());
    }

    private static SearchRequest letters(String kind) {
        return new SearchRequest("", Map.of("kind", List.of(kind)), null, null, SearchRequest.Sort.NEWEST, 1, 20);
    }

    @Test
    void a_filtered_query_is_counted_apart_from_the_unfiltered_one() throws Exception {
        SearchResponse all = search.search(page("dân vận", 1, 20));
        SearchResponse letters = search.search(new SearchRequest("dân vận", Map.of("kind", List.of("Công văn")),
                null, null, SearchRequest.Sort.NEWEST, 1, 20));
        assertEquals(30, all.total());
        assertEquals(10, letters.total());
        assertEquals(30, search.search(page("dân vận", 1, 20)).total());
    }

    @Test
    void facets_can_be_skipped_with_every_dimension_empty_and_the_same_hits_and_total() throws Exception {
        SearchRequest without = new SearchRequest("dân vận", Map.of("kind", List.of("Kế hoạch")), null, null,
                SearchRequest.Sort.NEWEST, 1, 5, false);
        SearchResponse skipped = search.search(without);
        assertEquals(FacetDimensions.ANSWERED, List.copyOf(skipped.facets().keySet()));
        assertTrue(skipped.facets().values().stream().allMatch(List::isEmpty));
        SearchResponse counted = search.search(new SearchRequest("dân vận", Map.of("kind", List.of("Kế hoạch")), null,
                null, SearchRequest.Sort.NEWEST, 1, 5));
        assertEquals(20, counted.total());
        assertEquals(counted.total(), skipped.total());
        assertEquals(counted.hits(), skipped.hits());
        assertTrue(search.search(without).facets().values().stream().allMatch(List::isEmpty),
                "counts known from the cache are still left out when not asked for");
    }

    @Test
    void a_changed_index_is_counted_again() throws Exception {
        SearchResponse before = search.search(page("dân vận", 1, 5));
        add(31, "Công văn", LocalDate.of(2024, 5, 6));
        index.commit();
        SearchResponse after = search.search(page("dân vận", 1, 5));
        assertEquals(before.total() + 1, after.total());
        long letters = after.facets().get("kind").stream().filter(c -> c.value().equals("Công văn"))
                .mapToLong(FacetCount::count).sum();
        assertEquals(11, letters);
    }
}
