package vn.archive.meta;

import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** All metadata extraction in one call: the header now, the body's references and marks as they are added. */
public final class MetadataExtractor {
    private final HeaderExtractor header;
    private final ReferenceExtractor references;

    public MetadataExtractor(Dictionaries dictionaries) {
        Objects.requireNonNull(dictionaries, "dictionaries");
        this.header = new HeaderExtractor(dictionaries);
        this.references = new ReferenceExtractor(dictionaries);
    }

    /** Extracts metadata from a document's full, normalized text. */
    public DocumentMetadata extract(String text) {
        String t = text == null ? "" : text;
        DocumentMetadata m = header.extract(t);
        List<Reference> refs = references.extract(t, m.number());
        List<String> warnings = new ArrayList<>(m.warnings());
        warnings.addAll(ReferenceExtractor.dateWarnings(m.date(), refs));
        return m.toBuilder().references(refs).warnings(warnings).build();
    }
}
