package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import vn.archive.index.DocumentCodec;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.Renditions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renditions of a few documents of the collection (a page of hits, one document, the documents of one commit),
 * looked up per query: the documents naming them in the {@link Fields#RENDITION} link field (one filter query on
 * their ids) and those their own links name (a real-time get), then the same from the documents found, until no new
 * one turns up. The cost follows the documents asked about, never the size of the collection. Which renditions are not
 * their directive's preferred one is decided when they are written ({@link SolrArchiveIndex#commit}) and kept in the
 * {@link #SECONDARY} field that searches filter on.
 */
final class RenditionGroups {
    /**
     * 1 on the renditions that are not their directive's preferred one, 0 on every other document: a docValues-only
     * number, so that it is changed in place ({@link #mark}).
     */
    static final String SECONDARY = "secondary";
    /** Ids in one filter query or one real-time get. */
    private static final int BATCH = 500;
    /** Links followed from the documents asked about: a directive's renditions name each other directly. */
    private static final int ROUNDS = 4;

    private final SolrClient client;
    private final String collection;
    private final AtomicLong lookups = new AtomicLong();

    /**
     * The documents reached from those asked about through rendition links.
     *
     * @param documents  every document reached, by id (without its text)
     * @param secondary  those of them the collection now marks as not preferred
     * @param renditions the groups among them
     */
    record Reached(Map<String, ArchivedDocument> documents, Set<String> secondary, Renditions renditions) { }

    RenditionGroups(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /** The groups of these documents (already read, so only their links are looked up). */
    Renditions of(Collection<ArchivedDocument> documents) throws IOException {
        return reach(documents, List.of()).renditions();
    }

    /** The groups of the documents with these ids. */
    Renditions ofIds(Collection<String> ids) throws IOException {
        return reach(List.of(), ids).renditions();
    }

    /** How many filter queries on the link field were sent (a page of hits asks one when nothing links to it). */
    long lookups() {
        return lookups.get();
    }

    /** The documents reached from these (known ones and others by id), with their groups and marks. */
    Reached reach(Collection<ArchivedDocument> known, Collection<String> ids) throws IOException {
        Map<String, ArchivedDocument> docs = new HashMap<>();
        Set<String> secondary = new HashSet<>();
        known.forEach(d -> docs.put(d.id(), d));
        Set<String> frontier = new TreeSet<>(docs.keySet());
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(docs.keySet());
        frontier.addAll(read(get(missing), docs, secondary));
        for (int round = 0; round < ROUNDS && !frontier.isEmpty(); round++) {
            Set<String> next = new TreeSet<>(read(naming(frontier), docs, secondary));
            Set<String> named = new TreeSet<>();
            for (String id : frontier) {
                DocumentMapper.renditionIds(docs.get(id)).stream().filter(o -> !docs.containsKey(o)).forEach(named::add);
            }
            next.addAll(read(get(named), docs, secondary));
            frontier = next;
        }
        return new Reached(docs, secondary, Renditions.of(docs.values()));
    }

    /** Those of these ids that another document names as its rendition, or that name one themselves. */
    Set<String> linkedAmong(Collection<String> ids) throws IOException {
        Set<String> out = new TreeSet<>();
        for (SolrDocument d : naming(ids)) {
            out.add((String) d.getFirstValue(Fields.ID));
        }
        return out;
    }

    /**
     * An in-place update of a document's mark: Solr changes the doc value without indexing the document again, so
     * neither its text nor the collection's statistics change.
     */
    static SolrInputDocument mark(String id, boolean secondary) {
        SolrInputDocument u = new SolrInputDocument();
        u.addField(Fields.ID, id);
        u.addField(SECONDARY, Map.of("set", secondary ? 1 : 0));
        return u;
    }

    /** Adds the new documents among these to the map; their ids. */
    private static List<String> read(List<SolrDocument> found, Map<String, ArchivedDocument> docs,
            Set<String> secondary) {
        List<String> added = new ArrayList<>();
        for (SolrDocument d : found) {
            String id = (String) d.getFirstValue(Fields.ID);
            if (docs.containsKey(id)) {
                continue;
            }
            docs.put(id, DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
            if (d.getFirstValue(SECONDARY) instanceof Number n && n.intValue() == 1) {
                secondary.add(id);
            }
            added.add(id);
        }
        return added;
    }

    /** The committed documents whose link field names any of these ids. */
    private List<SolrDocument> naming(Collection<String> ids) throws IOException {
        List<String> all = new ArrayList<>(new TreeSet<>(ids));
        List<SolrDocument> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrQueries.anyOf(Fields.RENDITION,
                    all.subList(from, Math.min(all.size(), from + BATCH))))
                    .setFields(Fields.ID, Fields.DOC_JSON, SECONDARY).setSort(Fields.ID, SolrQuery.ORDER.asc);
            int rows = BATCH;
            for (int start = 0; ; start += rows) {
                lookups.incrementAndGet();
                SolrDocumentList page = query(q.setStart(start).setRows(rows));
                out.addAll(page);
                if (start + rows >= page.getNumFound()) {
                    break;
                }
            }
        }
        return out;
    }

    /** The documents with these ids, committed or not (Solr's real-time get). */
    private List<SolrDocument> get(Collection<String> ids) throws IOException {
        List<String> all = new ArrayList<>(ids);
        List<SolrDocument> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            try {
                out.addAll(SolrClients.read(() -> client.getById(collection, batch,
                        new ModifiableSolrParams().set("fl", Fields.ID, Fields.DOC_JSON, SECONDARY))));
            } catch (SolrServerException | RuntimeException e) {
                throw new IOException("Solr get failed / Solr không trả lời: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private SolrDocumentList query(SolrQuery q) throws IOException {
        try {
            return SolrClients.read(() -> client.query(collection, q, SolrRequest.METHOD.POST)).getResults();
        } catch (SolrServerException | RuntimeException e) {
            throw new IOException("Solr query failed / Solr không trả lời: " + e.getMessage(), e);
        }
    }
}
