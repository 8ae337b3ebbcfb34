package vn.archive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.text.ExactAndFolded;
import vn.archive.text.GraphText;
import vn.archive.text.PlaceKeys;
import vn.archive.text.KindNames;
import vn.archive.text.LawNames;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Turns an archived document into Lucene fields. The only place that knows which field holds what. */
public final class DocumentMapper {
    /** Body text: stored for snippets, with offsets so highlighting needs no re-analysis. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final KindNames kindNames;
    private final FacetsConfig facetsConfig;

    public DocumentMapper(FacetsConfig facetsConfig) {
        this(facetsConfig, KindNames.builtIn());
    }

    /** A mapper that files numbers under the kind codes of this table (the {@code --config} folder's). */
    public DocumentMapper(FacetsConfig facetsConfig, KindNames kindNames) {
        this.facetsConfig = facetsConfig;
        this.kindNames = Objects.requireNonNull(kindNames, "kindNames");
    }

    /** The facets configuration shared by writer and searcher. */
    /** The earliest deadline as epoch day ({@link Fields#DEADLINE}), for both index backends. */
    public static Optional<Long> firstDeadline(DocumentMetadata m) {
        return m.deadlines().stream().min(Comparator.naturalOrder()).map(LocalDate::toEpochDay);
    }

    /**
     * The place terms of the document ({@code text.PlaceKeys}), field by field: {@link Fields#NUMBER_AT} (the marks
     * first, then its own number's terms) and {@link Fields#CITES_AT}, its text's place read from {@code graph}; for
     * both index backends.
     */
    public static Map<String, Set<String>> placeTerms(DocumentMetadata m, GraphText graph) {
        PlaceKeys.Filed filed = PlaceKeys.of(m, graph.place());
        Set<String> own = new LinkedHashSet<>();
        own.add(PlaceKeys.MARK);
        own.add(PlaceKeys.YEARS);
        own.addAll(filed.ownNumber());
        return Map.of(Fields.NUMBER_AT, own, Fields.CITES_AT, filed.citations());
    }

    public static FacetsConfig newFacetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.CITES, true);
        config.setMultiValued(Fields.SIGNER, true);
        config.setMultiValued(Fields.CAMPAIGN, true);
        return config;
    }

    /**
     * The document's level on the {@link Fields#CLEARANCE} point: its secrecy ({@code Clearance} ordinal), or for a
     * withdrawn document {@link Fields#WITHDRAWN_LEVEL}, above every clearance, so the one filter that hides secrets
     * from a reader hides withdrawn documents from everyone (hits, totals, facets, trees, tracking, exports).
     */
    public static int secrecy(DocumentMetadata m) {
        return m.withdrawn() != null ? Fields.WITHDRAWN_LEVEL
                : Clearance.ofClassification(m.classification()).ordinal();
    }

    /** The Lucene document, facets built. */
    public Document toDocument(ArchivedDocument d) throws IOException {
        DocumentMetadata m = d.metadata();
        Document doc = new Document();
        doc.add(new KeywordField(Fields.ID, d.id(), Field.Store.YES));
        doc.add(new KeywordField(Fields.SHA256, d.source().sha256(), Field.Store.NO));
        numberKeys(m, kindNames).forEach(k -> doc.add(new KeywordField(Fields.NUMBER_KEY, k, Field.Store.NO)));
        // the text is analysed once for both its folded and its exact field (the same terms as two analyses); a
        // text too long to hold its tokens is left to the writer's analyzer, which streams it twice
        ExactAndFolded body = d.text().length() <= ExactAndFolded.MAX_CHARS ? ExactAndFolded.of(d.text()) : null;
        String head = BodyHead.of(d.text());
        if (BodyHead.cut(d.text())) {
            // snippets read this opening, not the compressed text (issue 18: snippets on long documents)
            doc.add(new NumericDocValuesField(Fields.BODY_CHARS, d.text().length()));
            doc.add(new BinaryDocValuesField(Fields.BODY_HEAD_UTF16, BodyHead.utf16(head)));
        }
        // and look its passages' bounds up here instead of running the sentence iterator at every match again
        doc.add(new BinaryDocValuesField(Fields.BODY_SENTENCES, HeadSentences.encode(HeadSentences.of(head))));
        doc.add(body == null ? new Field(Fields.BODY, d.text(), BODY_TYPE)
                : new PreAnalysed(Fields.BODY, d.text(), BODY_TYPE, body.folded()));
        int secrecy = secrecy(m);
        if (secrecy > 0) {
            // searches filter on this point, so totals and facet counts never include what the reader may not see
            doc.add(new IntPoint(Fields.CLEARANCE, secrecy));
        }
        doc.add(body == null ? new TextField(Fields.BODY_EXACT, d.text(), Field.Store.NO)
                : new PreAnalysed(Fields.BODY_EXACT, d.text(), TextField.TYPE_NOT_STORED, body.exact()));
        if (m.title() != null) {
            ExactAndFolded title = ExactAndFolded.of(m.title());
            doc.add(new PreAnalysed(Fields.TITLE, m.title(), TextField.TYPE_NOT_STORED, title.folded()));
            doc.add(new PreAnalysed(Fields.TITLE_EXACT, m.title(), TextField.TYPE_NOT_STORED, title.exact()));
        }
        if (m.date() != null) {
            long day = m.date().toEpochDay();
            doc.add(new LongPoint(Fields.DATE, day));
            doc.add(new NumericDocValuesField(Fields.DATE, day));
        }
        if (m.effectiveFrom() != null) {
            doc.add(new LongPoint(Fields.EFFECTIVE, m.effectiveFrom().toEpochDay()));
        }
        firstDeadline(m).ifPresent(day -> doc.add(new LongPoint(Fields.DEADLINE, day)));
        changes(m).forEach(c -> doc.add(new KeywordField(Fields.CHANGES, c, Field.Store.NO)));
        facetValues(m).forEach((dimension, values) -> values.forEach(v -> facet(doc, dimension, v)));
        renditionIds(d).forEach(other -> doc.add(new KeywordField(Fields.RENDITION, other, Field.Store.NO)));
        LawNames.ofDocument(m).ifPresent(k -> doc.add(new KeywordField(Fields.LAW_NAME, k, Field.Store.NO)));
        citedLawKeys(m).forEach(k -> doc.add(new KeywordField(Fields.CITES_LAW, k, Field.Store.NO)));
        String json = DocumentCodec.encode(d);
        doc.add(new StoredField(Fields.DOC_JSON, json));
        doc.add(new BinaryDocValuesField(Fields.META_JSON, new BytesRef(json)));
        // reference graph (issue 13/14): what trees and tracking read from the text, read here once
        GraphText graph = GraphText.of(d.text());
        doc.add(new BinaryDocValuesField(Fields.GRAPH_TEXT, new BytesRef(graph.encode())));
        placeTerms(m, graph).forEach((field, terms) -> terms.forEach(t -> doc.add(new StringField(field, t, Field.Store.NO))));
        return facetsConfig.build(doc);
    }

    /**
     * The document's values for each facet dimension of the search page's facet dimensions that it has (blank values left out):
     * the one place that says which metadata a facet shows, for the embedded index and the SolrCloud backend alike.
     */
    public static Map<String, List<String>> facetValues(DocumentMetadata m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (m.date() != null) {
            put(out, Fields.YEAR, Integer.toString(m.date().getYear()));
        }
        put(out, Fields.KIND, m.kind());
        put(out, Fields.ISSUER, m.issuer());
        put(out, Fields.LEVEL, m.level());
        put(out, Fields.PLACE, m.place());
        if (m.signer() != null) {
            put(out, Fields.SIGNER, m.signer().name());
        }
        new LinkedHashSet<>(m.campaigns()).forEach(c -> put(out, Fields.CAMPAIGN, c));
        citedKeys(m).forEach(k -> put(out, Fields.CITES, k));
        return out;
    }

    private static void put(Map<String, List<String>> out, String dimension, String value) {
        if (value != null && !value.isBlank()) {
            out.computeIfAbsent(dimension, k -> new ArrayList<>()).add(value);
        }
    }

    /** The number keys of the documents this one cites (the {@code cites} facet), each once, in order. */
    public static Set<String> citedKeys(DocumentMetadata m) {
        Set<String> cited = new LinkedHashSet<>();
        for (Reference r : m.references()) {
            if (r.number() != null) {
                DocNumber.parse(r.number()).ifPresent(n -> cited.add(n.key()));
            }
        }
        return cited;
    }

    /**
     * What the document says it does to the documents it cites ({@link Fields#CHANGES}): {@code relation:key} for
     * each numbered reference that replaces, repeals or amends, once each.
     */
    public static Set<String> changes(DocumentMetadata m) {
        Set<String> out = new LinkedHashSet<>();
        for (Reference r : m.references()) {
            if (r.number() != null && CHANGING.contains(r.relation())) {
                DocNumber.parse(r.number()).ifPresent(n -> out.add(r.relation().wireName() + ":" + n.key()));
            }
        }
        return out;
    }

    /** The relations that change the in-force status of the cited document. */
    private static final Set<Relation> CHANGING = Set.of(Relation.REPLACES,
            Relation.REPEALS, Relation.AMENDS);

    /** The law-name keys of the citations that name a law without a number (the {@code cites_law} field), once each. */
    public static List<String> citedLawKeys(DocumentMetadata m) {
        return m.references().stream().map(LawNames::cited).flatMap(Optional::stream).distinct().toList();
    }

    /** The ids of the document's other renditions, from its notes (the {@code rendition} field). */
    public static List<String> renditionIds(ArchivedDocument d) {
        List<String> out = new ArrayList<>();
        for (String note : d.notes()) {
            DocumentLink.renditionOf(note).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The keys under which a number lookup finds this document: the full key ("25/NQ-TW"), and partial keys for
     * numbers cited by kind and serial only: serial and kind code ("25/NQ" for "nghị quyết 25"), with the year when
     * the number has one ("30/2020/ND" and "30/ND" for "nghị định 30/2020"). The kind code comes from the symbol when
     * its first part is one, else from the document's kind ("2739/CV" for a Công văn numbered 2739/VPCP-ĐMDN).
     */
    static Set<String> numberKeys(DocumentMetadata m) {
        return numberKeys(m, KindNames.builtIn());
    }

    /** The number keys, with the kind codes of this table (also the SolrCloud backend's number_key values). */
    public static Set<String> numberKeys(DocumentMetadata m, KindNames kindNames) {
        Set<String> keys = new LinkedHashSet<>();
        if (m.number() == null) {
            return keys;
        }
        DocNumber.parse(m.number()).ifPresent(n -> {
            keys.add(n.key());
            Set<String> codes = new LinkedHashSet<>();
            if (kindNames.isCode(n.parts().get(0))) {
                codes.add(n.parts().get(0));
            }
            kindNames.codeOf(m.kind()).ifPresent(codes::add);
            for (String code : codes) {
                keys.add(DocNumber.key(n.serial(), null, List.of(code)));
                if (n.year() != null) {
                    keys.add(DocNumber.key(n.serial(), n.year(), List.of(code)));
                }
            }
        });
        return keys;
    }

    /**
     * A text field whose tokens were made beforehand ({@link ExactAndFolded}) and whose value is still the text, so
     * a stored field keeps it as before; the writer's per-field analyzer would give the same tokens.
     */
    private static final class PreAnalysed extends Field {
        private final TokenStream tokens;

        PreAnalysed(String name, String text, FieldType type, TokenStream tokens) {
            super(name, text, type);
            this.tokens = tokens;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return tokens;
        }
    }

    private static void facet(Document doc, String dimension, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new SortedSetDocValuesFacetField(dimension, value));
    }
}
