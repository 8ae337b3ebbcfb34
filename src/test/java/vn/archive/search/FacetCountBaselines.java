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
        return new LuceneSearchService.Counted(result.hits, result.hits.totalHits.value(), facets);
    }
}
