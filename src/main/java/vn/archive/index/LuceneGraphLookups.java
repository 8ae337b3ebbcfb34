package vn.archive.index;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The graph lookups of the embedded index: each reads one term's postings in every segment and the stored ids of
 * the live documents it lists. Citations of a number are the {@link Fields#CITES} facet's drill-down terms, which
 * every archive already has; laws cited by name are the {@link Fields#LAW_NAME} and {@link Fields#CITES_LAW} terms.
 */
public final class LuceneGraphLookups implements GraphLookups {
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
                // from the doc values, or from the stored fields in a segment written before those existed
                first(searcher, new Term(Fields.ID, id), (r, doc) -> {
                    BinaryDocValues json = r.getBinaryDocValues(Fields.META_JSON);
                    return json != null && json.advanceExact(doc) ? json.binaryValue().utf8ToString()
                            : r.storedFields().document(doc, DOC_JSON_ONLY).get(Fields.DOC_JSON);
                }).ifPresent(json -> out.put(id, DocumentCodec.decode(json, "")));
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
            return first(searcher, new Term(Fields.ID, id), (r, doc) -> r.storedFields().document(doc, BODY_ONLY)
                    .get(Fields.BODY)).orElse("");
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            boolean indexed = false;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                indexed |= leaf.reader().getFieldInfos().fieldInfo(Fields.DEADLINE) != null;
            }
            if (!indexed) {
                return Optional.empty(); // no deadline in the index, or an index older than the field: read them
            }
            SortedSet<String> out = new TreeSet<>();
            Query before = LongPoint.newRangeQuery(Fields.DEADLINE, Long.MIN_VALUE, day.toEpochDay() - 1);
            searcher.search(before, new SimpleCollector() {
                private SortedSetDocValues ids;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ids = DocValues.getSortedSet(context.reader(), Fields.ID);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (ids.advanceExact(doc)) {
                        out.add(ids.lookupOrd(ids.nextOrd()).utf8ToString());
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return Optional.of(out);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** The ids of the live documents holding this term, read from the id's doc values (no stored field opened). */
    private SortedSet<String> ids(Term term) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            SortedSet<String> out = new TreeSet<>();
            each(searcher, term, (r, doc) -> {
                SortedSetDocValues ids = DocValues.getSortedSet(r, Fields.ID);
                if (ids.advanceExact(doc)) {
                    out.add(ids.lookupOrd(ids.nextOrd()).utf8ToString());
                }
                return null;
            });
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** What one live document holding a term gives, read in its segment. */
    private interface Read<T> {
        T read(LeafReader segment, int doc) throws IOException;
    }

    /** What the first live document holding this term gives (a non-null answer), if any does. */
    private static <T> Optional<T> first(IndexSearcher searcher, Term term, Read<T> read) throws IOException {
        return Optional.ofNullable(each(searcher, term, read));
    }

    /** Reads every live document holding this term, until one gives a non-null answer, which is returned. */
    private static <T> T each(IndexSearcher searcher, Term term, Read<T> read) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader r = leaf.reader();
            PostingsEnum postings = r.postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = r.getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    T answer = read.read(r, doc);
                    if (answer != null) {
                        return answer;
                    }
                }
            }
        }
        return null;
    }
}
