package vn.archive.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import vn.archive.index.LuceneIndex;
import vn.archive.model.InForce;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counting for one view of the embedded index: the ordinal state of the facet fields and its ordinal map
 * (costly to build, kept per reader), the documents' in-force statuses (kept per reader and day), every value of one
 * dimension, and the counts of recent queries kept per reader. A search's counts come from {@link LuceneFacetPass}.
 */
final class LuceneFacetCounts {
    /** Values shown per dimension beside the hits. */
    static final int FACET_VALUES = 20;
    /** Queries whose counts are kept per reader (a few KB each). */
    private static final int COUNT_CACHE_QUERIES = 1024;
    static final Comparator<FacetCount> BY_COUNT = Comparator.comparingLong(FacetCount::count).reversed()
            .thenComparing(FacetCount::value);

    private final LuceneIndex index;
    /** Facet state is costly to build; keep one per reader. */
    private volatile ReaderState readerState;
    /**
     * Facet counts and totals of recent queries, for the current reader only. Counting visits every matching
     * document, while the page of hits alone lets Lucene skip most of them, so a repeated query (a browse page, a
     * popular search, the next page of results) pays for counting once per index change.
     */
    private volatile CountCache countCache;

    /** The statuses of the documents for this view on one day, kept until the reader or the day changes. */
    private volatile LuceneFacetPass.Statuses statuses;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state,
                               LuceneFacetPass.Ordinals ordinals) { }

    /** The total and the facet counts of one query on one reader; estimated when counted on a sample. */
    record Counted(long total, Map<String, List<FacetCount>> facets, boolean estimated) { }

    /** Counts of recent queries on one reader; a refreshed reader starts an empty cache. */
    private record CountCache(IndexReader reader, Map<CountKey, Counted> counts) { }

    /**
     * What a drill-down query counts: its base query and its drill-down clauses, as values. A {@code DrillDownQuery}
     * is not a key itself: its equality compares the builders of its clauses by identity, so a filtered query
     * (browse, {@code cites:}) never equalled its own repetition and was counted afresh every time.
     */
    private record CountKey(Query base, List<Query> drillDowns, LocalDate day) {
        static CountKey of(DrillDownQuery drill, LocalDate day) {
            return new CountKey(drill.getBaseQuery(), List.of(drill.getDrillDownQueries()), day);
        }
    }

    LuceneFacetCounts(LuceneIndex index) {
        this.index = index;
    }

    /** The facet ordinals of this reader, or null on an index that has no facet field yet. */
    SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        ReaderState current = readerState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, index.facetsConfig());
        } catch (IllegalArgumentException noFacetsYet) {
            // an empty index has no facet field at all
            return null;
        }
        readerState = new ReaderState(reader, state, new LuceneFacetPass.Ordinals(state));
        return state;
    }

    /** The facet ordinals of this reader mapped for the one-pass count, or null on an index without facets. */
    LuceneFacetPass.Ordinals ordinals(IndexReader reader) throws IOException {
        if (state(reader) == null) {
            return null;
        }
        ReaderState current = readerState;
        // another thread may have kept a newer reader's state meanwhile: map this reader's own
        return current.reader() == reader ? current.ordinals() : new LuceneFacetPass.Ordinals(state(reader));
    }

    /**
     * Each document's in-force status for this view on {@code today} ({@code InForce.STATUSES} index per segment),
     * kept for the reader and the day: the status queries read the whole index once, not once per search, and what
     * later documents changed ({@code changed}) is gathered only then.
     */
    LuceneFacetPass.Statuses statuses(IndexSearcher searcher, IOSupplier<LuceneInForce.Changed> changed,
                                      LocalDate today) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        LuceneFacetPass.Statuses kept = statuses;
        if (kept != null && kept.reader() == reader && kept.day().equals(today)) {
            return kept;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        byte[][] bySegment = new byte[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            bySegment[leaf.ord] = new byte[leaf.reader().maxDoc()];
            Arrays.fill(bySegment[leaf.ord], (byte) -1);
        }
        List<String> all = InForce.STATUSES;
        LuceneInForce.Changed ended = changed.get();
        for (int s = 0; s < all.size(); s++) {
            Weight w = searcher.createWeight(searcher.rewrite(LuceneInForce.status(all.get(s), ended, today)),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : leaves) {
                Scorer scorer = w.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    bySegment[leaf.ord][doc] = (byte) s;
                }
            }
        }
        LuceneFacetPass.Statuses made = new LuceneFacetPass.Statuses(reader, today, bySegment);
        statuses = made;
        return made;
    }

    /** Every value of a dimension among the documents of {@code directives}, the most frequent first. */
    List<FacetCount> allValues(IndexSearcher searcher, Query directives, String dimension) throws IOException {
        SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
        if (state == null) {
            return List.of();
        }
        Facets all = directives instanceof MatchAllDocsQuery ? new SortedSetDocValuesFacetCounts(state)
                : new SortedSetDocValuesFacetCounts(state, FacetsCollectorManager.search(searcher,
                        directives, 1, new FacetsCollectorManager()).facetsCollector());
        List<FacetCount> out = new ArrayList<>(counts(all, dimension, 0));
        out.sort(BY_COUNT);
        return out;
    }

    /** The counts this reader already gave for the query on that day, or null. */
    Counted cached(IndexReader reader, DrillDownQuery drill, LocalDate day) {
        CountCache c = countCache;
        if (c == null || c.reader() != reader) {
            return null;
        }
        synchronized (c.counts()) {
            return c.counts().get(CountKey.of(drill, day));
        }
    }

    /** Keeps the total and counts of a query for this reader (the counts frozen in their dimensions' order). */
    void remember(IndexReader reader, DrillDownQuery drill, LocalDate day, long total,
                  Map<String, List<FacetCount>> facets, boolean estimated) {
        CountCache c = countCache;
        if (c == null || c.reader() != reader) {
            c = new CountCache(reader, new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CountKey, Counted> eldest) {
                    return size() > COUNT_CACHE_QUERIES;
                }
            });
            countCache = c;
        }
        synchronized (c.counts()) {
            c.counts().put(CountKey.of(drill, day), new Counted(total, frozen(facets), estimated));
        }
    }

    /** Every answered dimension with no value: counts not asked for, or nothing to count yet. */
    static Map<String, List<FacetCount>> none() {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        FacetDimensions.SHOWN.forEach(f -> out.put(f, List.of()));
        out.put(FacetDimensions.IN_FORCE, List.of());
        return out;
    }

    /** An unmodifiable copy that keeps the order of the dimensions (the JSON answer lists them in this order). */
    private static Map<String, List<FacetCount>> frozen(Map<String, List<FacetCount>> facets) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        facets.forEach((dim, counts) -> out.put(dim, List.copyOf(counts)));
        return Collections.unmodifiableMap(out);
    }

    /** The counts of a dimension's top values, or of all its values when {@code top} is 0. */
    static List<FacetCount> counts(Facets facets, String dim, int top) throws IOException {
        FacetResult r;
        try {
            r = top > 0 ? facets.getTopChildren(top, dim) : facets.getAllChildren(dim);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return List.of();
        }
        if (r == null) {
            return List.of();
        }
        List<FacetCount> out = new ArrayList<>();
        for (LabelAndValue lv : r.labelValues) {
            out.add(new FacetCount(lv.label, lv.value.longValue()));
        }
        return out;
    }
}
