package vn.archive.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import vn.archive.index.LuceneIndex;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counting as it was before issue 18's one-pass count, kept runnable for the benchmark's before/after in one run
 * and for the tests that compare the counts: a drill-sideways search that scores every match beside the page, then one
 * count query per in-force status (commit 492983c).
 */
public final class FacetCountBaselines {
    private FacetCountBaselines() {
    }

    /** A search service over this index that counts facets as before. */
    public static SearchService previousCounting(LuceneIndex index, QueryFactory queries) {
        return new LuceneSearchService(index, queries, new LuceneHits(new LuceneSnippets(queries, index.analyzer())),
                FacetCountBaselines::previous);
    }

    /** What the facet benchmark measures of one request, each way on the same query, with no count kept. */
    public enum Way {
        /** The page alone: the top hits of the query, which lets Lucene skip what cannot compete. */
        ALONE,
        /** The page and every count as before issue 18 (drill sideways scoring every match, a query per status). */
        BEFORE,
        /** The page and every count as now (the page alone, then one unscored counting pass). */
        AFTER
    }

    /**
     * Answers a request's page (and, but for {@link Way#ALONE}, its total and counts) on the service's current
     * reader, without its count cache; the total found (a lower bound for {@link Way#ALONE}).
     */
    public static long answer(SearchService service, SearchRequest request, Way way) throws IOException {
        LuceneSearchService view = (LuceneSearchService) service;
        LuceneIndex index = view.index();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            LocalDate today = LocalDate.now();
            DrillDownQuery drill = view.drillDown(request, reader, today, true);
            int topN = request.page() * request.size();
            Sort order = LuceneRequests.sort(request.sort());
            return switch (way) {
                case ALONE -> searcher.search(drill, topN, order == null ? Sort.RELEVANCE : order).totalHits.value();
                case BEFORE -> previous(view, searcher, request, drill, topN, order, today).total();
                case AFTER -> view.onePass(searcher, request, drill, topN, order, today).total();
            };
        } finally {
            index.searchers().release(searcher);
        }
    }

    private static LuceneSearchService.Counted previous(LuceneSearchService view, IndexSearcher searcher,
                                                        SearchRequest request, DrillDownQuery drill, int topN,
                                                        Sort order, LocalDate today) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        SortedSetDocValuesReaderState state = view.facetCounts().state(reader);
        LuceneIndex index = view.index();
        DrillSideways sideways = new DrillSideways(searcher, index.facetsConfig(), state);
        DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, topN, order, false);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : FacetDimensions.SHOWN) {
            facets.put(dim, LuceneFacetCounts.counts(result.facets, dim, LuceneFacetCounts.FACET_VALUES));
        }
        Query others = view.drillDown(request, reader, today, false);
        LuceneInForce.Changed changed = view.changed(reader, today);
        List<FacetCount> inForce = new ArrayList<>();
        for (String status : vn.archive.model.InForce.STATUSES) {
            int n = searcher.count(new BooleanQuery.Builder().add(others, Occur.MUST)
                    .add(LuceneInForce.status(status, changed, today), Occur.FILTER).build());
            if (n > 0) {
                inForce.add(new FacetCount(status, n));
            }
        }
        facets.put(FacetDimensions.IN_FORCE, inForce);
        return new LuceneSearchService.Counted(result.hits, result.hits.totalHits.value(), facets, false);
    }
}
