package vn.archive.search;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import vn.archive.index.Fields;

/** The Lucene forms of a search request's parts: its date range and its sort (filter values: {@link FacetDimensions#indexedValue}). */
final class LuceneRequests {
    private LuceneRequests() {
    }

    /** The query kept to the request's date range, when it has one. */
    static Query withDateRange(Query q, SearchRequest r) {
        if (r.from() == null && r.to() == null) {
            return q;
        }
        long lo = r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay();
        long hi = r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay();
        return new BooleanQuery.Builder()
                .add(q, Occur.MUST)
                .add(LongPoint.newRangeQuery(Fields.DATE, lo, hi), Occur.FILTER)
                .build();
    }

    /** The order of a sort choice; null for relevance. */
    static Sort sort(SearchRequest.Sort s) {
        return switch (s) {
            case RELEVANCE -> null;
            case NEWEST -> {
                SortField f = new SortField(Fields.DATE, SortField.Type.LONG, true);
                f.setMissingValue(Long.MIN_VALUE);
                yield new Sort(f, SortField.FIELD_SCORE);
            }
            case OLDEST -> {
                SortField f = new SortField(Fields.DATE, SortField.Type.LONG, false);
                f.setMissingValue(Long.MAX_VALUE);
                yield new Sort(f, SortField.FIELD_SCORE);
            }
        };
    }
}
