package vn.archive.search;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The links of documents to documents a reader may not see, dropped by the same rule on every backend: the note would
 * give away the hidden document's id (a classified scan of an open letter, a secret attachment of an open e-mail, the
 * secret e-mail of an open attachment). A link is dropped when the archive holds the document it names but the reader
 * may not see it (classified above the reader, or withdrawn, which hides it from every clearance); a link to a document
 * the archive does not hold stays. The one place where links are filtered by clearance: each backend only answers the
 * two questions below with its own queries, once per set of documents whatever its size.
 */
public final class HiddenLinks {
    /** One question a backend answers for a set of ids in one go. */
    @FunctionalInterface
    public interface Among {
        /** The ids among these that the question keeps. */
        Set<String> of(Collection<String> ids) throws IOException;
    }

    private final Among held;
    private final Among visible;

    /**
     * @param held    the ids among a set that the archive holds, whatever their clearance
     * @param visible the ids among a set that this reader may see
     */
    public HiddenLinks(Among held, Among visible) {
        this.held = Objects.requireNonNull(held, "held");
        this.visible = Objects.requireNonNull(visible, "visible");
    }

    /** The documents without the links this reader may not follow, in their order. */
    public List<ArchivedDocument> strip(List<ArchivedDocument> docs) throws IOException {
        Set<String> named = new TreeSet<>();
        docs.forEach(d -> d.links().forEach(l -> named.add(l.id())));
        if (named.isEmpty()) {
            return docs;
        }
        Set<String> hidden = new TreeSet<>(held.of(named));
        hidden.removeAll(visible.of(named));
        return hidden.isEmpty() ? docs : docs.stream().map(d -> without(d, hidden)).toList();
    }

    /** The document without the links this reader may not follow. */
    public ArchivedDocument strip(ArchivedDocument doc) throws IOException {
        return strip(List.of(doc)).get(0);
    }

    /** The document without the notes that link to one of the hidden ids. */
    static ArchivedDocument without(ArchivedDocument d, Set<String> hidden) {
        return d.withNotes(note -> DocumentLink.parse(note).map(l -> !hidden.contains(l.id())).orElse(true));
    }
}
