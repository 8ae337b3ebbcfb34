package vn.archive.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A link from one archived document to another, kept today as a processing note ("Cùng văn bản, bản khác: <id>").
 * Every note that names another document is one of these kinds, so the one clearance filter of the search side can
 * drop the links a reader may not follow without knowing each sentence, and the document page shows each link with
 * its label from the message bundles ({@code link.RENDITION}…) instead of the stored sentence.
 *
 * @param kind what the other document is to this one
 * @param id   the other document's id
 */
public record DocumentLink(Kind kind, String id) {
    /** What the linked document is to the document bearing the link. */
    public enum Kind {
        /** Another rendition (scan, DOCX…) of the same directive. */
        RENDITION("Cùng văn bản, bản khác: "),
        /** A file attached to this e-mail. */
        ATTACHMENT("Tệp đính kèm: "),
        /** The e-mail this file was attached to. */
        ENVELOPE("Tệp đính kèm của thư: ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public DocumentLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The note that stores this link. */
    public String note() {
        return kind.prefix + id;
    }

    /** The link a note stores, or empty when the note names no other document. */
    public static Optional<DocumentLink> parse(String note) {
        for (Kind k : Kind.values()) {
            if (note.startsWith(k.prefix)) {
                return Optional.of(new DocumentLink(k, note.substring(k.prefix.length()).strip()));
            }
        }
        return Optional.empty();
    }

    /** The other rendition of the same directive a note names, if it is a rendition link. */
    public static Optional<String> renditionOf(String note) {
        return parse(note).filter(l -> l.kind() == Kind.RENDITION).map(DocumentLink::id);
    }
}
