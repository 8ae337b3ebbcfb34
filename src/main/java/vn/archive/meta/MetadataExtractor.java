package vn.archive.meta;

import vn.archive.model.DocumentMetadata;

import java.util.Objects;

/** All metadata extraction in one call: the header now, the body's references and marks as they are added. */
public final class MetadataExtractor {
    private final HeaderExtractor header;

    public MetadataExtractor(Dictionaries dictionaries) {
        Objects.requireNonNull(dictionaries, "dictionaries");
        this.header = new HeaderExtractor(dictionaries);
    }

    /** Extracts metadata from a document's full, normalized text. */
    public DocumentMetadata extract(String text) {
        return header.extract(text == null ? "" : text);
    }
}
