package vn.archive.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import vn.archive.model.InForce;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Counts a search's total and every facet dimension, the in-force status included, in one pass over the matches:
 * the matching query without its scoring-only clauses ({@code QueryFactory.matching}), no scores, each match's facet
 * ordinals read once from its segment and mapped to the reader's through the ordinal map kept per reader
 * ({@link Ordinals}), its in-force status from an array kept per reader and day ({@link Statuses}). The filters are
 * tested on those same ordinals, so drill-sideways needs no second query: a match that fails no filter counts in every
 * dimension and the total, one that fails exactly one filter counts in that filter's dimension only (each dimension
 * is counted as if its own filter were not set), the in-force filter being one of them.
 *
 * <p>Over 350 lines because the per-reader ordinal ranges, the filters resolved per segment and the per-document
 * drill-sideways test are one unit: split, each part would reach into the others' arrays.
 *
 * <p>The pass replaced a drill-sideways search that scored every match (phrases and pairs included, a third of its
 * time in phrase positions) and one more query per in-force status (issue 18: facets cost 4.9× the query alone at
 * 50,000 documents).
 */
final class LuceneFacetPass {
    /** The dimensions counted, in the answer's order (the in-force status is counted apart). */
    private static final List<String> DIMS = FacetDimensions.SHOWN;

    private LuceneFacetPass() {
    }

    /**
     * The facet field's ordinals of one reader: the map of each segment's ordinals to the reader's, each reader
     * ordinal's dimension ({@link #DIMS} index, -1 for one not shown) and the dimensions' ranges. Built once per
     * reader, with the facet state it comes from.
     */
    static final class Ordinals {
        final SortedSetDocValuesReaderState state;
        /** Null when the reader has one segment (its ordinals are the reader's). */
        private final OrdinalMap map;
        /** The reader's ordinals of each dimension: from {@code start[d]} to {@code end[d]}, both included. */
        private final int[] start;
        private final int[] end;
        /** The same ranges in each segment's own ordinals ([segment][dimension]), empty as start > end. */
        private final int[][] segmentStart;
        private final int[][] segmentEnd;

        Ordinals(SortedSetDocValuesReaderState state) throws IOException {
            this.state = state;
            SortedSetDocValues all = state.getDocValues();
            this.map = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
            this.start = new int[DIMS.size()];
            this.end = new int[DIMS.size()];
            for (int d = 0; d < DIMS.size(); d++) {
                SortedSetDocValuesReaderState.OrdRange r = state.getPrefixToOrdRange().get(DIMS.get(d));
                start[d] = r == null ? 0 : r.start();
                end[d] = r == null ? -1 : r.end();
            }
            List<LeafReaderContext> leaves = state.getReader().leaves();
            this.segmentStart = new int[leaves.size()][DIMS.size()];
            this.segmentEnd = new int[leaves.size()][DIMS.size()];
            for (LeafReaderContext leaf : leaves) {
                SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), state.getField());
                for (int d = 0; d < DIMS.size(); d++) {
                    // a dimension's values sort together ("dim" + separator + value), in every segment as in the reader
                    segmentStart[leaf.ord][d] = insertionPoint(dv, DIMS.get(d) + FacetsConfig.DELIM_CHAR);
                    segmentEnd[leaf.ord][d] = insertionPoint(dv, DIMS.get(d) + (char) (FacetsConfig.DELIM_CHAR + 1)) - 1;
                }
            }
        }

        /** The first ordinal at or after this term in a segment's sorted values. */
        private static int insertionPoint(SortedSetDocValues dv, String term) throws IOException {
            long found = dv.lookupTerm(new BytesRef(term));
            return (int) (found >= 0 ? found : -1 - found);
        }

        private LongValues global(LeafReaderContext leaf) {
            return map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
        }
    }

    /**
     * Each document's in-force status ({@link InForce#STATUSES} index) per segment, for one viewer on one day (what
     * later documents end or amend depends on both); -1 where a document has none (a deleted one).
     */
    record Statuses(IndexReader reader, LocalDate day, byte[][] bySegment) { }

    /** A request's filters: per dimension the accepted values; per status whether it is accepted (null: no filter). */
    record Filters(Map<String, List<String>> byDimension, boolean[] statuses) {
        /** A request's filters: dimensions' values as indexed, the in-force statuses apart; empty lists set none. */
        static Filters of(Map<String, List<String>> filters) {
            Map<String, List<String>> byDimension = new LinkedHashMap<>();
            boolean[] statuses = null;
            for (var e : filters.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                if (e.getKey().equals(FacetDimensions.IN_FORCE)) {
                    statuses = new boolean[InForce.STATUSES.size()];
                    for (String s : e.getValue()) {
                        int at = InForce.STATUSES.indexOf(s);
                        if (at >= 0) {
                            statuses[at] = true;
                        }
                    }
                } else {
                    byDimension.put(e.getKey(), e.getValue().stream()
                            .map(v -> FacetDimensions.indexedValue(e.getKey(), v)).toList());
                }
            }
            return new Filters(byDimension, statuses);
        }
    }

    /**
     * The counted answer: the total of matches that pass every filter, each dimension's top values, the statuses;
     * {@code estimated} when they were counted on a sample and scaled up (only above {@link #EXACT_UP_TO} matches).
     */
    record Result(long total, Map<String, List<FacetCount>> facets, boolean estimated) { }

    /** Up to this many matches every count is exact; above it the counts are estimated from a sample. */
    static final long EXACT_UP_TO = 100_000;
    /** About how many documents a sample holds (sampling error of a count near 1%). */
    static final long SAMPLED_MATCHES = 20_000;

    /** Counts the matches of {@code matching} (no facet or status filter in it) under the filters. */
    static Result count(IndexSearcher searcher, Ordinals ords, Statuses statuses, Query matching, Filters filters,
                        int topValues) throws IOException {
        return count(searcher, ords, statuses, matching, filters, topValues, EXACT_UP_TO);
    }

    /** As {@link #count}, exact up to {@code exactUpTo} matches (tests sample small indexes). */
    static Result count(IndexSearcher searcher, Ordinals ords, Statuses statuses, Query matching, Filters filters,
                        int topValues, long exactUpTo) throws IOException {
        SortedSetDocValues all = ords.state.getDocValues();
        List<String> filteredDims = new ArrayList<>(filters.byDimension().keySet());
        List<BytesRef[]> filterTerms = new ArrayList<>();
        for (String dim : filteredDims) {
            filterTerms.add(filters.byDimension().get(dim).stream()
                    .map(v -> new BytesRef(FacetsConfig.pathToString(dim, new String[] {v}))).toArray(BytesRef[]::new));
        }
        Weight weight = searcher.createWeight(searcher.rewrite(matching), ScoreMode.COMPLETE_NO_SCORES, 1f);
        IndexReader reader = searcher.getIndexReader();
        Counter merged = null;
        int every = 1;
        long bound = LuceneFacetSample.upperBound(weight, reader);
        if (bound > exactUpTo) {
            every = (int) Math.max(2, Math.min(Integer.MAX_VALUE, bound / SAMPLED_MATCHES));
            Counter sample = new Counter(ords, statuses, filters.statuses(), filteredDims, filterTerms);
            LuceneFacetSample.sampled(weight, reader, sample, every);
            // kept only when it stands clearly above the bound; nearer, every match is counted
            if (sample.total * every > exactUpTo + exactUpTo / 4) {
                merged = sample;
            } else {
                every = 1;
            }
        }
        if (merged == null) {
            merged = new Counter(ords, statuses, filters.statuses(), filteredDims, filterTerms);
            LuceneFacetSample.all(weight, reader, merged);
        }
        if (every > 1) {
            merged.scale(every);
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (int d = 0; d < DIMS.size(); d++) {
            facets.put(DIMS.get(d), top(all, merged.counts, ords.start[d], ords.end[d], topValues));
        }
        List<FacetCount> inForce = new ArrayList<>();
        for (int s = 0; s < InForce.STATUSES.size(); s++) {
            if (merged.statusCounts[s] > 0) {
                inForce.add(new FacetCount(InForce.STATUSES.get(s), merged.statusCounts[s]));
            }
        }
        facets.put(FacetDimensions.IN_FORCE, inForce);
        return new Result(merged.total, facets, every > 1);
    }

    /**
     * A dimension's {@code n} most frequent values with their counts, ties by the index's order of the values (as
     * Lucene's {@code getTopChildren} ranks them); values counted 0 are left out.
     */
    private static List<FacetCount> top(SortedSetDocValues all, int[] counts, int from, int to, int n)
            throws IOException {
        // a bounded heap of ordinals: the weakest (lowest count, then highest ordinal) on top
        PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) -> counts[a] != counts[b]
                ? Integer.compare(counts[a], counts[b]) : Integer.compare(b, a));
        for (int o = from; o <= to; o++) {
            if (counts[o] == 0) {
                continue;
            }
            if (heap.size() < n) {
                heap.add(o);
            } else {
                int weakest = heap.peek();
                if (counts[o] > counts[weakest]) {
                    heap.poll();
                    heap.add(o);
                }
            }
        }
        List<FacetCount> out = new ArrayList<>(heap.size());
        while (!heap.isEmpty()) {
            int o = heap.poll();
            String[] path = FacetsConfig.stringToPath(all.lookupOrd(o).utf8ToString());
            out.add(new FacetCount(path[path.length - 1], counts[o]));
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * The counting collector of one slice of segments. A segment's matches are counted by the segment's own ordinals
     * (no map lookup per value), then each value counted is added to the reader's ordinal once; the filters are the
     * segment's ordinals of their values.
     */
    private static final class Counter implements Collector {
        private final Ordinals ords;
        private final Statuses statuses;
        private final boolean[] statusFilter;
        /** The filtered dimensions ({@link #DIMS} index, -1 for a dimension not counted) and their values' terms. */
        private final int[] filteredDim;
        private final List<BytesRef[]> filterTerms;
        final int[] counts;
        final long[] statusCounts = new long[InForce.STATUSES.size()];
        long total;

        Counter(Ordinals ords, Statuses statuses, boolean[] statusFilter, List<String> filteredDims,
                List<BytesRef[]> filterTerms) {
            this.ords = ords;
            this.statuses = statuses;
            this.statusFilter = statusFilter;
            this.filteredDim = filteredDims.stream().mapToInt(DIMS::indexOf).toArray();
            this.filterTerms = filterTerms;
            this.counts = new int[Math.max(1, ords.state.getSize())];
        }

        /** A sample's counts scaled to the whole: each times the sampling rate's inverse. */
        void scale(int every) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= every;
            }
            for (int i = 0; i < statusCounts.length; i++) {
                statusCounts[i] *= every;
            }
            total *= every;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            return new SegmentCounter(leaf);
        }

        /** One segment's counts, in its own ordinals, added to the reader's when the segment is done. */
        private final class SegmentCounter implements LeafCollector {
            private final SortedSetDocValues dv;
            private final LeafReaderContext leaf;
            private final byte[] status;
            private final int[] segmentCounts;
            /** Per filter, the segment ordinals of its values (-1 for a value no document of the segment has). */
            private final long[][] accepted;
            private final int[] dimStart;
            private final int[] dimEnd;
            private final boolean plain;
            private long[] buffer = new long[16];

            SegmentCounter(LeafReaderContext leaf) throws IOException {
                this.leaf = leaf;
                this.dv = DocValues.getSortedSet(leaf.reader(), ords.state.getField());
                this.status = statuses.bySegment()[leaf.ord];
                this.segmentCounts = new int[(int) Math.max(1, dv.getValueCount())];
                this.accepted = new long[filteredDim.length][];
                for (int f = 0; f < filteredDim.length; f++) {
                    BytesRef[] terms = filterTerms.get(f);
                    accepted[f] = new long[terms.length];
                    for (int i = 0; i < terms.length; i++) {
                        long o = dv.lookupTerm(terms[i]);
                        accepted[f][i] = o >= 0 ? o : -1;
                    }
                }
                this.dimStart = ords.segmentStart[leaf.ord];
                this.dimEnd = ords.segmentEnd[leaf.ord];
                this.plain = filteredDim.length == 0 && statusFilter == null;
            }

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                int n = 0;
                if (dv.advanceExact(doc)) {
                    n = dv.docValueCount();
                    if (n > buffer.length) {
                        buffer = new long[n];
                    }
                    for (int i = 0; i < n; i++) {
                        buffer[i] = dv.nextOrd();
                    }
                }
                int st = status[doc];
                if (plain) {
                    countAll(n, st);
                    return;
                }
                // which filters the document passes: a bit per filter
                long passed = 0;
                for (int f = 0; f < accepted.length; f++) {
                    if (passes(accepted[f], n)) {
                        passed |= 1L << f;
                    }
                }
                boolean statusOk = statusFilter == null || (st >= 0 && statusFilter[st]);
                int failed = accepted.length - Long.bitCount(passed) + (statusOk ? 0 : 1);
                if (failed == 0) {
                    countAll(n, st);
                } else if (failed == 1) {
                    if (!statusOk) {
                        if (st >= 0) {
                            statusCounts[st]++;
                        }
                        return;
                    }
                    // the one failed dimension is counted as if its filter were not set
                    int f = Long.numberOfTrailingZeros(~passed);
                    int d = filteredDim[f];
                    if (d < 0) {
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] >= dimStart[d] && buffer[i] <= dimEnd[d]) {
                            segmentCounts[(int) buffer[i]]++;
                        }
                    }
                }
            }

            /** A match that passes every filter: in the total, every dimension and its status. */
            private void countAll(int n, int st) {
                total++;
                for (int i = 0; i < n; i++) {
                    segmentCounts[(int) buffer[i]]++;
                }
                if (st >= 0) {
                    statusCounts[st]++;
                }
            }

            private boolean passes(long[] values, int n) {
                for (int i = 0; i < n; i++) {
                    for (long v : values) {
                        if (buffer[i] == v) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public void finish() {
                LongValues global = ords.global(leaf);
                for (int o = 0; o < segmentCounts.length; o++) {
                    if (segmentCounts[o] != 0) {
                        counts[(int) global.get(o)] += segmentCounts[o];
                    }
                }
            }
        }
    }
}
