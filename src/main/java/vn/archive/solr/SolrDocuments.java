package vn.archive.solr;

import org.apache.solr.common.SolrInputDocument;
import vn.archive.index.DocumentCodec;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.text.GraphText;
import vn.archive.text.KindNames;
import vn.archive.text.LawNames;

import java.util.Objects;

/**
 * Turns an archived document into the collection's fields (index-config/solr/conf/schema.xml): the same fields and
 * values as {@link DocumentMapper} gives the embedded index, whose helpers it uses for number keys, facet values,
 * renditions and place terms.
 */
public final class SolrDocuments {
    private final KindNames kindNames;

    public SolrDocuments(KindNames kindNames) {
        this.kindNames = Objects.requireNonNull(kindNames, "kindNames");
    }

    /**
     * The document's fields, marked as its directive's preferred (or only) rendition until the commit tells
     * otherwise ({@link RenditionGroups#SECONDARY}, changed in place).
     */
    public SolrInputDocument toSolr(ArchivedDocument d) {
        DocumentMetadata m = d.metadata();
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(Fields.ID, d.id());
        doc.addField(Fields.SHA256, d.source().sha256());
        DocumentMapper.numberKeys(m, kindNames).forEach(k -> doc.addField(Fields.NUMBER_KEY, k));
        doc.addField(Fields.BODY, d.text());
        doc.addField(Fields.BODY_EXACT, d.text());
        int secrecy = DocumentMapper.secrecy(m);
        if (secrecy > 0) {
            doc.addField(Fields.CLEARANCE, secrecy);
        }
        if (m.title() != null) {
            doc.addField(Fields.TITLE, m.title());
            doc.addField(Fields.TITLE_EXACT, m.title());
        }
        if (m.date() != null) {
            doc.addField(Fields.DATE, m.date().toEpochDay());
        }
        DocumentMapper.firstDeadline(m).ifPresent(day -> doc.addField(Fields.DEADLINE, day));
        DocumentMapper.facetValues(m).forEach((dimension, values) -> values.forEach(v -> doc.addField(dimension, v)));
        DocumentMapper.renditionIds(d).forEach(other -> doc.addField(Fields.RENDITION, other));
        LawNames.ofDocument(m).ifPresent(k -> doc.addField(Fields.LAW_NAME, k));
        DocumentMapper.citedLawKeys(m).forEach(k -> doc.addField(Fields.CITES_LAW, k));
        doc.addField(RenditionGroups.SECONDARY, 0);
        doc.addField(Fields.DOC_JSON, DocumentCodec.encode(d));
        GraphText graph = GraphText.of(d.text());
        doc.addField(Fields.GRAPH_TEXT, graph.encode());
        DocumentMapper.placeTerms(m, graph).forEach((field, terms) -> terms.forEach(t -> doc.addField(field, t)));
        return doc;
    }
}
