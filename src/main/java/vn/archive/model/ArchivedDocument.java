package vn.archive.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A document as the archive holds it: identity, extracted metadata, provenance and text.
 *
 * @param id       stable id, derived from the original's SHA-256
 * @param metadata extracted metadata
 * @param source   the original file
 * @param text     the extracted, normalized text
 * @param notes    processing notes (legacy encoding converted, OCR confidence…)
 */
public record ArchivedDocument(String id, DocumentMetadata metadata, SourceInfo source, String text, List<String> notes) {
    public ArchivedDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The processing note that links this document to another rendition (scan, DOCX…) of the same directive. */
    public static String sameDirectiveNote(String otherId) {
        return new DocumentLink(DocumentLink.Kind.RENDITION, otherId).note();
    }

    /** The notes that link to another document, as links. */
    public List<DocumentLink> links() {
        return notes.stream().map(DocumentLink::parse).flatMap(Optional::stream).toList();
    }

    /** The notes that are not links (legacy encoding converted, OCR confidence…). */
    public List<String> plainNotes() {
        return notes.stream().filter(n -> DocumentLink.parse(n).isEmpty()).toList();
    }

    /** This document with only the notes that {@code keep} accepts. */
    public ArchivedDocument withNotes(Predicate<String> keep) {
        List<String> kept = notes.stream().filter(keep).toList();
        return kept.size() == notes.size() ? this : new ArchivedDocument(id, metadata, source, text, kept);
    }

    /** The id used for a document whose original has this SHA-256. */
    public static String idFor(String sha256) {
        return sha256.substring(0, 16);
    }
}
