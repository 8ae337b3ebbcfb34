package vn.archive.index;

import vn.archive.model.Clearance;

/** Every index field name, in one place. */
public final class Fields {
    private Fields() {
    }

    /** Document id: keyword, stored. */
    public static final String ID = "id";
    /** SHA-256 of the original: keyword. */
    public static final String SHA256 = "sha256";
    /** Canonical number keys (DocNumber.key): keyword, multi-valued. */
    public static final String NUMBER_KEY = "number_key";
    /** Full text, folded analysis, stored for snippets. */
    public static final String BODY = "body";
    /**
     * The opening of a long body that snippets search ({@link BodyHead}), as binary doc values in UTF-8: a page of
     * hits reads a few KB a hit, uncompressed, instead of decompressing each long law's stored text. Written by
     * imports before {@link #BODY_HEAD_UTF16} replaced it, and read in their indexes. Absent when the body is no
     * longer than {@link BodyHead#MAX_CHARS} (the stored body is read then), and in an index built before it (the
     * head is cut from the stored body then, with the same result).
     */
    public static final String BODY_HEAD = "body_head";
    /**
     * The same head as {@link #BODY_HEAD}, as UTF-16 code units (little-endian), written instead of it: a page of
     * hits copies each head into a String (a few µs) instead of decoding UTF-8 (three to four times as long on
     * Vietnamese text), for half as many bytes again. An index built before it has {@link #BODY_HEAD}, read then.
     */
    public static final String BODY_HEAD_UTF16 = "body_head_utf16";
    /** The body's length in chars (numeric doc values, beside its head): passages score against it. */
    public static final String BODY_CHARS = "body_chars";
    /**
     * The sentence boundaries of the body's head ({@link HeadSentences}), as binary doc values: snippets take their
     * passages' bounds from them. Absent in an index built before them (the sentence iterator runs then, with the
     * same bounds).
     */
    public static final String BODY_SENTENCES = "body_sentences";
    /** Full text, exact (diacritics kept) analysis. */
    public static final String BODY_EXACT = "body_exact";
    /** Title, folded. */
    public static final String TITLE = "title";
    /** Title, exact. */
    public static final String TITLE_EXACT = "title_exact";
    /** Date of issue as epoch day: point for ranges, doc values for sorting. */
    public static final String DATE = "date";
    /**
     * The earliest of the document's deadlines ({@code deadlines}) as epoch day: point, so the overdue view asks for
     * the directives whose deadline has passed instead of reading every document.
     */
    public static final String DEADLINE = "deadline";
    /**
     * Ids of the document's other renditions (the "Cùng văn bản, bản khác" links): keyword, multi-valued. Few
     * documents have one, so the renditions of the whole archive are found from this field's terms alone.
     */
    public static final String RENDITION = "rendition";
    /** The key of a law's name ({@code LawNames.ofDocument}): keyword, for laws cited by name without a number. */
    public static final String LAW_NAME = "law_name";
    /** The law-name keys of the citations that name a law without a number ({@code LawNames.cited}): keyword. */
    public static final String CITES_LAW = "cites_law";
    /**
     * The same JSON as {@link #DOC_JSON}, as binary doc values: a lookup that reads many documents' metadata (the
     * reference graph) reads it column-wise without decompressing their long texts, which share the stored block.
     */
    public static final String META_JSON = "meta_json";
    /** The whole document as JSON, stored, for retrieval without the text. */
    public static final String DOC_JSON = "doc_json";
    /**
     * What the reference graph reads from the text ({@code text.GraphText}: the locality it names, the classes of bodies
     * it addresses, its yearly deadlines), read when the document is indexed: binary doc values (stored on Solr), so
     * no tree and no tracking answer reads a text. Absent in an index built before it: the text is read then.
     */
    public static final String GRAPH_TEXT = "graph_text";
    /**
     * The place terms of a document's own number ({@code text.PlaceKeys}), and {@code PlaceKeys.MARK} on every
     * document indexed with them ({@code PlaceKeys.YEARS} on those whose citations are filed by year too): the
     * graph's lookups of one place's namesakes of a local number.
     */
    public static final String NUMBER_AT = "number_at";
    /** The place terms of a document's numbered citations, each also in the cited year ({@code text.PlaceKeys}). */
    public static final String CITES_AT = "cites_at";

    /** Facet dimensions (SortedSetDocValues facets; filters are drill-downs on them). */
    public static final String KIND = "kind";
    public static final String ISSUER = "issuer";
    public static final String LEVEL = "level";
    public static final String YEAR = "year";
    public static final String PLACE = "place";
    public static final String SIGNER = "signer";
    public static final String CITES = "cites";
    /** Campaigns and movements named in the document ("Dân vận khéo"): multi-valued facet. */
    public static final String CAMPAIGN = "campaign";
    /**
     * The date the document says it takes effect ({@code effectiveFrom}, from its own effect clause) as epoch day:
     * point, for the in-force filter. What the document says of itself never goes stale; what later documents do
     * to it is asked at query time through {@link #CHANGES}.
     */
    public static final String EFFECTIVE = "effective";
    /**
     * What this document says it does to others: {@code relation:numberKey} for each reference that replaces,
     * repeals or amends (keyword). Few documents bear one, so the in-force filter reads them all from its terms.
     */
    public static final String CHANGES = "changes";
    /** Secrecy level as an int point (ordinal of {@code Clearance}); absent for unclassified documents. */
    public static final String CLEARANCE = "clearance";
    /** The {@link #CLEARANCE} of a withdrawn document: above every clearance, so no reader's search finds it. */
    public static final int WITHDRAWN_LEVEL = Clearance.values().length;
}
