package vn.archive.search;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one clearance may see, applied in the one place each kind of answer needs it: a filter clause on queries (so
 * totals and facet counts agree with the hits), a test on a document read by id, the ids a reader may see among a
 * set, and the links of a document to documents the reader may not see (by the rule of {@link HiddenLinks}).
 */
final class LuceneClearanceFilter {
    private final LuceneIndex index;
    private final Clearance clearance;
    /** The links to documents this view may not see, dropped by the rule both backends share. */
    private final HiddenLinks links;
    /** Each open segment's documents this view may not see, by the segment's core ({@link #hidden}). */
    private final Map<IndexReader.CacheKey, FixedBitSet> hiddenBySegment = new ConcurrentHashMap<>();

    LuceneClearanceFilter(LuceneIndex index, Clearance clearance) {
        this.index = index;
        this.clearance = clearance;
        this.links = new HiddenLinks(ids -> among(ids, false), ids -> among(ids, true));
    }

    /**
     * The query limited to what this view may see (a filter clause, so counts and facets agree). Withdrawn documents
     * sit above every clearance ({@code Fields.WITHDRAWN_LEVEL}), so even the highest clearance is filtered.
     */
    Query visible(Query q) {
        return new BooleanQuery.Builder()
                .add(q, Occur.MUST)
                .add(IntPoint.newRangeQuery(Fields.CLEARANCE, clearance.ordinal() + 1, Integer.MAX_VALUE), Occur.MUST_NOT)
                .build();
    }

    /** Whether this view may see a document with this metadata. */
    boolean allows(DocumentMetadata m) {
        return clearance.sees(m);
    }

    /** Whether this view may see a document of this secrecy level. */
    boolean allows(Clearance level) {
        return clearance.allows(level);
    }

    /** The ids among these that this view may see, found in one query. */
    Set<String> visibleAmong(Collection<String> ids) throws IOException {
        return among(ids, true);
    }

    /**
     * The ids among these the index holds, only those this view may see when {@code visibleOnly}: each id looked up
     * in each segment's terms, and tested against the segment's documents this view may not see ({@link #hidden}).
     * A tree's or a tracking's few ids cost a few term lookups, not a query whose clearance clause reads the points
     * of the whole segment each time. The largest segments are asked first, and an id once found is not sought in
     * the others (an id has one live document), so a tree of 1,000 ids over a dozen segments costs a few thousand
     * lookups, not twelve thousand.
     */
    private Set<String> among(Collection<String> ids, boolean visibleOnly) throws IOException {
        List<BytesRef> pending = ids.stream().filter(Objects::nonNull).distinct().sorted().map(BytesRef::new).toList();
        if (pending.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            List<LeafReaderContext> leaves = new ArrayList<>(searcher.getIndexReader().leaves());
            leaves.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().numDocs()).reversed());
            for (LeafReaderContext leaf : leaves) {
                if (pending.isEmpty()) {
                    break;
                }
                Terms idTerms = leaf.reader().terms(Fields.ID);
                if (idTerms == null) {
                    continue;
                }
                TermsEnum te = idTerms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                Bits hidden = visibleOnly ? hidden(searcher, leaf) : null;
                PostingsEnum postings = null;
                List<BytesRef> notFound = new ArrayList<>(pending.size());
                for (BytesRef id : pending) {
                    boolean found = false;
                    if (te.seekExact(id)) {
                        postings = te.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
                             doc = postings.nextDoc()) {
                            if ((live == null || live.get(doc)) && (hidden == null || !hidden.get(doc))) {
                                found = true;
                                break;
                            }
                        }
                    }
                    if (found) {
                        out.add(id.utf8ToString());
                    } else {
                        notFound.add(id); // a hidden one is sought on: only a visible live copy answers for it
                    }
                }
                pending = notFound;
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * The documents of a segment this view may not see (secret above its clearance, or withdrawn: the clause of
     * {@link #visible}), found once per segment: a segment's documents never change, and its set is dropped when
     * the segment closes, so an import or a withdrawal is seen at once (in the segment it writes).
     */
    private Bits hidden(IndexSearcher searcher, LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        FixedBitSet kept = core == null ? null : hiddenBySegment.get(core.getKey());
        if (kept != null) {
            return kept;
        }
        FixedBitSet found = new FixedBitSet(leaf.reader().maxDoc());
        Query above = IntPoint.newRangeQuery(Fields.CLEARANCE, clearance.ordinal() + 1, Integer.MAX_VALUE);
        Scorer scorer = searcher.createWeight(searcher.rewrite(above), ScoreMode.COMPLETE_NO_SCORES, 1f).scorer(leaf);
        if (scorer != null) {
            found.or(scorer.iterator());
        }
        if (core != null && hiddenBySegment.putIfAbsent(core.getKey(), found) == null) {
            core.addClosedListener(hiddenBySegment::remove);
        }
        return found;
    }

    /** The documents without their links to documents this view may not see ({@link HiddenLinks}), in their order. */
    List<ArchivedDocument> withoutHiddenLinks(List<ArchivedDocument> docs) throws IOException {
        return links.strip(docs);
    }

    /** The document without its links to documents this view may not see ({@link HiddenLinks}). */
    ArchivedDocument withoutHiddenLinks(ArchivedDocument d) throws IOException {
        return links.strip(d);
    }
}
