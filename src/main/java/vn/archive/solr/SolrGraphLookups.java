package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.index.GraphLookups;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The graph lookups on a SolrCloud collection: each is one filter query on a string field ({@code {!term}}, so no
 * value needs escaping) answered by every shard, ids only, or the stored JSON for documents. Never Solr's
 * {@code {!graph}} parser, which answers wrongly on a collection of more than one shard (SOLR-13426): the graph is
 * walked by the caller, one lookup at a time, as on the embedded index.
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
        List<String> all = new ArrayList<>(new TreeSet<>(ids));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            SolrDocumentList found;
            try {
                // real-time get by id: each id is routed to its shard, no query parsing of the ids
                found = SolrClients.read(() -> client.getById(collection, batch, new ModifiableSolrParams()
                        .set("fl", Fields.ID, Fields.DOC_JSON)));
            } catch (SolrServerException | RuntimeException e) {
                throw new IOException("Solr get failed / Solr không trả lời: " + e.getMessage(), e);
            }
            for (SolrDocument d : found) {
                out.put((String) d.getFirstValue(Fields.ID),
                        DocumentCodec.decode((String) d.getFirstValue(Fields.DOC_JSON), ""));
            }
        }
        return out;
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
