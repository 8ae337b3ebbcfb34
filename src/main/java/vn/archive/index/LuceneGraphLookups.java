package vn.archive.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The graph lookups of the embedded index: each reads one term's postings in every segment and the stored ids of
 * the live documents it lists. Citations of a number are the {@link Fields#CITES} facet's drill-down terms, which
 * every archive already has; laws cited by name are the {@link Fields#LAW_NAME} and {@link Fields#CITES_LAW} terms.
 */
public final class LuceneGraphLookups implements GraphLookups {
    private static final Set<String> ID_ONLY = Set.of(Fields.ID);
    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);
    private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);

    private final LuceneIndex index;

    public LuceneGraphLookups(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public SortedSet<String> bearingNumber(String numberKey) throws IOException {
        return ids(new Term(Fields.NUMBER_KEY, numberKey));
    }

    @Override
    public SortedSet<String> citingNumber(String numberKey) throws IOException {
        FacetsConfig config = index.facetsConfig();
        return ids(DrillDownQuery.term(config.getDimConfig(Fields.CITES).indexFieldName, Fields.CITES, numberKey));
    }

    @Override
    public SortedSet<String> bearingLawName(String lawKey) throws IOException {
        return ids(new Term(Fields.LAW_NAME, lawKey));
    }

    @Override
    public SortedSet<String> citingLawName(String lawKey) throws IOException {
        return ids(new Term(Fields.CITES_LAW, lawKey));
    }

    @Override
    public SortedSet<String> renditionLinksTo(String id) throws IOException {
        return ids(new Term(Fields.RENDITION, id));
    }

    @Override
    public Map<String, ArchivedDocument> documents(Collection<String> ids) throws IOException {
        Map<String, ArchivedDocument> out = new HashMap<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            for (String id : ids) {
                for (Document d : stored(searcher, new Term(Fields.ID, id), DOC_JSON_ONLY)) {
                    out.put(id, DocumentCodec.decode(d.get(Fields.DOC_JSON), ""));
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        return out;
    }

    @Override
    public String text(String id) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            List<Document> found = stored(searcher, new Term(Fields.ID, id), BODY_ONLY);
            String body = found.isEmpty() ? null : found.get(0).get(Fields.BODY);
            return body == null ? "" : body;
        } finally {
            index.searchers().release(searcher);
        }
    }

    private SortedSet<String> ids(Term term) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            SortedSet<String> out = new TreeSet<>();
            for (Document d : stored(searcher, term, ID_ONLY)) {
                out.add(d.get(Fields.ID));
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** The chosen stored fields of the live documents holding this term. */
    private static List<Document> stored(IndexSearcher searcher, Term term, Set<String> fields) throws IOException {
        List<Document> out = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader r = leaf.reader();
            PostingsEnum postings = r.postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = r.getLiveDocs();
            StoredFields stored = r.storedFields();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    out.add(stored.document(doc, fields));
                }
            }
        }
        return out;
    }
}
