package vn.archive.search;

import java.util.List;
import java.util.Map;

/** A page of results with the total count and facet counts, in the JSON API's shape. */
public record SearchResponse(String query, long total, int page, int size, List<SearchHit> hits,
                             Map<String, List<FacetCount>> facets) {
}
