package vn.archive.search;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one clearance may see, applied in the one place each kind of answer needs it: a filter clause on queries (so
 * totals and facet counts agree with the hits), a test on a document read by id, the ids a reader may see among a
 * set, and the links of a document to documents the reader may not see.
 */
final class LuceneClearanceFilter {
    private final LuceneIndex index;
    private final Clearance clearance;

    LuceneClearanceFilter(LuceneIndex index, Clearance clearance) {
        this.index = index;
        this.clearance = clearance;
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
        return m.withdrawn() == null && clearance.allows(Clearance.ofClassification(m.classification()));
    }

    /** Whether this view may see a document of this secrecy level. */
    boolean allows(Clearance level) {
        return clearance.allows(level);
    }

    /** The ids among these that this view may see, found in one query. */
    Set<String> visibleAmong(Collection<String> ids) throws IOException {
        List<BytesRef> terms = ids.stream().filter(Objects::nonNull).distinct().map(BytesRef::new).toList();
        if (terms.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            Query q = searcher.rewrite(visible(new TermInSetQuery(Fields.ID, terms)));
            Weight weight = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                SortedSetDocValues idValues = DocValues.getSortedSet(leaf.reader(), Fields.ID);
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if ((live == null || live.get(doc)) && idValues.advanceExact(doc)) {
                        out.add(idValues.lookupOrd(idValues.nextOrd()).utf8ToString());
                    }
                }
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * The document without the notes that link to a document this view may not see (a classified scan of an open
     * letter, a secret attachment of an open e-mail, the secret e-mail of an open attachment): the note would give
     * away the hidden document's id (a withdrawn one is hidden from every clearance). The one place where links are filtered by clearance.
     */
    ArchivedDocument withoutHiddenLinks(ArchivedDocument d) {
        return d.withNotes(note -> DocumentLink.parse(note).map(link -> {
            try {
                return index.get(link.id()).map(o -> allows(o.metadata())).orElse(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(true));
    }
}
