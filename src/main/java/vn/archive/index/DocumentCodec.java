package vn.archive.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.lucene.util.BytesRef;
import vn.archive.config.Json;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes archived documents (without their text) for storage inside the index. */
public final class DocumentCodec {
    private static final ObjectMapper MAPPER = Json.MAPPER;
    /** Lenient: documents stored by an older version may carry fields this one no longer has. */
    private static final ObjectReader READER = MAPPER.readerFor(ArchivedDocument.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * As {@link #READER}, but skipping each reference: a hit of a page shows none, and a long law's references are
     * most of its JSON (up to 15 KB), so binding them was most of the time a page spent on its hits' metadata.
     */
    private static final ObjectReader WITHOUT_REFERENCES = MAPPER.copy()
            .addMixIn(DocumentMetadata.class, WithoutReferences.class)
            .readerFor(ArchivedDocument.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonIgnoreProperties({"references"})
    private abstract static class WithoutReferences {
    }

    private DocumentCodec() {
    }

    /** JSON of the document with an empty text (the text is stored in its own field). */
    public static String encode(ArchivedDocument doc) {
        try {
            return MAPPER.writeValueAsString(new ArchivedDocument(doc.id(), doc.metadata(), doc.source(), "", doc.notes()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document back with the given text, but without its references (for a hit, which shows none). */
    public static ArchivedDocument decodeWithoutReferences(String json, String text) {
        return decode(WITHOUT_REFERENCES, json, text);
    }

    /** The document back, with the given text. */
    public static ArchivedDocument decode(String json, String text) {
        return decode(READER, json, text);
    }

    /**
     * The document back without a text, from its JSON's UTF-8 bytes (the {@link Fields#META_JSON} column), with or
     * without its references: Jackson reads the bytes, so no String of the whole JSON (a long law's references are
     * up to 15 KB of it) is decoded first.
     */
    public static ArchivedDocument decode(BytesRef json, boolean references) {
        try {
            ArchivedDocument d = (references ? READER : WITHOUT_REFERENCES).readValue(json.bytes, json.offset,
                    json.length);
            return withText(d, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArchivedDocument decode(ObjectReader reader, String json, String text) {
        try {
            return withText(reader.readValue(json), text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArchivedDocument withText(ArchivedDocument d, String text) {
        return new ArchivedDocument(d.id(), d.metadata(), d.source(), text, d.notes());
    }
}
