package vn.archive.web;

import vn.archive.search.FacetDimensions;
import vn.archive.search.FacetCount;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the search page's model: facet links, removable chips, pager, sort links and no-result suggestions. */
final class SearchPage {
    /** Page numbers shown on each side of the current one. */
    private static final int PAGER_WINDOW = 3;
    /** How many values the search service returns per facet (see LuceneSearchService). */
    private static final int FACET_LIMIT = 20;
    /** Each suggestion costs a search: a URL with dozens of filters must not cost dozens. */
    private static final int MAX_REMOVALS_CHECKED = 10;

    /** A facet dimension and its values. */
    record FacetView(String dim, List<FacetOption> options, boolean active, String moreUrl) { }

    /** Facet lists stop at the top values; these dimensions have a browse page with every value. */
    private static final Map<String, String> BROWSE_ALL = Map.of(FacetDimensions.KIND, "/browse/kinds", FacetDimensions.YEAR,
            "/browse/years", FacetDimensions.ISSUER, "/browse/issuers");

    /** One facet value: selecting it narrows, unselecting widens. */
    record FacetOption(String value, long count, boolean selected, String url) { }

    /** A selected filter, shown as a chip with a link that removes it. */
    record Chip(String dim, String value, String removeUrl) { }

    /** A link in the pager. */
    record PageLink(int number, String url, boolean current) { }

    /** A sort order and the link to it. */
    record SortOption(String value, String url, boolean selected) { }

    /** When nothing matched: dropping this filter would give {@code count} results. */
    record Suggestion(String dim, String value, long count, String url) { }

    private SearchPage() {
    }

    static Map<String, Object> model(SearchService search, SearchRequest request, SearchResponse response,
                                     int defaultSize) throws IOException {
        SearchLinks links = new SearchLinks(request, defaultSize);
        Map<String, Object> model = new HashMap<>();
        model.put("q", request.query());
        model.put("typedQuery", request.query());
        model.put("problems", List.of());
        model.put("request", request);
        model.put("response", response);
        model.put("archiveSize", search.count());
        model.put("facets", facets(request, response, links));
        List<Chip> chips = chips(request, links);
        model.put("chips", chips);
        model.put("clearUrl", links.onlyQuery());
        long pages = Math.max(1, (response.total() + request.size() - 1) / request.size());
        model.put("pages", pages);
        model.put("pager", pager(request.page(), pages, links));
        model.put("prevUrl", request.page() > 1 ? links.page(request.page() - 1) : "");
        model.put("nextUrl", request.page() < pages ? links.page(request.page() + 1) : "");
        model.put("firstShown", response.hits().isEmpty() ? 0 : (long) (request.page() - 1) * request.size() + 1);
        model.put("lastShown", response.hits().isEmpty() ? 0
                : (long) (request.page() - 1) * request.size() + response.hits().size());
        // a shared link to a deep page may outlive the documents: offer the last page that exists
        model.put("lastPageUrl", links.page((int) Math.min(pages, SearchParams.MAX_PAGE)));
        List<SortOption> sorts = new ArrayList<>();
        for (SearchRequest.Sort s : SearchRequest.Sort.values()) {
            sorts.add(new SortOption(s.name().toLowerCase(Locale.ROOT), links.sort(s), s == request.sort()));
        }
        model.put("sorts", sorts);
        model.put("sortValue", request.sort().name().toLowerCase(Locale.ROOT));
        model.put("exportCsv", links.export("csv"));
        model.put("exportJson", links.export("json"));
        model.put("suggestions", response.total() == 0 ? suggestions(search, request, links) : List.of());
        model.put("hiddenFilters", hiddenFilters(request));
        return model;
    }

    private static List<FacetView> facets(SearchRequest request, SearchResponse response, SearchLinks links) {
        List<FacetView> out = new ArrayList<>();
        for (String dim : FacetDimensions.ANSWERED) {
            List<String> selected = request.filters().getOrDefault(dim, List.of());
            List<FacetOption> options = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (FacetCount c : response.facets().getOrDefault(dim, List.of())) {
                boolean on = selected.contains(c.value());
                options.add(new FacetOption(c.value(), c.count(), on,
                        on ? links.without(dim, c.value()) : links.with(dim, c.value())));
                seen.add(c.value());
            }
            for (String v : selected) {
                if (!seen.contains(v)) {
                    // a selected value outside the top counts stays visible, so it can be unselected here too
                    options.add(new FacetOption(v, 0, true, links.without(dim, v)));
                }
            }
            if (!options.isEmpty()) {
                boolean cut = response.facets().getOrDefault(dim, List.of()).size() >= FACET_LIMIT;
                out.add(new FacetView(dim, options, !selected.isEmpty(), cut ? BROWSE_ALL.getOrDefault(dim, "") : ""));
            }
        }
        return out;
    }

    private static List<Chip> chips(SearchRequest request, SearchLinks links) {
        List<Chip> chips = new ArrayList<>();
        for (String dim : SearchParams.FILTERS) {
            for (String v : request.filters().getOrDefault(dim, List.of())) {
                chips.add(new Chip(dim, v, links.without(dim, v)));
            }
        }
        if (request.from() != null) {
            chips.add(new Chip("from", request.from().toString(), links.withoutFrom()));
        }
        if (request.to() != null) {
            chips.add(new Chip("to", request.to().toString(), links.withoutTo()));
        }
        return chips;
    }

    private static List<PageLink> pager(int current, long pages, SearchLinks links) {
        List<PageLink> out = new ArrayList<>();
        long lo = Math.max(1, current - PAGER_WINDOW);
        long hi = Math.min(pages, current + PAGER_WINDOW);
        for (long p = lo; p <= hi; p++) {
            out.add(new PageLink((int) p, links.page((int) p), p == current));
        }
        return out;
    }

    /** Each single removal that would give results, with how many: computed, not guessed. */
    private static List<Suggestion> suggestions(SearchService search, SearchRequest request, SearchLinks links)
            throws IOException {
        List<Suggestion> out = new ArrayList<>();
        int checked = 0;
        for (String dim : SearchParams.FILTERS) {
            for (String v : request.filters().getOrDefault(dim, List.of())) {
                if (++checked > MAX_REMOVALS_CHECKED) {
                    break;
                }
                long n = search.search(links.requestWithout(dim, v)).total();
                if (n > 0) {
                    out.add(new Suggestion(dim, v, n, links.without(dim, v)));
                }
            }
        }
        if (request.from() != null || request.to() != null) {
            long n = search.search(links.requestWithoutDates()).total();
            if (n > 0) {
                out.add(new Suggestion("dates", "", n, links.withoutDates()));
            }
        }
        if (!request.query().isEmpty() && !request.filters().isEmpty()) {
            long n = search.search(links.requestWithoutQuery()).total();
            if (n > 0) {
                out.add(new Suggestion("q", request.query(), n, links.withoutQuery()));
            }
        }
        return out;
    }

    /** The selected filters as name/value pairs, for hidden fields of forms that change q, dates or sort. */
    private static List<Map.Entry<String, String>> hiddenFilters(SearchRequest request) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String dim : SearchParams.FILTERS) {
            for (String v : request.filters().getOrDefault(dim, List.of())) {
                out.add(Map.entry(dim, v));
            }
        }
        return out;
    }
}
