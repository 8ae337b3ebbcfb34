package vn.archive.solr;

import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import vn.archive.index.AnalyzerFactory;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;
import vn.archive.search.FacetCount;
import vn.archive.search.FacetDimensions;
import vn.archive.search.HiddenLinks;
import vn.archive.search.IssuerGroup;
import vn.archive.search.QueryFactory;
import vn.archive.search.Renditions;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Search on the SolrCloud collection: the app's own scoring query ({@link QueryFactory}, written by
 * {@link SolrQueries}), facet filters tagged so that each dimension's counts ignore its own filter (drill-sideways),
 * the unified highlighter on the folded body, and the reader's clearance as a filter query, which Solr applies to
 * hits, totals, facet counts and snippets alike. A directive's renditions count once, as embedded ({@link #directives}),
 * and a hit, a document or an export shows the directive's metadata merged over its renditions by the embedded rule
 * ({@link Renditions}), the groups looked up for the page's documents only ({@link RenditionGroups}). An export and a
 * document read by id leave out the links to documents the reader may not see by the rule both backends share
 * ({@link HiddenLinks}), the documents named looked up in two queries per set ({@link #among}).
 * Just over 300 lines: it is the whole {@code SearchService} on Solr, one method per question, as the embedded one.
 */
public final class SolrSearchService implements SearchService {
    private static final int FACET_VALUES = 20;
    private static final int SNIPPET_PASSAGES = 2;
    private static final int EXPORT_BATCH = 500;

    private final SolrClient client;
    private final String collection;
    private final QueryFactory queries;
    private final Clearance clearance;
    private final RenditionGroups groups;
    private final HiddenLinks links;

    public SolrSearchService(SolrClient client, String collection) {
        this(client, collection, new QueryFactory(AnalyzerFactory.perField()));
    }

    /** Searches built by this query factory (the portal's: the archive's kind names and every feature). */
    public SolrSearchService(SolrClient client, String collection, QueryFactory queries) {
        this(client, collection, queries, Clearance.TUYET_MAT, new RenditionGroups(client, collection));
    }

    private SolrSearchService(SolrClient client, String collection, QueryFactory queries, Clearance clearance,
            RenditionGroups groups) {
        this.client = Objects.requireNonNull(client, "client");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.queries = queries;
        this.clearance = clearance;
        this.groups = groups;
        this.links = new HiddenLinks(ids -> among(ids, false), ids -> among(ids, true));
    }

    /**
     * The in-force status is decided per query from later documents on the embedded index only ({@code
     * LuceneInForce}); on SolrCloud a filter on it is refused in words rather than sent to a field Solr lacks.
     */
    private static void refuseInForce(SearchRequest request) {
        if (!request.filters().getOrDefault(FacetDimensions.IN_FORCE, List.of()).isEmpty()) {
            throw new UnsupportedOperationException("Lọc theo hiệu lực chưa có trên SolrCloud / the in-force filter is not"
                    + " available on SolrCloud yet");
        }
    }

    @Override
    public SearchResponse search(SearchRequest request) throws IOException {
        SolrQuery q = filtered(request);
        q.setStart((request.page() - 1) * request.size()).setRows(request.size())
                .setFields(Fields.ID, Fields.DOC_JSON);
        if (request.facets()) {
            q.setFacet(true).setFacetMinCount(1).setFacetLimit(FACET_VALUES);
            for (String dimension : FacetDimensions.SHOWN) {
                q.addFacetField("{!ex=" + dimension + "}" + dimension);
            }
        }
        Query highlight = queries.highlightQuery(request.query());
        if (highlight != null) {
            q.set("hl", true).set("hl.method", "unified").set("hl.fl", Fields.BODY)
                    .set("hl.q", SolrQueries.toSolr(highlight)).set("hl.snippets", SNIPPET_PASSAGES)
                    .set("hl.tag.pre", "<mark>").set("hl.tag.post", "</mark>").set("hl.encoder", "html")
                    .set("hl.tag.ellipsis", " … ");
        }
        QueryResponse r = query(q);
        List<ArchivedDocument> page = decoded(r);
        Renditions groups = this.groups.of(page);
        List<SearchHit> hits = new ArrayList<>();
        for (ArchivedDocument doc : page) {
            String snippet = "";
            if (r.getHighlighting() != null) {
                List<String> passages = r.getHighlighting().getOrDefault(doc.id(), Map.of()).get(Fields.BODY);
                snippet = passages == null ? "" : String.join(" … ", passages);
            }
            hits.add(groups.hit(doc, snippet));
        }
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dimension : FacetDimensions.SHOWN) {
            facets.put(dimension, counts(r.getFacetField(dimension)));
        }
        return new SearchResponse(request.query(), r.getResults().getNumFound(), request.page(), request.size(), hits,
                facets);
    }

    @Override
    public Optional<ArchivedDocument> document(String id) throws IOException {
        QueryResponse r = query(base(new SolrQuery("{!term f=" + Fields.ID + "}" + id))
                .setFields(Fields.DOC_JSON, Fields.BODY).setRows(1));
        if (r.getResults().isEmpty()) {
            return Optional.empty();
        }
        SolrDocument d = r.getResults().get(0);
        Object body = d.getFirstValue(Fields.BODY);
        ArchivedDocument doc = DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON),
                body == null ? "" : body.toString());
        return Optional.of(links.strip(groups.of(List.of(doc)).merged(doc)));
    }

    /** Every rendition of the document's directive this view may see, the preferred one first. */
    @Override
    public List<ArchivedDocument> renditions(String id) throws IOException {
        Renditions r = groups.ofIds(List.of(id));
        List<ArchivedDocument> out = new ArrayList<>();
        for (String member : r.group(id).map(Renditions.Group::members).orElse(List.of(id))) {
            document(member).ifPresent(out::add);
        }
        return out;
    }

    /** One query for all the ids, restricted to this view ({@link #among}), as the embedded service answers it. */
    @Override
    public Set<String> visibleAmong(Collection<String> ids) throws IOException {
        return among(ids, true);
    }

    /**
     * The ids among these the collection holds, only those this view may see when {@code visibleOnly}, in one query
     * (ids only, no document read), sent as a POST so that no URL grows with the ids.
     */
    private Set<String> among(Collection<String> ids, boolean visibleOnly) throws IOException {
        List<String> asked = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (asked.isEmpty()) {
            return Set.of();
        }
        SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrQueries.anyOf(Fields.ID, asked)).setFields(Fields.ID)
                .setRows(asked.size());
        SolrQuery asking = visibleOnly ? base(q) : q;
        Set<String> out = new HashSet<>();
        for (SolrDocument d : post(asking).getResults()) {
            out.add((String) d.getFirstValue(Fields.ID));
        }
        return out;
    }

    @Override
    public String directiveId(String id) throws IOException {
        return groups.ofIds(List.of(id)).directiveId(id);
    }

    /**
     * One query for all the ids (their stored metadata only, no text), restricted to this view and sent as a POST,
     * each merged over its directive's renditions as {@link #document} merges it: the overdue view reads every
     * document past a deadline (was: a request per document).
     */
    @Override
    public Map<String, DocumentMetadata> metadataOf(Collection<String> ids) throws IOException {
        List<String> asked = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (asked.isEmpty()) {
            return Map.of();
        }
        SolrQuery q = base(new SolrQuery("*:*").addFilterQuery(SolrQueries.anyOf(Fields.ID, asked))
                .setFields(Fields.DOC_JSON).setRows(asked.size()));
        List<ArchivedDocument> read = decoded(post(q));
        Renditions merged = groups.of(read);
        Map<String, DocumentMetadata> out = new HashMap<>();
        for (ArchivedDocument d : read) {
            out.put(d.id(), merged.merged(d).metadata());
        }
        return out;
    }

    /** What this view's clearance filter lets through: a secrecy it may read, and not withdrawn. */
    @Override
    public boolean surelyVisible(DocumentMetadata m) {
        return clearance.sees(m);
    }

    @Override
    public long count() throws IOException {
        return query(directives(base(new SolrQuery("*:*"))).setRows(0)).getResults().getNumFound();
    }

    @Override
    public List<SearchHit> similar(String id, int max) throws IOException {
        List<String> selves = groups.ofIds(List.of(id)).group(id).map(Renditions.Group::members).orElse(List.of(id));
        SolrQuery q = directives(base(new SolrQuery("{!mlt qf=" + Fields.BODY + " mintf=2 mindf=2 maxqt=25}" + id)))
                .setRows(max + selves.size()).setFields(Fields.ID, Fields.DOC_JSON);
        List<ArchivedDocument> found = decoded(query(q)).stream().filter(d -> !selves.contains(d.id())).limit(max)
                .toList();
        Renditions r = groups.of(found);
        return found.stream().map(d -> r.hit(d, "")).toList();
    }

    @Override
    public long export(SearchRequest request, Consumer<ArchivedDocument> sink) throws IOException {
        SolrQuery q = filtered(request).setRows(EXPORT_BATCH).setFields(Fields.DOC_JSON);
        String cursor = "*";
        long n = 0;
        while (true) {
            q.set("cursorMark", cursor);
            QueryResponse r = query(q);
            List<ArchivedDocument> batch = decoded(r);
            Renditions groups = this.groups.of(batch);
            for (ArchivedDocument d : links.strip(batch.stream().map(groups::merged).toList())) {
                sink.accept(d);
                n++;
            }
            if (r.getNextCursorMark() == null || r.getNextCursorMark().equals(cursor)) {
                return n;
            }
            cursor = r.getNextCursorMark();
        }
    }

    @Override
    public List<FacetCount> facetValues(String dimension) throws IOException {
        QueryResponse r = query(directives(base(new SolrQuery("*:*"))).setRows(0).setFacet(true).setFacetMinCount(1)
                .setFacetLimit(-1).addFacetField(dimension));
        return counts(r.getFacetField(dimension));
    }

    @Override
    public List<IssuerGroup> issuerTree() throws IOException {
        Map<String, Map<String, Long>> byParent = new HashMap<>();
        export(new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 1), d -> {
            DocumentMetadata m = d.metadata();
            if (m.issuer() != null) {
                byParent.computeIfAbsent(m.parentIssuer() == null ? "" : m.parentIssuer(), k -> new HashMap<>())
                        .merge(m.issuer(), 1L, Long::sum);
            }
        });
        return IssuerGroup.tree(byParent);
    }

    @Override
    public SearchService restrictedTo(Clearance reader) {
        return new SolrSearchService(client, collection, queries, reader, groups);
    }

    /**
     * The request's query with everything that decides its rows and their order, as the search page and the export
     * share it: the reader's clearance, one rendition per directive, the facet filters (each tagged with its
     * dimension, so that its own counts ignore it), the date range and the sort ({@link #sortBy}).
     */
    SolrQuery filtered(SearchRequest request) {
        refuseInForce(request);
        SolrQuery q = directives(base(new SolrQuery(SolrQueries.toSolr(queries.build(request.query())))));
        request.filters().forEach((dimension, values) -> {
            if (!values.isEmpty()) {
                q.addFilterQuery("{!tag=" + dimension + "}" + filter(dimension, values));
            }
        });
        if (request.from() != null || request.to() != null) {
            q.addFilterQuery(Fields.DATE + ":[" + (request.from() == null ? "*" : request.from().toEpochDay()) + " TO "
                    + (request.to() == null ? "*" : request.to().toEpochDay()) + "]");
        }
        return sortBy(q, request.sort());
    }

    /**
     * The embedded order of a sort choice: the date (a document without one last, as the schema's {@code
     * sortMissingLast} puts it), then the score; the id last breaks the embedded index's ties by insertion order
     * the only way a collection of several shards can, and lets an export page through its rows by cursor.
     */
    static SolrQuery sortBy(SolrQuery q, SearchRequest.Sort sort) {
        switch (sort) {
            case NEWEST -> q.addSort(Fields.DATE, SolrQuery.ORDER.desc);
            case OLDEST -> q.addSort(Fields.DATE, SolrQuery.ORDER.asc);
            case RELEVANCE -> { }
        }
        return q.addSort("score", SolrQuery.ORDER.desc).addSort(Fields.ID, SolrQuery.ORDER.asc);
    }

    /** Every query carries the reader's clearance filter. */
    private SolrQuery base(SolrQuery q) {
        SolrQueries.clearanceFilter(clearance).ifPresent(q::addFilterQuery);
        return q;
    }

    /**
     * Leaves out the renditions that are not their directive's preferred one, as the embedded index does, so that
     * hits, totals, facet counts and exports count directives: one filter on the mark the writer keeps
     * ({@link RenditionGroups#SECONDARY}), whatever the size of the collection.
     */
    private static SolrQuery directives(SolrQuery q) {
        return q.addFilterQuery("-" + RenditionGroups.SECONDARY + ":1");
    }

    /** The documents of a response, without their texts, in its order. */
    private static List<ArchivedDocument> decoded(QueryResponse r) {
        List<ArchivedDocument> out = new ArrayList<>(r.getResults().size());
        for (SolrDocument d : r.getResults()) {
            out.add(DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
        }
        return out;
    }

    /** The rendition lookups this service and its views for other readers share. */
    RenditionGroups groups() {
        return groups;
    }

    private static List<FacetCount> counts(FacetField field) {
        List<FacetCount> out = new ArrayList<>();
        if (field != null && field.getValues() != null) {
            field.getValues().forEach(c -> out.add(new FacetCount(c.getName(), c.getCount())));
        }
        return out;
    }

    /** A filter query matching any of the values, each as the index holds it (a cited number by its key). */
    static String filter(String dimension, List<String> values) {
        StringJoiner any = new StringJoiner(" OR ", dimension + ":(", ")");
        values.forEach(v -> any.add(quoted(FacetDimensions.indexedValue(dimension, v))));
        return any.toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        return query(q, SolrRequest.METHOD.GET);
    }

    /** {@link #query} sent as a POST: a filter listing many ids would not fit a URL. */
    private QueryResponse post(SolrQuery q) throws IOException {
        return query(q, SolrRequest.METHOD.POST);
    }

    private QueryResponse query(SolrQuery q, SolrRequest.METHOD method) throws IOException {
        try {
            return SolrClients.read(() -> client.query(collection, q, method));
        } catch (SolrServerException e) {
            throw new IOException("Solr query failed: " + e.getMessage(), e);
        }
    }
}
