package vn.archive.search;

import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.util.Optional;

/** What the portal asks of the archive's search side. */
public interface SearchService {
    /** Runs a search. */
    SearchResponse search(SearchRequest request) throws IOException;

    /** The document with this id. */
    Optional<ArchivedDocument> document(String id) throws IOException;

    /** Number of searchable documents. */
    long count() throws IOException;
}
