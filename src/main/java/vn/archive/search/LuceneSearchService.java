package vn.archive.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.MatchAllDocsQuery;
import vn.archive.model.Clearance;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Search over the embedded Lucene index: a facade over the scoring query, the clearance filter
 * ({@link LuceneClearanceFilter}), snippets ({@link LuceneSnippets}), the issuer tree ({@link LuceneIssuerTree}) and
 * renditions ({@link LuceneRenditions}). Over 300 lines because drill-sideways facet counting and its per-reader
 * cache still live here (they share the drill-down query with the hits); they are the next piece to move out.
 */
public final class LuceneSearchService implements SearchService {
    private static final int FACET_VALUES = 20;
    private static final int MLT_TERMS = 25;
    /** Queries whose counts are kept per reader (a few KB each). */
    private static final int COUNT_CACHE_QUERIES = 1024;
    static final Comparator<FacetCount> BY_COUNT = Comparator.comparingLong(FacetCount::count).reversed()
            .thenComparing(FacetCount::value);

    private static final Set<String> DOC_JSON_ONLY = Set.of(Fields.DOC_JSON);
    private static final Set<String> BODY_ONLY = Set.of(Fields.BODY);

    private final LuceneIndex index;
    private final QueryFactory queries;
    /** Which documents are renditions of one directive, shared by every view. */
    private final LuceneRenditions renditions;
    /** Which documents later ones replace, repeal or amend, shared by every view (each keeps what it may see). */
    private final LuceneInForce inForce;
    /** Facet state is costly to build; keep one per reader. */
    private volatile ReaderState readerState;

    /** Issuers under their parent bodies, as this view may see them. */
    private final LuceneIssuerTree issuerTree = new LuceneIssuerTree();
    /** Passages of the hits that match the query. */
    private final LuceneSnippets snippets;
    /** What this view may see; the unrestricted service sees everything. */
    private final LuceneClearanceFilter filter;
    /** One view per clearance, each keeping its own caches. */
    private final Map<Clearance, LuceneSearchService> views;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) { }

    /** The total and the facet counts of one query on one reader. */
    private record Counted(long total, Map<String, List<FacetCount>> facets) { }

    /** Counts of recent queries on one reader; a refreshed reader starts an empty cache. */
    private record CountCache(IndexReader reader, Map<CountKey, Counted> counts) { }

    /**
     * What a drill-down query counts: its base query and its drill-down clauses, as values. A {@code DrillDownQuery}
     * is not a key itself: its equality compares the builders of its clauses by identity, so a filtered query
     * (browse, {@code cites:}) never equalled its own repetition and was counted afresh every time.
     */
    private record CountKey(Query base, List<Query> drillDowns, java.time.LocalDate day) {
        static CountKey of(DrillDownQuery drill, java.time.LocalDate day) {
            return new CountKey(drill.getBaseQuery(), List.of(drill.getDrillDownQueries()), day);
        }
    }


    /**
     * Facet counts and totals of recent queries, for the current reader only. Counting visits every matching
     * document, while the page of hits alone lets Lucene skip most of them, so a repeated query (a browse page, a
     * popular search, the next page of results) pays for counting once per index change.
     */
    private volatile CountCache countCache;

    public LuceneSearchService(LuceneIndex index) {
        this(index, new QueryFactory(index.analyzer()));
    }

    /** A service whose scoring comes from the given factory (relevance measurements switch features off). */
    public LuceneSearchService(LuceneIndex index, QueryFactory queries) {
        this.index = Objects.requireNonNull(index, "index");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.renditions = new LuceneRenditions();
        this.inForce = new LuceneInForce();
        this.snippets = new LuceneSnippets(queries, index.analyzer());
        this.filter = new LuceneClearanceFilter(index, Clearance.TUYET_MAT);
        this.views = new java.util.EnumMap<>(Clearance.class);
        views.put(Clearance.TUYET_MAT, this);
        for (Clearance c : Clearance.values()) {
            if (c != Clearance.TUYET_MAT) {
                views.put(c, new LuceneSearchService(this, c));
            }
        }
    }

    private LuceneSearchService(LuceneSearchService all, Clearance clearance) {
        this.index = all.index;
        this.queries = all.queries;
        this.renditions = all.renditions;
        this.inForce = all.inForce;
        this.snippets = all.snippets;
        this.filter = new LuceneClearanceFilter(index, clearance);
        this.views = all.views;
    }

    @Override
    public SearchService restrictedTo(Clearance c) {
        return views.get(Objects.requireNonNull(c, "clearance"));
    }

    /**
     * The query without the renditions that are not their directive's preferred one, so hits, totals, facet counts
     * and ids are those of directives (a filter clause: the preferred rendition stands for the others).
     */
    private Query oneRendition(Query q, IndexReader reader) throws IOException {
        Set<String> secondaries = renditions.of(reader).secondaries();
        if (secondaries.isEmpty()) {
            return q;
        }
        return new BooleanQuery.Builder()
                .add(q, Occur.MUST)
                .add(new TermInSetQuery(Fields.ID, secondaries.stream().map(BytesRef::new).toList()), Occur.MUST_NOT)
                .build();
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            java.time.LocalDate today = java.time.LocalDate.now();
            DrillDownQuery drill = drillDown(request, searcher.getIndexReader(), today, true);
            int topN = request.page() * request.size();
            SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
            Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
            TopDocs top;
            CountKey key = state == null ? null : CountKey.of(drill, today);
            Counted cached = key == null ? null : counted(searcher.getIndexReader(), key);
            if (!request.facets() && cached == null) {
                // no counting pass: only the exact total, which a top-n search alone would leave approximate
                Sort order = sort(request.sort());
                top = order == null ? searcher.search(drill, new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE))
                        : searcher.search(drill, new TopFieldCollectorManager(order, topN, null, Integer.MAX_VALUE));
                facets.putAll(noFacets());
            } else if (cached != null) {
                // counts known for this reader: only the page is searched, which lets Lucene skip non-competitive hits
                Sort order = sort(request.sort());
                top = searcher.search(drill, topN, order == null ? Sort.RELEVANCE : order);
                return new SearchResponse(request.query(), cached.total(), request.page(), request.size(),
                        hits(searcher, top, request), request.facets() ? cached.facets() : noFacets());
            } else if (state == null) {
                top = searcher.search(drill, topN, sort(request.sort()) == null ? Sort.RELEVANCE : sort(request.sort()));
                FacetDimensions.SHOWN.forEach(f -> facets.put(f, List.of()));
                facets.put(FacetDimensions.IN_FORCE, List.of());
            } else {
                DrillSideways sideways = new DrillSideways(searcher, index.facetsConfig(), state);
                DrillSideways.DrillSidewaysResult result = sideways.search(drill, null, null, topN,
                        sort(request.sort()), false);
                top = result.hits;
                for (String dim : FacetDimensions.SHOWN) {
                    facets.put(dim, counts(result.facets, dim, FACET_VALUES));
                }
                facets.put(FacetDimensions.IN_FORCE, inForceCounts(searcher, request, today));
                remember(searcher.getIndexReader(), key, new Counted(top.totalHits.value(), frozen(facets)));
            }
            return new SearchResponse(request.query(), top.totalHits.value(), request.page(), request.size(),
                    hits(searcher, top, request), facets);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * The query with its filters; the in-force filter (decided per query, see {@link LuceneInForce}) only when
     * {@code withStatus}: its own facet counts what the other filters leave, as drill-sideways does.
     */
    private DrillDownQuery drillDown(SearchRequest request, IndexReader reader, java.time.LocalDate today,
                                     boolean withStatus) throws IOException {
        Query base = filter.visible(withDateRange(queries.build(request.query()), request));
        List<String> statuses = request.filters().getOrDefault(FacetDimensions.IN_FORCE, List.of());
        if (withStatus && !statuses.isEmpty()) {
            base = new BooleanQuery.Builder().add(base, Occur.MUST)
                    .add(LuceneInForce.anyStatus(statuses, changed(reader, today), today), Occur.FILTER).build();
        }
        DrillDownQuery drill = new DrillDownQuery(index.facetsConfig(), oneRendition(base, reader));
        request.filters().forEach((dim, values) -> {
            if (dim.equals(FacetDimensions.IN_FORCE)) {
                return;
            }
            for (String v : values) {
                drill.add(dim, FacetDimensions.indexedValue(dim, v));
            }
        });
        return drill;
    }

    @Override
    public List<SearchHit> similar(String id, int max) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            Query self = new TermQuery(new Term(Fields.ID, id));
            TopDocs found = searcher.search(filter.visible(self), 1);
            if (found.scoreDocs.length == 0 || max < 1) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(new String[] {Fields.BODY});
            // short directives repeat few words: a term seen twice in the text already says something
            mlt.setMinTermFreq(2);
            mlt.setMinDocFreq(2);
            mlt.setMaxQueryTerms(MLT_TERMS);
            Query like = mlt.like(found.scoreDocs[0].doc);
            Renditions r = renditions.of(searcher.getIndexReader());
            List<BytesRef> selves = r.group(id).map(Renditions.Group::members).orElse(List.of(id)).stream()
                    .map(BytesRef::new).toList();
            Query others = oneRendition(filter.visible(new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermInSetQuery(Fields.ID, selves), Occur.MUST_NOT)
                    .build()), searcher.getIndexReader());
            TopDocs top = searcher.search(others, max);
            List<SearchHit> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document stored = searcher.storedFields().document(sd.doc, Set.of(Fields.DOC_JSON));
                out.add(hit(DocumentCodec.decode(stored.get(Fields.DOC_JSON), ""), "", r));
            }
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public long export(SearchRequest request, Consumer<ArchivedDocument> sink) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            int all = Math.max(1, searcher.getIndexReader().maxDoc());
            Sort order = sort(request.sort());
            java.time.LocalDate today = java.time.LocalDate.now();
            TopDocs top = searcher.search(drillDown(request, searcher.getIndexReader(), today, true), all,
                    order == null ? Sort.RELEVANCE : order);
            Renditions r = renditions.of(searcher.getIndexReader());
            for (ScoreDoc sd : top.scoreDocs) {
                Document stored = searcher.storedFields().document(sd.doc, Set.of(Fields.DOC_JSON));
                sink.accept(filter.withoutHiddenLinks(r.merged(DocumentCodec.decode(stored.get(Fields.DOC_JSON), ""))));
            }
            return top.scoreDocs.length;
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public List<FacetCount> facetValues(String dimension) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
            if (state == null) {
                return List.of();
            }
            Query directives = oneRendition(filter.visible(new MatchAllDocsQuery()), searcher.getIndexReader());
            Facets all = directives instanceof MatchAllDocsQuery ? new SortedSetDocValuesFacetCounts(state)
                    : new SortedSetDocValuesFacetCounts(state, FacetsCollectorManager.search(searcher,
                            directives, 1, new FacetsCollectorManager()).facetsCollector());
            List<FacetCount> out = new ArrayList<>(counts(all, dimension, 0));
            out.sort(BY_COUNT);
            return out;
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public List<IssuerGroup> issuerTree() throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            return issuerTree.of(reader, renditions.of(reader), filter::allows);
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public Optional<ArchivedDocument> document(String id) throws IOException {
        Renditions r = currentRenditions();
        return index.get(id).map(r::merged).filter(d -> filter.allows(d.metadata())).map(filter::withoutHiddenLinks);
    }

    /** Every rendition of the document's directive this view may see, the preferred one first. */
    @Override
    public List<ArchivedDocument> renditions(String id) throws IOException {
        Renditions r = currentRenditions();
        List<ArchivedDocument> out = new ArrayList<>();
        for (String member : r.group(id).map(Renditions.Group::members).orElse(List.of(id))) {
            index.get(member).map(r::merged).filter(d -> filter.allows(d.metadata())).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public String directiveId(String id) throws IOException {
        return currentRenditions().directiveId(id);
    }

    private Renditions currentRenditions() throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            return renditions.of(searcher.getIndexReader());
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** One query for all the ids (restricted to this view), reading each match's id from its doc values. */
    @Override
    public Set<String> visibleAmong(Collection<String> ids) throws IOException {
        return filter.visibleAmong(ids);
    }

    @Override
    public long count() throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            Query directives = oneRendition(filter.visible(new MatchAllDocsQuery()), searcher.getIndexReader());
            return directives instanceof MatchAllDocsQuery ? index.count() : searcher.count(directives);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** What the later documents this view may see have ended or amended by {@code today}. */
    private LuceneInForce.Changed changed(IndexReader reader, java.time.LocalDate today) throws IOException {
        return LuceneInForce.changed(inForce.of(reader, renditions.of(reader)), filter::allows, today);
    }

    /** The in-force facet: each status's count among the hits of the other filters, in the statuses' order. */
    private List<FacetCount> inForceCounts(IndexSearcher searcher, SearchRequest request, java.time.LocalDate today)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Query others = drillDown(request, reader, today, false);
        LuceneInForce.Changed changed = changed(reader, today);
        List<FacetCount> out = new ArrayList<>();
        for (String status : vn.archive.model.InForce.STATUSES) {
            int n = searcher.count(new BooleanQuery.Builder().add(others, Occur.MUST)
                    .add(LuceneInForce.status(status, changed, today), Occur.FILTER).build());
            if (n > 0) {
                out.add(new FacetCount(status, n));
            }
        }
        return out;
    }

    private static Query withDateRange(Query q, SearchRequest r) {
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

    private static Sort sort(SearchRequest.Sort s) {
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

    private static Map<String, List<FacetCount>> noFacets() {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        FacetDimensions.SHOWN.forEach(f -> out.put(f, List.of()));
        out.put(FacetDimensions.IN_FORCE, List.of());
        return out;
    }

    /** An unmodifiable copy that keeps the order of the dimensions (the JSON answer lists them in this order). */
    private static Map<String, List<FacetCount>> frozen(Map<String, List<FacetCount>> facets) {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        facets.forEach((dim, counts) -> out.put(dim, List.copyOf(counts)));
        return java.util.Collections.unmodifiableMap(out);
    }

    private Counted counted(IndexReader reader, CountKey key) {
        CountCache c = countCache;
        if (c == null || c.reader() != reader) {
            return null;
        }
        synchronized (c.counts()) {
            return c.counts().get(key);
        }
    }

    private void remember(IndexReader reader, CountKey key, Counted counted) {
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
            c.counts().put(key, counted);
        }
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
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
        readerState = new ReaderState(reader, state);
        return state;
    }

    /** The counts of a dimension's top values, or of all its values when {@code top} is 0. */
    private static List<FacetCount> counts(Facets facets, String dim, int top) throws IOException {
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

    private List<SearchHit> hits(IndexSearcher searcher, TopDocs top, SearchRequest request) throws IOException {
        int from = (request.page() - 1) * request.size();
        if (from >= top.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        String[] snippets = this.snippets.of(searcher, request.query(), page);
        List<SearchHit> hits = new ArrayList<>(page.length);
        Renditions r = renditions.of(searcher.getIndexReader());
        for (int i = 0; i < page.length; i++) {
            // the body (most of a document's stored bytes) is decoded only when the highlighter found no passage
            Document stored = searcher.storedFields().document(page[i].doc, DOC_JSON_ONLY);
            ArchivedDocument d = DocumentCodec.decode(stored.get(Fields.DOC_JSON), "");
            String snippet = snippets[i] != null ? snippets[i]
                    : LuceneSnippets.fallback(searcher.storedFields().document(page[i].doc, BODY_ONLY).get(Fields.BODY));
            hits.add(hit(d, snippet, r));
        }
        return hits;
    }

    private static SearchHit hit(ArchivedDocument d, String snippet, Renditions r) {
        DocumentMetadata m = r.merged(d).metadata();
        return new SearchHit(d.id(), m.kind(), m.number(), m.date(), m.issuer(), m.place(), m.title(),
                snippet, "/documents/" + d.id(), r.count(d.id()));
    }
}
