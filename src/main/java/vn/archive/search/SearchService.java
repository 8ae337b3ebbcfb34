package vn.archive.search;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** What the portal asks of the archive's search side. */
public interface SearchService {
    /** Runs a search. */
    SearchResponse search(SearchRequest request) throws IOException;

    /** The document with this id. */
    Optional<ArchivedDocument> document(String id) throws IOException;

    /**
     * Those of these ids whose documents this view can see: the ids for which {@link #document(String)} would answer,
     * found without reading the documents (an implementation tree asks about every node at once).
     */
    default Set<String> visibleAmong(Collection<String> ids) throws IOException {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            if (id != null && document(id).isPresent()) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The metadata of those of these documents this view may see, as {@link #document} gives it (its directive's,
     * renditions merged), read together and without their texts: the overdue view reads every document whose
     * deadline has passed. By default each is read by id.
     */
    default Map<String, DocumentMetadata> metadataOf(Collection<String> ids) throws IOException {
        Map<String, DocumentMetadata> out = new HashMap<>();
        for (String id : ids) {
            if (id != null) {
                document(id).ifPresent(d -> out.put(id, d.metadata()));
            }
        }
        return out;
    }

    /**
     * Whether this view surely sees a document in the archive with this metadata (its secrecy, its withdrawal), told
     * without asking the index; false when it cannot tell so, and the caller asks {@link #visibleAmong}. Tracking
     * checks the directive its graph has just read this way.
     */
    default boolean surelyVisible(DocumentMetadata m) {
        return false;
    }

    /**
     * Every rendition of the document's directive (a scan, a DOCX…) this view may see, the preferred one first, with
     * the directive's merged metadata; just the document when it has no other rendition, empty when it is not seen.
     */
    default List<ArchivedDocument> renditions(String id) throws IOException {
        return document(id).map(List::of).orElse(List.of());
    }

    /** The id of the directive this document is a rendition of: its preferred rendition's id (its own if none other). */
    default String directiveId(String id) throws IOException {
        return id;
    }

    /** Number of searchable documents. */
    long count() throws IOException;

    /** Documents most like this one ("more like this"), best first, never the document itself. */
    List<SearchHit> similar(String id, int max) throws IOException;

    /**
     * Every hit of the request, in its order, ignoring page and size (for export). Documents come without their
     * text. Returns the number of hits given to the sink.
     */
    long export(SearchRequest request, Consumer<ArchivedDocument> sink) throws IOException;

    /** Every value of a facet dimension over the whole archive, with its count, most frequent first. */
    List<FacetCount> facetValues(String dimension) throws IOException;

    /** Issuing bodies grouped under the body above them, for browsing. */
    List<IssuerGroup> issuerTree() throws IOException;

    /**
     * The same archive as seen by a holder of this clearance: documents classified above it are absent from every
     * answer (hits, totals, facet counts, similar documents, export, lookup by id).
     */
    SearchService restrictedTo(Clearance clearance);
}
