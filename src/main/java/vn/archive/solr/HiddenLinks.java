package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrDocument;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentLink;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The links of documents to documents a reader may not see, found on the collection as the embedded search's clearance
 * filter finds them ({@code withoutHiddenLinks}): a link is dropped when the document it names is in the collection
 * but not visible at the reader's clearance (classified above it, or withdrawn); a link to a document the collection
 * does not hold stays, as embedded. Two queries per set of documents, whatever its size (the ids among those named
 * that exist, and those the reader may see).
 */
final class HiddenLinks {
    private final SolrClient client;
    private final String collection;
    private final Clearance clearance;

    HiddenLinks(SolrClient client, String collection, Clearance clearance) {
        this.client = client;
        this.collection = collection;
        this.clearance = clearance;
    }

    /** The documents without the links this reader may not follow, in their order. */
    List<ArchivedDocument> strip(List<ArchivedDocument> docs) throws IOException {
        Set<String> named = new TreeSet<>();
        docs.forEach(d -> d.links().forEach(l -> named.add(l.id())));
        if (named.isEmpty()) {
            return docs;
        }
        Set<String> hidden = ids(named, false);
        hidden.removeAll(ids(named, true));
        return docs.stream().map(d -> without(d, hidden)).toList();
    }

    /** The document without the notes that link to one of the hidden ids. */
    static ArchivedDocument without(ArchivedDocument d, Set<String> hidden) {
        return d.withNotes(note -> DocumentLink.parse(note).map(l -> !hidden.contains(l.id())).orElse(true));
    }

    /** The ids among these the collection holds, only those this reader may see when {@code visible}. */
    private Set<String> ids(Collection<String> among, boolean visible) throws IOException {
        SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrQueries.anyOf(Fields.ID, among))
                .setFields(Fields.ID).setRows(among.size());
        if (visible) {
            SolrQueries.clearanceFilter(clearance).ifPresent(q::addFilterQuery);
        }
        Set<String> out = new HashSet<>();
        try {
            for (SolrDocument d : SolrClients.read(() -> client.query(collection, q)).getResults()) {
                out.add((String) d.getFirstValue(Fields.ID));
            }
        } catch (SolrServerException e) {
            throw new IOException("Solr query failed: " + e.getMessage(), e);
        }
        return out;
    }
}
