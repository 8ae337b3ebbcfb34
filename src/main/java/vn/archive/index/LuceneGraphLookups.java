package vn.archive.index;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.GraphText;
import vn.archive.text.PlaceKeys;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The graph lookups of the embedded index: each reads one term's postings in every segment and the stored ids of
 * the live documents it lists. Citations of a number are the {@link Fields#CITES} facet's drill-down terms, which
 * every archive already has; laws cited by name are the {@link Fields#LAW_NAME} and {@link Fields#CITES_LAW} terms;
 * one place's namesakes and citations of a local number the {@link Fields#NUMBER_AT} and {@link Fields#CITES_AT} terms.
 * Over 400 lines because every lookup is the same walk of segments, terms and the id column: split, each part would
 * repeat the walks.
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
        return ids(citingTerm(numberKey));
    }

    /** The facet term a document citing this number key bears. */
    private Term citingTerm(String numberKey) {
        FacetsConfig config = index.facetsConfig();
        return DrillDownQuery.term(config.getDimConfig(Fields.CITES).indexFieldName, Fields.CITES, numberKey);
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
        return read(ids, false).documents();
    }

    /**
     * The documents of these ids, each segment read once: the id terms sought in order, then each column (the
     * metadata, and the graph text when asked) read in document order; and, when asked, the rendition links to each
     * id, its terms sought in order in the same pass.
     */
    private DocumentBatch read(Collection<String> ids, boolean graph) throws IOException {
        Map<String, ArchivedDocument> out = new HashMap<>();
        Map<String, GraphText> texts = new HashMap<>();
        Map<String, SortedSet<String>> links = new HashMap<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            List<BytesRef> terms = new TreeSet<>(ids).stream().map(BytesRef::new).toList();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader r = leaf.reader();
                if (graph) {
                    linksTo(r, terms, links);
                }
                int[] docs = liveDocs(r, Fields.ID, terms);
                if (docs.length == 0) {
                    continue;
                }
                BinaryDocValues json = r.getBinaryDocValues(Fields.META_JSON);
                BinaryDocValues facts = graph ? r.getBinaryDocValues(Fields.GRAPH_TEXT) : null;
                StoredFields stored = null;
                for (int doc : docs) {
                    ArchivedDocument d;
                    if (json != null && json.advanceExact(doc)) {
                        d = DocumentCodec.decode(json.binaryValue(), true);
                    } else {
                        // a segment written before the doc values existed
                        stored = stored == null ? r.storedFields() : stored;
                        d = DocumentCodec.decode(stored.document(doc, DOC_JSON_ONLY).get(Fields.DOC_JSON), "");
                    }
                    if (out.putIfAbsent(d.id(), d) == null && facts != null && facts.advanceExact(doc)) {
                        GraphText.decode(facts.binaryValue().utf8ToString()).ifPresent(t -> texts.put(d.id(), t));
                    }
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        if (graph) {
            ids.forEach(id -> links.computeIfAbsent(id, k -> new TreeSet<>()));
        }
        return new DocumentBatch(out, texts, links);
    }

    /** Adds to {@code links} the ids of this segment's live documents naming any of these ids as a rendition. */
    private static void linksTo(LeafReader r, List<BytesRef> sortedIds, Map<String, SortedSet<String>> links)
            throws IOException {
        Terms terms = r.terms(Fields.RENDITION);
        if (terms == null) {
            return;
        }
        TermsEnum te = terms.iterator();
        Bits live = r.getLiveDocs();
        SortedSetDocValues ids = null;
        PostingsEnum postings = null;
        for (BytesRef t : sortedIds) {
            if (!te.seekExact(t)) {
                continue;
            }
            ids = ids == null ? DocValues.getSortedSet(r, Fields.ID) : ids;
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
                    links.computeIfAbsent(t.utf8ToString(), k -> new TreeSet<>()).add(ids.lookupOrd(ids.nextOrd()).utf8ToString());
                }
            }
        }
    }

    /** The live documents of a segment holding any of these terms (sorted) of a field, in document order. */
    private static int[] liveDocs(LeafReader r, String field, List<BytesRef> sortedTerms) throws IOException {
        long[] hits = livePostings(r, sortedTerms.stream().map(t -> new Term(field, t)).toList());
        int[] out = new int[hits.length];
        for (int j = 0; j < hits.length; j++) {
            out[j] = (int) (hits[j] >>> 32);
        }
        return out;
    }

    /**
     * Each live document of a segment holding one of these terms (sorted by field, then value), packed as the
     * document in the high half and the term's place in the list in the low one, in document order: the terms
     * sought in order by one enumeration a field.
     */
    private static long[] livePostings(LeafReader r, List<Term> sortedTerms) throws IOException {
        Bits live = r.getLiveDocs();
        long[] hits = new long[16];
        int n = 0;
        String field = null;
        TermsEnum te = null;
        PostingsEnum postings = null;
        for (int i = 0; i < sortedTerms.size(); i++) {
            Term t = sortedTerms.get(i);
            if (!t.field().equals(field)) {
                field = t.field();
                Terms fieldTerms = r.terms(field);
                te = fieldTerms == null ? null : fieldTerms.iterator();
            }
            if (te == null || !te.seekExact(t.bytes())) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    if (n == hits.length) {
                        hits = Arrays.copyOf(hits, n * 2);
                    }
                    hits[n++] = ((long) doc << 32) | i;
                }
            }
        }
        long[] out = Arrays.copyOf(hits, n);
        Arrays.sort(out); // doc values are read forward only
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
    public Optional<GraphText> graphText(String id) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            return first(searcher, new Term(Fields.ID, id), (r, doc) -> {
                BinaryDocValues facts = r.getBinaryDocValues(Fields.GRAPH_TEXT);
                return facts != null && facts.advanceExact(doc) ? facts.binaryValue().utf8ToString() : null;
            }).flatMap(GraphText::decode);
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public Optional<Map<String, SortedSet<String>>> citingAt(Collection<String> placeKeys) throws IOException {
        // a document filed with years was filed with place terms too: its year mark is the one to count then
        return placed(placeKeys.stream().anyMatch(PlaceKeys::hasYear) ? PlaceKeys.YEARS : PlaceKeys.MARK)
                ? Optional.of(ids(terms(placeKeys, k -> new Term(Fields.CITES_AT, k)))) : Optional.empty();
    }

    @Override
    public Optional<Map<String, SortedSet<String>>> bearingAt(Collection<String> placeKeys) throws IOException {
        return placed(PlaceKeys.MARK) ? Optional.of(ids(terms(placeKeys, k -> new Term(Fields.NUMBER_AT, k)))) : Optional.empty();
    }

    /**
     * Whether every document of the index was filed with these terms (each bears the mark, {@code PlaceKeys.MARK} or
     * {@code PlaceKeys.YEARS}; an older one does not).
     */
    private boolean placed(String markTerm) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            Term mark = new Term(Fields.NUMBER_AT, markTerm);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                if (leaf.reader().docFreq(mark) != leaf.reader().maxDoc()) {
                    return false;
                }
            }
            return true;
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public Object version() throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            // the open reader's key: a new one with every refresh that sees a change, nothing held of the reader
            IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
            return helper == null ? null : helper.getKey();
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public DocumentBatch documentBatch(Collection<String> ids) throws IOException {
        return read(ids, true);
    }

    @Override
    public Map<String, SortedSet<String>> citingNumbers(Collection<String> numberKeys) throws IOException {
        return ids(terms(numberKeys, this::citingTerm));
    }

    @Override
    public Map<String, SortedSet<String>> bearingNumbers(Collection<String> numberKeys) throws IOException {
        return ids(terms(numberKeys, k -> new Term(Fields.NUMBER_KEY, k)));
    }

    @Override
    public Map<String, SortedSet<String>> citingLawNames(Collection<String> lawKeys) throws IOException {
        return ids(terms(lawKeys, k -> new Term(Fields.CITES_LAW, k)));
    }

    @Override
    public Map<String, SortedSet<String>> bearingLawNames(Collection<String> lawKeys) throws IOException {
        return ids(terms(lawKeys, k -> new Term(Fields.LAW_NAME, k)));
    }

    /** Each key's term. */
    private static Map<String, Term> terms(Collection<String> keys, Function<String, Term> term) {
        Map<String, Term> out = new HashMap<>();
        keys.forEach(k -> out.put(k, term.apply(k)));
        return out;
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
        return ids(Map.of("", term)).get("");
    }

    /**
     * The ids of the live documents holding each key's term, in one pass per segment: the terms sought in order by
     * one terms enumeration, the documents found then read in order from the id's doc values (a tree's level asks
     * for dozens of keys at once; a pass per key read every segment's terms dictionary again).
     */
    private Map<String, SortedSet<String>> ids(Map<String, Term> terms) throws IOException {
        Map<String, SortedSet<String>> out = new HashMap<>();
        terms.keySet().forEach(k -> out.put(k, new TreeSet<>()));
        List<Map.Entry<String, Term>> sorted = new ArrayList<>(terms.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        IndexSearcher searcher = index.searchers().acquire();
        try {
            List<Term> sortedTerms = sorted.stream().map(Map.Entry::getValue).toList();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                LeafReader r = leaf.reader();
                long[] hits = livePostings(r, sortedTerms);
                if (hits.length == 0) {
                    continue;
                }
                SortedSetDocValues ids = DocValues.getSortedSet(r, Fields.ID);
                int lastDoc = -1;
                String lastId = null;
                for (int j = 0; j < hits.length; j++) {
                    int doc = (int) (hits[j] >>> 32);
                    if (doc != lastDoc) {
                        lastDoc = doc;
                        lastId = ids.advanceExact(doc) ? ids.lookupOrd(ids.nextOrd()).utf8ToString() : null;
                    }
                    if (lastId != null) {
                        out.get(sorted.get((int) hits[j]).getKey()).add(lastId);
                    }
                }
            }
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
