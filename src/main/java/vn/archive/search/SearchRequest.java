package vn.archive.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One search: free text, facet filters, a date range, sort order and page.
 *
 * @param query   free text, possibly a document number, possibly empty (browse)
 * @param filters facet dimension → selected values (values of one dimension are OR-ed, dimensions AND-ed)
 * @param from    earliest date of issue, inclusive, or null
 * @param to      latest date of issue, inclusive, or null
 * @param sort    result order
 * @param page    page number from 1
 * @param size    hits per page
 * @param facets  whether to count facets; a caller that shows none (a number lookup by a program) saves the
 *                counting pass, and gets every dimension with no values
 */
public record SearchRequest(String query, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                            Sort sort, int page, int size, boolean facets) {
    /** Largest page size accepted. */
    public static final int MAX_SIZE = 100;
    /** Longest query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 500;

    /** Result order. */
    public enum Sort { RELEVANCE, NEWEST, OLDEST }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        Objects.requireNonNull(sort, "sort");
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }

    /** A search with facet counts. */
    public SearchRequest(String query, Map<String, List<String>> filters, LocalDate from, LocalDate to, Sort sort,
                         int page, int size) {
        this(query, filters, from, to, sort, page, size, true);
    }

    /** A first page of 20 hits by relevance for this text. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, Sort.RELEVANCE, 1, 20);
    }
}
