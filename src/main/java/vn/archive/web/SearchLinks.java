package vn.archive.web;

import vn.archive.search.SearchRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The GET URLs of search states reachable from one state: add or drop a filter, change page or sort. Every state
 * of the search page is a plain URL, so it can be bookmarked, shared and reached with the back button.
 */
final class SearchLinks {
    private final SearchRequest request;
    private final int defaultSize;

    SearchLinks(SearchRequest request, int defaultSize) {
        this.request = request;
        this.defaultSize = defaultSize;
    }

    /** This state, on its first page, with one more filter value. */
    String with(String dim, String value) {
        return url(withFilter(dim, value, true), request.from(), request.to(), request.sort(), 1);
    }

    /** This state, on its first page, without one filter value. */
    String without(String dim, String value) {
        return url(withFilter(dim, value, false), request.from(), request.to(), request.sort(), 1);
    }

    /** The request that {@link #without} links to, for counting what a removal would give. */
    SearchRequest requestWithout(String dim, String value) {
        return new SearchRequest(request.query(), withFilter(dim, value, false), request.from(), request.to(),
                request.sort(), 1, 1);
    }

    String withoutFrom() {
        return url(request.filters(), null, request.to(), request.sort(), 1);
    }

    String withoutTo() {
        return url(request.filters(), request.from(), null, request.sort(), 1);
    }

    SearchRequest requestWithoutDates() {
        return new SearchRequest(request.query(), request.filters(), null, null, request.sort(), 1, 1);
    }

    String withoutDates() {
        return url(request.filters(), null, null, request.sort(), 1);
    }

    String withoutQuery() {
        return build("", request.filters(), request.from(), request.to(), request.sort(), 1);
    }

    SearchRequest requestWithoutQuery() {
        return new SearchRequest("", request.filters(), request.from(), request.to(), request.sort(), 1, 1);
    }

    /** The query alone, every filter dropped. */
    String onlyQuery() {
        return url(Map.of(), null, null, request.sort(), 1);
    }

    String page(int page) {
        return url(request.filters(), request.from(), request.to(), request.sort(), page);
    }

    String sort(SearchRequest.Sort sort) {
        return url(request.filters(), request.from(), request.to(), sort, 1);
    }

    /** The same search as an export in this format ("csv" or "json"), every hit. */
    String export(String format) {
        return "/api/export." + format + query(request.query(), request.filters(), request.from(), request.to(),
                request.sort(), 1, false);
    }

    private Map<String, List<String>> withFilter(String dim, String value, boolean add) {
        Map<String, List<String>> filters = new LinkedHashMap<>(request.filters());
        List<String> values = new ArrayList<>(filters.getOrDefault(dim, List.of()));
        values.remove(value);
        if (add) {
            values.add(value);
        }
        if (values.isEmpty()) {
            filters.remove(dim);
        } else {
            filters.put(dim, values);
        }
        return filters;
    }

    private String url(Map<String, List<String>> filters, LocalDate from, LocalDate to, SearchRequest.Sort sort,
                       int page) {
        return build(request.query(), filters, from, to, sort, page);
    }

    private String build(String q, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                         SearchRequest.Sort sort, int page) {
        return "/" + query(q, filters, from, to, sort, page, true);
    }

    private String query(String q, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                         SearchRequest.Sort sort, int page, boolean withSize) {
        StringJoiner out = new StringJoiner("&", "?", "");
        out.setEmptyValue("");
        if (!q.isEmpty()) {
            out.add("q=" + Views.encode(q));
        }
        // a fixed dimension order keeps equal states at equal URLs
        for (String dim : SearchParams.FILTERS) {
            for (String v : filters.getOrDefault(dim, List.of())) {
                out.add(dim + "=" + Views.encode(v));
            }
        }
        if (from != null) {
            out.add("from=" + from);
        }
        if (to != null) {
            out.add("to=" + to);
        }
        if (sort != SearchRequest.Sort.RELEVANCE) {
            out.add("sort=" + sort.name().toLowerCase(Locale.ROOT));
        }
        if (page > 1) {
            out.add("page=" + page);
        }
        if (withSize && request.size() != defaultSize) {
            out.add("size=" + request.size());
        }
        return out.toString();
    }
}
