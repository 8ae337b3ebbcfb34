package vn.archive.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;

/**
 * How {@link LuceneFacetPass} visits the matches: all of them, or one in {@code every} documents of the index chosen
 * by a hash of the document number (not every n-th: documents imported together resemble each other), skipping the
 * others in the postings. A sample is only taken when the query may match more than {@code LuceneFacetPass.EXACT_UP_TO}
 * documents, and kept only when it estimates more than that with a margin; otherwise every match is counted.
 */
final class LuceneFacetSample {
    private LuceneFacetSample() {
    }

    /** At least as many documents as the query matches: exact where Lucene counts cheaply, else its cost estimate. */
    static long upperBound(Weight weight, IndexReader reader) throws IOException {
        long bound = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            int n = weight.count(leaf);
            if (n >= 0) {
                bound += n;
                continue;
            }
            ScorerSupplier s = weight.scorerSupplier(leaf);
            bound += s == null ? 0 : Math.min(s.cost(), leaf.reader().maxDoc());
        }
        return bound;
    }

    /** Every match, segment by segment, through Lucene's bulk scorer (no scores are asked). */
    static void all(Weight weight, IndexReader reader, Collector collector) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafCollector lc = collector.getLeafCollector(leaf);
            BulkScorer bulk = weight.bulkScorer(leaf);
            if (bulk != null) {
                bulk.score(lc, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            }
            lc.finish();
        }
    }

    /** The matches among the sampled documents (one in {@code every}). */
    static void sampled(Weight weight, IndexReader reader, Collector collector, int every) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafCollector lc = collector.getLeafCollector(leaf);
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
                DocIdSetIterator approx = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
                Bits live = leaf.reader().getLiveDocs();
                int max = leaf.reader().maxDoc();
                int doc = next(leaf.docBase, -1, max, every);
                while (doc < max) {
                    int at = approx.docID() >= doc ? approx.docID() : approx.advance(doc);
                    if (at == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (at == doc) {
                        if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
                            lc.collect(doc);
                        }
                        doc = next(leaf.docBase, doc, max, every);
                    } else {
                        doc = next(leaf.docBase, at - 1, max, every);
                    }
                }
            }
            lc.finish();
        }
    }

    /** The first sampled document after {@code after} in a segment, or {@code max}. */
    private static int next(int base, int after, int max, int every) {
        for (int d = after + 1; d < max; d++) {
            if (sampled(base + d, every)) {
                return d;
            }
        }
        return max;
    }

    /** Whether the index's document {@code doc} is in the sample (a mix of its bits, so neighbours are not alike). */
    static boolean sampled(int doc, int every) {
        int h = doc * 0x9E3779B9;
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return Integer.remainderUnsigned(h, every) == 0;
    }
}
