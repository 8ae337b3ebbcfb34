package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.ClusterStateProvider;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.index.GraphLookups;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.GraphText;
import vn.archive.text.PlaceKeys;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The graph lookups on a SolrCloud collection: each is one filter query on a string field ({@code {!term}}, so no
 * value needs escaping) answered by every shard, ids only, or the stored JSON for documents. Never Solr's
 * {@code {!graph}} parser, which answers wrongly on a collection of more than one shard (SOLR-13426): the graph is
 * walked by the caller, as on the embedded index; what a view needs of many documents or numbers at once is asked in
 * one request ({@link #documentBatch}, {@link #citingNumbers}, {@link #citingLawNames}…), and one place's namesakes and
 * citers of a local number by its place terms ({@link #citingAt}, {@link #bearingAt}), as on the embedded index.
 * Over 350 lines because it answers every method of {@link GraphLookups} (numbers, laws, places, documents, the
 * collection's version) on one client with the same batched filter queries: split, each part would repeat them.
 */
public final class SolrGraphLookups implements GraphLookups {
    /** Ids asked for in one request by {@link #documents}. */
    private static final int BATCH = 200;

    private final SolrClient client;
    private final String collection;

    public SolrGraphLookups(SolrClient client, String collection) {
        this.client = Objects.requireNonNull(client, "client");
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    @Override
    public SortedSet<String> bearingNumber(String numberKey) throws IOException {
        return ids(Fields.NUMBER_KEY, numberKey);
    }

    @Override
    public SortedSet<String> citingNumber(String numberKey) throws IOException {
        return ids(Fields.CITES, numberKey);
    }

    @Override
    public SortedSet<String> bearingLawName(String lawKey) throws IOException {
        return ids(Fields.LAW_NAME, lawKey);
    }

    @Override
    public SortedSet<String> citingLawName(String lawKey) throws IOException {
        return ids(Fields.CITES_LAW, lawKey);
    }

    @Override
    public SortedSet<String> renditionLinksTo(String id) throws IOException {
        return ids(Fields.RENDITION, id);
    }

    @Override
    public Map<String, ArchivedDocument> documents(Collection<String> ids) throws IOException {
        Map<String, ArchivedDocument> out = new HashMap<>();
        for (SolrDocument d : byId(ids, Fields.ID, Fields.DOC_JSON)) {
            out.put((String) d.getFirstValue(Fields.ID), DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
        }
        return out;
    }

    /** The documents and their graph texts read together by id, and the rendition links to them in one query. */
    @Override
    public DocumentBatch documentBatch(Collection<String> ids) throws IOException {
        Map<String, ArchivedDocument> docs = new HashMap<>();
        Map<String, GraphText> texts = new HashMap<>();
        for (SolrDocument d : byId(ids, Fields.ID, Fields.DOC_JSON, Fields.GRAPH_TEXT)) {
            String id = (String) d.getFirstValue(Fields.ID);
            docs.put(id, DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
            Optional.ofNullable(d.getFirstValue(Fields.GRAPH_TEXT)).map(Object::toString).flatMap(GraphText::decode)
                    .ifPresent(t -> texts.put(id, t));
        }
        return new DocumentBatch(docs, texts, holding(Fields.RENDITION, ids));
    }

    @Override
    public Map<String, SortedSet<String>> citingNumbers(Collection<String> numberKeys) throws IOException {
        return holding(Fields.CITES, numberKeys);
    }

    @Override
    public Map<String, SortedSet<String>> bearingNumbers(Collection<String> numberKeys) throws IOException {
        return holding(Fields.NUMBER_KEY, numberKeys);
    }

    @Override
    public Map<String, SortedSet<String>> citingLawNames(Collection<String> lawKeys) throws IOException {
        return holding(Fields.CITES_LAW, lawKeys);
    }

    @Override
    public Map<String, SortedSet<String>> bearingLawNames(Collection<String> lawKeys) throws IOException {
        return holding(Fields.LAW_NAME, lawKeys);
    }

    /** By place terms ({@link Fields#CITES_AT}); empty when a document of the collection was written without them. */
    @Override
    public Optional<Map<String, SortedSet<String>>> citingAt(Collection<String> placeKeys) throws IOException {
        // a document filed with years was filed with place terms too: its year mark is the one to count then
        return holdingIfPlaced(Fields.CITES_AT, placeKeys,
                placeKeys.stream().anyMatch(PlaceKeys::hasYear) ? PlaceKeys.YEARS : PlaceKeys.MARK);
    }

    /** By place terms ({@link Fields#NUMBER_AT}); empty when a document of the collection was written without them. */
    @Override
    public Optional<Map<String, SortedSet<String>>> bearingAt(Collection<String> placeKeys) throws IOException {
        return holdingIfPlaced(Fields.NUMBER_AT, placeKeys, PlaceKeys.MARK);
    }

    /**
     * {@link #holding} of place terms, or empty when the collection cannot answer by place: one of its documents lacks
     * the mark ({@code PlaceKeys.MARK}, or {@code PlaceKeys.YEARS} for terms in a year; written before the terms), or
     * its schema has no such field (Solr refuses the filter). The mark is counted in the first request of the lookup, over the whole collection (its filter excluded
     * by tag), so the check costs no round trip of its own.
     */
    private Optional<Map<String, SortedSet<String>>> holdingIfPlaced(String field, Collection<String> placeKeys,
                                                                     String mark) throws IOException {
        try {
            return holding(field, placeKeys, mark);
        } catch (IOException e) {
            if (refused(e)) {
                return Optional.empty(); // a collection made before the fields were in the schema
            }
            throw e;
        }
    }

    /** Whether Solr refused the request itself (a bad request: an unknown field), rather than failing to answer. */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SolrException s && s.code() == SolrException.ErrorCode.BAD_REQUEST.code) {
                return true;
            }
        }
        return false;
    }

    /** The documents with these ids, these fields only, by real-time get ({@link #BATCH} ids a request). */
    private List<SolrDocument> byId(Collection<String> ids, String... fields) throws IOException {
        List<SolrDocument> out = new ArrayList<>();
        List<String> all = new ArrayList<>(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            try {
                // real-time get by id: each id is routed to its shard, no query parsing of the ids
                out.addAll(SolrClients.read(() -> client.getById(collection, batch, new ModifiableSolrParams()
                        .set("fl", fields))));
            } catch (SolrServerException | RuntimeException e) {
                throw new IOException("Solr get failed / Solr không trả lời: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * For each of these values of a multi-valued string field, the ids of the documents holding it (every value in
     * the answer): one {@code {!terms}} filter query per {@link #BATCH} values, sent as a POST so that no URL grows
     * with them, paged by id, each document's values of the field read from its doc values.
     */
    private Map<String, SortedSet<String>> holding(String field, Collection<String> values) throws IOException {
        return holding(field, values, null).orElseThrow();
    }

    /**
     * {@link #holding(String, Collection)}, and when a {@code mark} is asked, empty if not every document of the
     * collection bears that mark of the place terms ({@link Fields#NUMBER_AT} {@code PlaceKeys.MARK} or {@code YEARS}).
     */
    private Optional<Map<String, SortedSet<String>>> holding(String field, Collection<String> values, String mark)
            throws IOException {
        Map<String, SortedSet<String>> out = new HashMap<>();
        values.forEach(v -> out.put(v, new TreeSet<>()));
        List<String> all = new ArrayList<>(new TreeSet<>(values));
        int rows = 1000;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            for (int start = 0; ; start += rows) {
                boolean check = mark != null && from == 0 && start == 0;
                SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrQueries.anyOf(field, batch, check ? "tag=asked" : ""))
                        .setFields(Fields.ID, field).setSort(Fields.ID, SolrQuery.ORDER.asc).setStart(start).setRows(rows);
                if (check) {
                    // counted over the whole collection: the tagged filter is left out of these two counts
                    q.setFacet(true).addFacetQuery("{!term f=" + Fields.NUMBER_AT + " ex=asked key=marked}" + mark)
                            .addFacetQuery("{!lucene ex=asked key=all}*:*");
                }
                QueryResponse response;
                try {
                    response = SolrClients.read(() -> client.query(collection, q, SolrRequest.METHOD.POST));
                } catch (SolrServerException | RuntimeException e) {
                    throw new IOException("Solr lookup failed / Solr không trả lời: " + e.getMessage(), e);
                }
                if (check && (response.getFacetQuery() == null || response.getFacetQuery().get("all") == null
                        || !response.getFacetQuery().get("all").equals(response.getFacetQuery().get("marked")))) {
                    return Optional.empty();
                }
                SolrDocumentList page = response.getResults();
                for (SolrDocument d : page) {
                    String id = (String) d.getFirstValue(Fields.ID);
                    Collection<Object> held = d.getFieldValues(field);
                    if (held != null) {
                        held.forEach(v -> {
                            SortedSet<String> ids = out.get(v.toString());
                            if (ids != null) {
                                ids.add(id);
                            }
                        });
                    }
                }
                if (start + rows >= page.getNumFound()) {
                    break;
                }
            }
        }
        return Optional.of(out);
    }

    @Override
    public String text(String id) throws IOException {
        SolrDocumentList docs = query(new SolrQuery("*:*").addFilterQuery(term(Fields.ID, id))
                .setFields(Fields.BODY).setRows(1));
        if (docs.isEmpty()) {
            return "";
        }
        Object body = docs.get(0).getFirstValue(Fields.BODY);
        return body == null ? "" : body.toString();
    }

    @Override
    public Optional<GraphText> graphText(String id) throws IOException {
        SolrDocumentList docs = query(new SolrQuery("*:*").addFilterQuery(term(Fields.ID, id))
                .setFields(Fields.GRAPH_TEXT).setRows(1));
        // a document indexed before the field has none: the caller reads its text
        return docs.isEmpty() ? Optional.empty()
                : Optional.ofNullable(docs.get(0).getFirstValue(Fields.GRAPH_TEXT)).map(Object::toString).flatMap(GraphText::decode);
    }

    @Override
    public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
        SortedSet<String> out = new TreeSet<>();
        int rows = 1000;
        try {
            for (int start = 0; ; start += rows) {
                SolrDocumentList page = query(new SolrQuery("*:*")
                        .addFilterQuery(Fields.DEADLINE + ":[* TO " + (day.toEpochDay() - 1) + "]")
                        .setFields(Fields.ID).setSort(Fields.ID, SolrQuery.ORDER.asc).setStart(start).setRows(rows));
                page.forEach(d -> out.add((String) d.getFirstValue(Fields.ID)));
                if (start + rows >= page.getNumFound()) {
                    return Optional.of(out);
                }
            }
        } catch (IOException e) {
            // a collection made before the field was in the schema refuses the filter: the caller reads the documents
            return Optional.empty();
        }
    }

    /**
     * The version of the open searcher of every active replica of the collection (of each collection, if it is an
     * alias), read from each replica's Luke handler, the replicas listed afresh each time: a replica's version changes
     * whenever it opens a searcher on changed content, and a replica that joins or leaves changes the list, so the
     * token is equal between two calls only while every replica a lookup may be routed to shows what it showed. The
     * replicas of the last list are asked while the list is read again, all at once (asked again if it changed).
     * Null (nothing kept beyond one question) when the client cannot list the replicas or one of them does not answer.
     */
    @Override
    public Object version() {
        if (!(client instanceof CloudHttp2SolrClient cloud)) {
            return null;
        }
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Core> known = cores;
            Map<Core, Future<Long>> asked = ask(cloud, known, threads);
            List<Core> now = activeCores(cloud.getClusterStateProvider());
            if (now == null) {
                return null;
            }
            if (!now.equals(known)) {
                cores = now;
                asked = ask(cloud, now, threads);
            }
            Map<String, Long> versions = new TreeMap<>();
            for (Map.Entry<Core, Future<Long>> e : asked.entrySet()) {
                Long v = e.getValue().get(30, TimeUnit.SECONDS);
                if (v == null) {
                    return null;
                }
                versions.put(e.getKey().collection() + "/" + e.getKey().name(), v);
            }
            return versions.isEmpty() ? null : versions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | IOException
                 | RuntimeException e) {
            return null; // a node gone or going: nothing is kept, the lookups themselves say what fails
        }
    }

    /** A replica's core: its collection, node and name. */
    private record Core(String collection, String baseUrl, String name) {
    }

    /** The replicas read by {@link #version} last time. */
    private volatile List<Core> cores = List.of();

    /** The active replicas of the collection (or of the alias's collections) on live nodes; null if one is unknown. */
    private List<Core> activeCores(ClusterStateProvider state) throws IOException {
        List<Core> out = new ArrayList<>();
        Set<String> live = state.getLiveNodes();
        for (String name : state.resolveAlias(collection)) {
            DocCollection c = state.getCollection(name);
            if (c == null) {
                return null;
            }
            for (Replica r : c.getReplicas()) {
                if (r.isActive(live)) {
                    out.add(new Core(name, r.getBaseUrl(), r.getCoreName()));
                }
            }
        }
        out.sort(Comparator.comparing(Core::collection).thenComparing(Core::name));
        return out;
    }

    /** Each core's open searcher's version, asked of all at once; a future of null when a core answers none. */
    private static Map<Core, Future<Long>> ask(CloudHttp2SolrClient cloud, List<Core> cores,
                                               ExecutorService threads) {
        Map<Core, Future<Long>> out = new LinkedHashMap<>();
        for (Core core : cores) {
            out.put(core, threads.submit(() -> {
                GenericSolrRequest luke = new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/luke",
                        new ModifiableSolrParams().set("show", "index").set("numTerms", 0)).setRequiresCollection(true);
                Object index = cloud.getHttpClient().requestWithBaseUrl(core.baseUrl(), luke, core.name()).get("index");
                return index instanceof NamedList<?> n && n.get("version") instanceof Number v ? v.longValue() : null;
            }));
        }
        return out;
    }

    /** The ids of every document with this value in this field, paged through by id so none is missed. */
    private SortedSet<String> ids(String field, String value) throws IOException {
        SortedSet<String> out = new TreeSet<>();
        int rows = 1000;
        for (int start = 0; ; start += rows) {
            SolrDocumentList page = query(new SolrQuery("*:*").addFilterQuery(term(field, value))
                    .setFields(Fields.ID).setSort(Fields.ID, SolrQuery.ORDER.asc).setStart(start).setRows(rows));
            page.forEach(d -> out.add((String) d.getFirstValue(Fields.ID)));
            if (start + rows >= page.getNumFound()) {
                return out;
            }
        }
    }

    /** A filter on one indexed value, taken verbatim (the term parser neither analyses nor needs escaping). */
    private static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }

    private SolrDocumentList query(SolrQuery q) throws IOException {
        try {
            return SolrClients.read(() -> client.query(collection, q)).getResults();
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("Solr lookup failed / Solr không trả lời: " + e.getMessage(), e);
        }
    }
}
