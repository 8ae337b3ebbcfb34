package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.DocumentCodec;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The archive's index as a SolrCloud collection, written and read through SolrJ 10 (javabin over the JDK's HTTP
 * client). Like the embedded index, readers see a document after {@link #commit()}, and the hashes of documents
 * not yet committed are remembered so that a duplicate in the same import is still recognised. A commit also marks
 * the renditions that are not their directive's preferred one ({@link RenditionGroups#SECONDARY}), among the groups
 * of the documents written since the last commit: searches leave them out with one filter, whatever the size of the
 * collection. Two processes writing two renditions of one directive and committing at the same instant may both miss
 * the other's uncommitted document; the next write to either marks them.
 */
public final class SolrArchiveIndex implements ArchiveIndex {
    private final SolrClient client;
    private final String collection;
    private final SolrDocuments mapper;
    /** Documents per page of {@link #forEachDocument} (with their texts). */
    private static final int PAGE = 200;
    private final Map<String, String> uncommitted = new ConcurrentHashMap<>();
    /** Ids written since the last commit, each with whether it names another rendition itself. */
    private final Map<String, Boolean> written = new ConcurrentHashMap<>();
    private final RenditionGroups groups;

    public SolrArchiveIndex(SolrClient client, String collection, KindNames kindNames) {
        this.client = Objects.requireNonNull(client, "client");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.mapper = new SolrDocuments(kindNames);
        this.groups = new RenditionGroups(client, collection);
    }

    /** Opens the collection at this target with a cluster-aware client (closed with the index). */
    public static SolrArchiveIndex open(SolrTarget target, KindNames kindNames) {
        return new SolrArchiveIndex(SolrClients.cloud(target), target.collection(), kindNames);
    }

    public SolrClient client() {
        return client;
    }

    public String collection() {
        return collection;
    }

    @Override
    public void upsert(ArchivedDocument document) throws IOException {
        try {
            client.add(collection, mapper.toSolr(document));
        } catch (SolrServerException e) {
            throw new IOException("Solr không nhận văn bản " + document.id() + " / Solr refused document "
                    + document.id() + ": " + e.getMessage(), e);
        }
        uncommitted.put(document.source().sha256(), document.id());
        written.put(document.id(), !DocumentMapper.renditionIds(document).isEmpty());
    }

    @Override
    public void commit() throws IOException {
        Map<String, String> done = Map.copyOf(uncommitted);
        Map<String, Boolean> marking = new HashMap<>();
        for (String id : written.keySet()) {
            Boolean links = written.remove(id);
            if (links != null) {
                marking.put(id, links);
            }
        }
        try {
            solrCommit();
            done.forEach(uncommitted::remove);
            if (markSecondaries(marking)) {
                solrCommit();
            }
        } catch (IOException | RuntimeException e) {
            marking.forEach(written::putIfAbsent);
            throw e;
        }
    }

    /**
     * Sets or clears the mark of every document in the groups of these freshly committed ones (a new rendition may
     * be preferred to an old one, a corrected number may split a group); whether any mark changed.
     */
    private boolean markSecondaries(Map<String, Boolean> committed) throws IOException {
        Set<String> seeds = new TreeSet<>();
        committed.forEach((id, links) -> {
            if (links) {
                seeds.add(id);
            }
        });
        seeds.addAll(groups.linkedAmong(committed.keySet()));
        if (seeds.isEmpty()) {
            return false;
        }
        RenditionGroups.Reached reached = groups.reach(List.of(), seeds);
        Set<String> secondaries = reached.renditions().secondaries();
        boolean changed = false;
        for (String id : reached.documents().keySet()) {
            boolean secondary = secondaries.contains(id);
            if (secondary != reached.secondary().contains(id)) {
                try {
                    client.add(collection, RenditionGroups.mark(id, secondary));
                } catch (SolrServerException e) {
                    throw new IOException("Solr refused document " + id + ": " + e.getMessage(), e);
                }
                changed = true;
            }
        }
        return changed;
    }

    private void solrCommit() throws IOException {
        try {
            client.commit(collection, true, true);
        } catch (SolrServerException e) {
            throw new IOException("Solr commit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ArchivedDocument> get(String id) throws IOException {
        SolrDocumentList docs = query(new SolrQuery("{!term f=" + Fields.ID + "}" + id)
                .setFields(Fields.DOC_JSON, Fields.BODY).setRows(1)).getResults();
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        SolrDocument d = docs.get(0);
        Object body = d.getFirstValue(Fields.BODY);
        return Optional.of(DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON),
                body == null ? "" : body.toString()));
    }

    /** Solr's real-time get (the implicit {@code /get} handler over the update log) sees uncommitted writes. */
    @Override
    public Optional<ArchivedDocument> latest(String id) throws IOException {
        SolrDocument d;
        try {
            d = SolrClients.read(() -> client.getById(collection, id, new ModifiableSolrParams()
                    .set("fl", Fields.DOC_JSON, Fields.BODY)));
        } catch (SolrServerException e) {
            throw new IOException("Solr get failed: " + e.getMessage(), e);
        }
        if (d == null) {
            return Optional.empty();
        }
        Object body = d.getFirstValue(Fields.BODY);
        return Optional.of(DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON),
                body == null ? "" : body.toString()));
    }

    @Override
    public Optional<String> idForSha256(String sha256) throws IOException {
        String pending = uncommitted.get(sha256);
        if (pending != null) {
            return Optional.of(pending);
        }
        SolrDocumentList docs = query(new SolrQuery("{!term f=" + Fields.SHA256 + "}" + sha256)
                .setFields(Fields.ID).setRows(1)).getResults();
        return docs.isEmpty() ? Optional.empty() : Optional.of((String) docs.get(0).getFirstValue(Fields.ID));
    }

    @Override
    public long count() throws IOException {
        return query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    }

    /** Pages through the collection with a cursor on the id (stable while documents are added meanwhile). */
    @Override
    public void forEachDocument(DocumentSink sink) throws IOException {
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setFields(Fields.DOC_JSON, Fields.BODY).setRows(PAGE)
                    .setSort(Fields.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            for (SolrDocument d : r.getResults()) {
                Object body = d.getFirstValue(Fields.BODY);
                sink.accept(DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON),
                        body == null ? "" : body.toString()));
            }
            if (cursor.equals(r.getNextCursorMark())) {
                return;
            }
            cursor = r.getNextCursorMark();
        }
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            return SolrClients.read(() -> client.query(collection, q));
        } catch (SolrServerException e) {
            throw new IOException("Solr query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
