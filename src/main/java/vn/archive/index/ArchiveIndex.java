package vn.archive.index;

import vn.archive.model.ArchivedDocument;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What the rest of the application may ask of an index: write documents, read them back by id or hash. */
public interface ArchiveIndex extends Closeable {
    /** Adds the document, or replaces the one with the same id. Visible to readers after {@link #commit()}. */
    void upsert(ArchivedDocument document) throws IOException;

    /** Makes every upsert durable and visible. */
    void commit() throws IOException;

    /** The document with this id, if indexed and committed. */
    Optional<ArchivedDocument> get(String id) throws IOException;

    /**
     * The latest version of the document with this id that this index was given, committed or not: the writer's
     * own view, so that an import sees its uncommitted writes (readers use {@link #get}).
     */
    Optional<ArchivedDocument> latest(String id) throws IOException;

    /** The id of the document whose original has this SHA-256, if indexed (committed or not). */
    Optional<String> idForSha256(String sha256) throws IOException;

    /** Number of documents visible to searches. */
    long count() throws IOException;

    /**
     * Hands every committed document, with its text, to the sink, one at a time (a whole archive, for
     * {@code migrate} and a backup of a SolrCloud collection: never all in memory at once).
     */
    void forEachDocument(DocumentSink sink) throws IOException;

    /** Receives the documents of {@link #forEachDocument}. */
    @FunctionalInterface
    interface DocumentSink {
        void accept(ArchivedDocument document) throws IOException;
    }

    /**
     * A commit point of an index on disk: its generation and the files that make it up, which stay unchanged while
     * the index is served (a backup copies them).
     */
    record Commit(long generation, List<String> files) {
        public Commit {
            files = List.copyOf(files);
        }
    }
}
