package vn.archive.search;

import org.apache.lucene.search.MatchAllDocsQuery;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.model.Clearance;
import org.apache.lucene.facet.DrillDownQuery;
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
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
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
 * renditions ({@link LuceneRenditions}), facet counting ({@link LuceneFacetCounts}) and the page of hits
 * ({@link LuceneHits}). It keeps what ties them together: the drill-down query each answer shares. Over 450 lines
 * because every method of {@link SearchService} is answered here, each in a few lines over those parts, and which
 * matches a search's counting pass reads (one filter, several, the kept counts of the request one filter back) is
 * decided here, beside the drill-down query, the clearance clause and the renditions it is built from.
 */
public final class LuceneSearchService implements SearchService {
    private static final int MLT_TERMS = 25;

    private final LuceneIndex index;
    private final QueryFactory queries;
    /** Which documents are renditions of one directive, shared by every view. */
    private final LuceneRenditions renditions;
    /** Which documents later ones replace, repeal or amend, shared by every view (each keeps what it may see). */
    private final LuceneInForce inForce;
    /** Facet ordinals and the counts of recent queries, per reader; each view counts what it may see. */
    private final LuceneFacetCounts facetCounts;

    /** Issuers under their parent bodies, as this view may see them. */
    private final LuceneIssuerTree issuerTree = new LuceneIssuerTree();
    /** The page of hits, with their passages that match the query. */
    private final LuceneHits hits;
    /** What this view may see; the unrestricted service sees everything. */
    private final LuceneClearanceFilter filter;
    /** One view per clearance, each keeping its own caches. */
    private final Map<Clearance, LuceneSearchService> views;
    /** How a search finds its page, total and facet counts when none are kept ({@link #onePass}). */
    private final Counting counting;

    /** A search's page of hits with its total and facet counts, as a {@link Counting} finds them. */
    record Counted(TopDocs top, long total, Map<String, List<FacetCount>> facets, boolean estimated) {
        /** This page with a pass's counts. */
        Counted with(LuceneFacetPass.Result r) {
            return new Counted(top, r.total(), r.facets(), r.estimated());
        }
    }

    /** How a search with facets and no kept counts is answered; the benchmark's baseline counts as before. */
    interface Counting {
        Counted count(LuceneSearchService view, IndexSearcher searcher, SearchRequest request, DrillDownQuery drill,
                      int topN, Sort order, LocalDate today) throws IOException;
    }

    public LuceneSearchService(LuceneIndex index) {
        this(index, new QueryFactory(index.analyzer()));
    }

    /** A service whose scoring comes from the given factory (relevance measurements switch features off). */
    public LuceneSearchService(LuceneIndex index, QueryFactory queries) {
        this(index, queries, new LuceneHits(new LuceneSnippets(queries, index.analyzer())));
    }

    /** A service that reads its pages of hits this way (the search-path benchmark's baseline reads them as before). */
    LuceneSearchService(LuceneIndex index, QueryFactory queries, LuceneHits hits) {
        this(index, queries, hits, LuceneSearchService::onePass);
    }

    /** A service that counts this way (the facet benchmark's baseline counts as before issue 18). */
    LuceneSearchService(LuceneIndex index, QueryFactory queries, LuceneHits hits, Counting counting) {
        this.counting = Objects.requireNonNull(counting, "counting");
        this.index = Objects.requireNonNull(index, "index");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.renditions = new LuceneRenditions();
        this.inForce = new LuceneInForce();
        this.hits = Objects.requireNonNull(hits, "hits");
        this.filter = new LuceneClearanceFilter(index, Clearance.TUYET_MAT);
        this.facetCounts = new LuceneFacetCounts(index);
        this.views = new EnumMap<>(Clearance.class);
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
        this.hits = all.hits;
        this.filter = new LuceneClearanceFilter(index, clearance);
        this.facetCounts = new LuceneFacetCounts(index);
        this.views = all.views;
        this.counting = all.counting;
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
            IndexReader reader = searcher.getIndexReader();
            LocalDate today = LocalDate.now();
            DrillDownQuery drill = drillDown(request, reader, today, true);
            int topN = request.page() * request.size();
            Sort order = LuceneRequests.sort(request.sort());
            SortedSetDocValuesReaderState state = facetCounts.state(reader);
            LuceneFacetCounts.Counted cached = state == null ? null : facetCounts.cached(reader, drill, today);
            if (cached != null) {
                // counts known for this reader: only the page is searched, which lets Lucene skip non-competitive hits
                TopDocs top = searcher.search(drill, topN, order == null ? Sort.RELEVANCE : order);
                List<SearchHit> page = hits.page(searcher, top, request, renditions.of(reader));
                return new SearchResponse(request.query(), cached.total(), request.page(), request.size(), page,
                        request.facets() ? cached.facets() : LuceneFacetCounts.none(), cached.estimated());
            }
            TopDocs top;
            long total;
            boolean estimated = false;
            Map<String, List<FacetCount>> facets;
            if (!request.facets()) {
                // no counting pass: only the exact total, which a top-n search alone would leave approximate
                top = order == null ? searcher.search(drill, new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE))
                        : searcher.search(drill, new TopFieldCollectorManager(order, topN, null, Integer.MAX_VALUE));
                facets = LuceneFacetCounts.none();
                total = top.totalHits.value();
            } else if (state == null) {
                top = searcher.search(drill, topN, order == null ? Sort.RELEVANCE : order);
                facets = LuceneFacetCounts.none();
                total = top.totalHits.value();
            } else {
                Counted counted = counting.count(this, searcher, request, drill, topN, order, today);
                top = counted.top();
                total = counted.total();
                facets = counted.facets();
                estimated = counted.estimated();
                facetCounts.remember(reader, drill, today, total, facets, estimated);
            }
            return new SearchResponse(request.query(), total, request.page(), request.size(),
                    hits.page(searcher, top, request, renditions.of(reader)), facets, estimated);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * The query with its filters; the in-force filter (decided per query, see {@link LuceneInForce}) only when
     * {@code withStatus}: its own facet counts what the other filters leave, as drill-sideways does.
     */
    DrillDownQuery drillDown(SearchRequest request, IndexReader reader, LocalDate today,
                             boolean withStatus) throws IOException {
        Query base = filter.visible(LuceneRequests.withDateRange(queries.build(request.query()), request));
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
                out.add(LuceneHits.of(LuceneHits.shown(searcher, sd.doc), "", r));
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
            Sort order = LuceneRequests.sort(request.sort());
            LocalDate today = LocalDate.now();
            TopDocs top = searcher.search(drillDown(request, searcher.getIndexReader(), today, true), all,
                    order == null ? Sort.RELEVANCE : order);
            Renditions r = renditions.of(searcher.getIndexReader());
            for (ScoreDoc sd : top.scoreDocs) {
                sink.accept(filter.withoutHiddenLinks(r.merged(LuceneHits.stored(searcher, sd.doc))));
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
            Query directives = oneRendition(filter.visible(new MatchAllDocsQuery()), searcher.getIndexReader());
            return facetCounts.allValues(searcher, directives, dimension);
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
        Optional<ArchivedDocument> seen = index.get(id).map(r::merged).filter(d -> filter.allows(d.metadata()));
        return seen.isEmpty() ? seen : Optional.of(filter.withoutHiddenLinks(seen.get()));
    }

    /**
     * Every rendition of the document's directive this view may see, the preferred one first, each without its links
     * to documents this view may not see, as the document read by id.
     */
    @Override
    public List<ArchivedDocument> renditions(String id) throws IOException {
        Renditions r = currentRenditions();
        List<ArchivedDocument> out = new ArrayList<>();
        for (String member : r.group(id).map(Renditions.Group::members).orElse(List.of(id))) {
            index.get(member).map(r::merged).filter(d -> filter.allows(d.metadata())).ifPresent(out::add);
        }
        return filter.withoutHiddenLinks(out);
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

    /** Each id looked up in each segment, against the segment's documents this view may not see. */
    @Override
    public Set<String> visibleAmong(Collection<String> ids) throws IOException {
        return filter.visibleAmong(ids);
    }

    /**
     * Each segment read once for all the ids, the metadata from its column (no stored text, no links read), merged
     * and filtered as {@link #document} merges and filters it.
     */
    @Override
    public Map<String, DocumentMetadata> metadataOf(Collection<String> ids) throws IOException {
        Renditions r = currentRenditions();
        Map<String, DocumentMetadata> out = new HashMap<>();
        for (ArchivedDocument d : new LuceneGraphLookups(index).documents(ids).values()) {
            DocumentMetadata m = r.merged(d).metadata();
            if (filter.allows(m)) {
                out.put(d.id(), m);
            }
        }
        return out;
    }

    /** What this view's clearance allows: the test the index's clearance points encode (secrecy, withdrawal). */
    @Override
    public boolean surelyVisible(DocumentMetadata m) {
        return filter.allows(m);
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

    /**
     * The page alone, which lets Lucene skip what cannot compete, then the total and every dimension's counts in one
     * pass over the matches of the query without its scoring-only clauses ({@link LuceneFacetPass}); the filters,
     * the in-force one included, are tested in that pass (drill sideways). With one filter, the pass reads only the
     * matches that pass it, and the filtered dimension's counts are those of the request without it (drill
     * sideways), kept per reader: a browse page or a {@code cites:} filter reads its few documents, and the counts
     * of its unfiltered search once per index change.
     */
    Counted onePass(IndexSearcher searcher, SearchRequest request, DrillDownQuery drill, int topN, Sort order,
                    LocalDate today) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        TopDocs top = searcher.search(drill, topN, order == null ? Sort.RELEVANCE : order);
        Query matching = oneRendition(filter.visible(LuceneRequests.withDateRange(queries.matching(request.query()),
                request)), reader);
        Map<String, List<String>> set = new LinkedHashMap<>(request.filters());
        set.values().removeIf(List::isEmpty);
        String only = set.size() == 1 ? set.keySet().iterator().next() : null;
        if (only == null || !FacetDimensions.ANSWERED.contains(only)) {
            return new Counted(top, 0, null, false).with(severalFilters(searcher, request, set, matching, today));
        }
        Query passing = new BooleanQuery.Builder().add(matching, Occur.MUST)
                .add(filterOf(only, set.get(only), reader, today), Occur.FILTER).build();
        LuceneFacetPass.Result r = pass(searcher, passing, LuceneFacetPass.Filters.of(Map.of()), today);
        DrillDownQuery all = drillWith(request, Map.of(), reader, today);
        LuceneFacetCounts.Counted whole = facetCounts.cached(reader, all, today);
        if (whole == null) {
            LuceneFacetPass.Result w = pass(searcher, matching, LuceneFacetPass.Filters.of(Map.of()), today);
            facetCounts.remember(reader, all, today, w.total(), w.facets(), w.estimated());
            whole = new LuceneFacetCounts.Counted(w.total(), w.facets(), w.estimated());
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>(r.facets());
        facets.put(only, whole.facets().get(only));
        return new Counted(top, r.total(), facets, r.estimated() || whole.estimated());
    }

    /**
     * The counts of a request with several filters. A filtered dimension counts what the other filters keep (drill
     * sideways), which is what the request without its filter counted: when that request's counts are kept (a
     * browse page one filter back), they answer for the dimension, and its filter is required of every match read.
     * The pass then reads only the matches that fail at most one of the other filters.
     */
    private LuceneFacetPass.Result severalFilters(IndexSearcher searcher, SearchRequest request,
                                                  Map<String, List<String>> set, Query matching, LocalDate today)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Map<String, List<FacetCount>> known = new LinkedHashMap<>();
        boolean knownEstimated = false;
        if (set.size() >= 2 && FacetDimensions.ANSWERED.containsAll(set.keySet())) {
            for (String dim : set.keySet()) {
                Map<String, List<String>> others = new LinkedHashMap<>(set);
                others.remove(dim);
                LuceneFacetCounts.Counted kept = facetCounts.cached(reader, drillWith(request, others, reader, today),
                        today);
                if (kept != null) {
                    known.put(dim, kept.facets().get(dim));
                    knownEstimated |= kept.estimated();
                }
            }
        }
        Map<String, List<String>> rest = new LinkedHashMap<>(set);
        rest.keySet().removeAll(known.keySet());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(matching, Occur.MUST);
        for (String dim : known.keySet()) {
            b.add(filterOf(dim, set.get(dim), reader, today), Occur.FILTER);
        }
        if (rest.size() >= 2) {
            // a match counts only when it fails at most one filter: the pass reads those alone
            for (var e : rest.entrySet()) {
                b.add(filterOf(e.getKey(), e.getValue(), reader, today), Occur.SHOULD);
            }
            b.setMinimumNumberShouldMatch(rest.size() - 1);
        }
        Query counted = known.isEmpty() && rest.size() < 2 ? matching : b.build();
        LuceneFacetPass.Result r = pass(searcher, counted, LuceneFacetPass.Filters.of(rest), today);
        if (known.isEmpty()) {
            return r;
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>(r.facets());
        facets.putAll(known);
        return new LuceneFacetPass.Result(r.total(), facets, r.estimated() || knownEstimated);
    }

    /**
     * The drill-down query of this request with these filters in place of its own: the request one filter back,
     * whose kept counts may answer for a filtered dimension.
     */
    private DrillDownQuery drillWith(SearchRequest request, Map<String, List<String>> filters, IndexReader reader,
                                     LocalDate today) throws IOException {
        return drillDown(new SearchRequest(request.query(), filters, request.from(), request.to(), request.sort(), 1, 1,
                true), reader, today, true);
    }

    /** The documents one filter keeps: any of its values (a dimension's, or in-force statuses). */
    private Query filterOf(String dim, List<String> values, IndexReader reader, LocalDate today) throws IOException {
        if (dim.equals(FacetDimensions.IN_FORCE)) {
            return LuceneInForce.anyStatus(values, changed(reader, today), today);
        }
        String field = index.facetsConfig().getDimConfig(dim).indexFieldName;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(DrillDownQuery.term(field, dim, FacetDimensions.indexedValue(dim, v))),
                Occur.SHOULD));
        return any.build();
    }

    private LuceneFacetPass.Result pass(IndexSearcher searcher, Query matching, LuceneFacetPass.Filters filters,
                                        LocalDate today) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        return LuceneFacetPass.count(searcher, facetCounts.ordinals(reader),
                facetCounts.statuses(searcher, () -> changed(reader, today), today), matching, filters,
                LuceneFacetCounts.FACET_VALUES);
    }

    /** The index searched (the baseline counts on it). */
    LuceneIndex index() {
        return index;
    }

    /** Facet ordinals and kept counts of this view (the baseline reads its state). */
    LuceneFacetCounts facetCounts() {
        return facetCounts;
    }

    /** What the later documents this view may see have ended or amended by {@code today}. */
    LuceneInForce.Changed changed(IndexReader reader, LocalDate today) throws IOException {
        return LuceneInForce.changed(inForce.of(reader, renditions.of(reader)), filter::allows, today);
    }
}
