package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import vn.archive.index.DocumentCodec;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.Renditions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renditions of the collection that are not their directive's preferred one, which searches leave out so that
 * they count directives. Reading the groups costs a filter query over the documents with a rendition link and a
 * real-time get of them and of the documents they name; they are read again only when the collection has changed
 * since, which one light query tells: the number of documents and the highest {@code _version_} (a new version is
 * given to every document added or replaced, from its shard leader's clock, so a change is seen as long as the
 * leaders' clocks agree to within the time between two writes; NTP keeps them so).
 */
final class RenditionGroups {
    /** Most documents with a rendition link read at once. */
    private static final int RENDITION_LINKS = 10_000;
    private static final String VERSION = "_version_";

    private final SolrClient client;
    private final String collection;
    private final AtomicLong reads = new AtomicLong();
    private volatile Cached cached;

    /** The groups as read when the collection had this many documents and this highest version. */
    private record Cached(long documents, long version, Set<String> secondaries) { }

    RenditionGroups(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /** The ids to leave out of searches, as the committed collection now holds them. */
    Set<String> secondaries() throws IOException {
        SolrDocumentList newest = query(new SolrQuery("*:*").setFields(VERSION).setRows(1)
                .setSort(VERSION, SolrQuery.ORDER.desc)).getResults();
        long version = newest.isEmpty() ? 0 : ((Number) newest.get(0).getFirstValue(VERSION)).longValue();
        Cached c = cached;
        if (c != null && c.documents() == newest.getNumFound() && c.version() == version) {
            return c.secondaries();
        }
        Set<String> secondaries = read();
        cached = new Cached(newest.getNumFound(), version, secondaries);
        return secondaries;
    }

    /** How many times the groups were read from the collection (the rest came from the cache). */
    long reads() {
        return reads.get();
    }

    private Set<String> read() throws IOException {
        reads.incrementAndGet();
        Set<String> linked = new TreeSet<>();
        SolrQuery withLinks = new SolrQuery("*:*").addFilterQuery(Fields.RENDITION + ":[* TO *]")
                .setFields(Fields.ID).setRows(RENDITION_LINKS);
        for (SolrDocument d : query(withLinks).getResults()) {
            linked.add((String) d.getFirstValue(Fields.ID));
        }
        if (linked.isEmpty()) {
            return Set.of();
        }
        List<ArchivedDocument> docs = new ArrayList<>();
        Set<String> wanted = new TreeSet<>(linked);
        for (SolrDocument d : getById(linked)) {
            ArchivedDocument doc = DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), "");
            docs.add(doc);
            wanted.addAll(DocumentMapper.renditionIds(doc));
        }
        wanted.removeAll(linked);
        for (SolrDocument d : getById(wanted)) {
            docs.add(DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
        }
        return Set.copyOf(Renditions.of(docs).secondaries());
    }

    private List<SolrDocument> getById(Set<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            return client.getById(collection, ids, new ModifiableSolrParams().set("fl", Fields.ID, Fields.DOC_JSON));
        } catch (SolrServerException e) {
            throw new IOException("Solr get failed: " + e.getMessage(), e);
        }
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        try {
            return client.query(collection, q);
        } catch (SolrServerException e) {
            throw new IOException("Solr query failed: " + e.getMessage(), e);
        }
    }
}
