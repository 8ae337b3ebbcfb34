package vn.archive.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results with the total count and facet counts, in the JSON API's shape. {@code estimated}: the total and
 * the counts were estimated from a sample (only above 100,000 matches; the portal shows them with "≈").
 */
public record SearchResponse(String query, long total, int page, int size, List<SearchHit> hits,
                             Map<String, List<FacetCount>> facets, boolean estimated) {
    /** An answer whose total and counts are exact. */
    public SearchResponse(String query, long total, int page, int size, List<SearchHit> hits,
                          Map<String, List<FacetCount>> facets) {
        this(query, total, page, size, hits, facets, false);
    }
}
