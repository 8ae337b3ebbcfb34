package vn.archive.index;

import vn.archive.model.ArchivedDocument;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The few questions the reference graph asks the index, one query at a time, so that nothing about the graph is
 * held in memory between requests. Each is one term lookup in the embedded index and one filter query on a Solr
 * collection ({@code fq=field:value}, ids only); answers are sorted so that callers never depend on index order.
 * Number keys are {@code DocNumber.key()}s; law keys are {@code LawNames} keys.
 */
public interface GraphLookups {
    /** Ids of the documents filed under this number key (their own number's key, or one of its partial keys). */
    SortedSet<String> bearingNumber(String numberKey) throws IOException;

    /** Ids of the documents with a citation of this number key. */
    SortedSet<String> citingNumber(String numberKey) throws IOException;

    /** Ids of the laws whose name has this key. */
    SortedSet<String> bearingLawName(String lawKey) throws IOException;

    /** Ids of the documents citing a law by this name key, without a number. */
    SortedSet<String> citingLawName(String lawKey) throws IOException;

    /** Ids of the documents that name this one as another rendition of themselves. */
    SortedSet<String> renditionLinksTo(String id) throws IOException;

    /** The documents with these ids that are in the index, metadata and notes only (their text left empty). */
    Map<String, ArchivedDocument> documents(Collection<String> ids) throws IOException;

    /** A document's text, or "" when it is not in the index. */
    String text(String id) throws IOException;

    /**
     * What the graph reads from a document's text, as read when it was indexed ({@link Fields#GRAPH_TEXT}), or empty
     * when the index holds none for it (not in the index, or indexed before the field): the caller reads the text.
     */
    Optional<GraphText> graphText(String id) throws IOException;

    /**
     * The ids of the documents whose earliest deadline is before this day ({@link Fields#DEADLINE}), or empty when
     * this index cannot tell (built before the field was indexed): the caller then reads the documents instead.
     */
    Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException;

    /**
     * What a per-query view needs of each document it loads, for many ids at once: the documents as {@link
     * #documents} reads them, the graph text of those the index holds one for ({@link #graphText}), and for every id
     * asked the documents naming it as another rendition ({@link #renditionLinksTo}). On a Solr collection a few
     * requests whatever the number of ids, instead of two more per document.
     */
    DocumentBatch documentBatch(Collection<String> ids) throws IOException;

    /**
     * {@link #citingNumber} of each of these number keys, every key in the answer (the numbers of a tree node's
     * children in one filter query on a Solr collection, instead of one each).
     */
    Map<String, SortedSet<String>> citingNumbers(Collection<String> numberKeys) throws IOException;

    /** {@link #bearingNumber} of each of these number keys, every key in the answer (one filter query on Solr). */
    Map<String, SortedSet<String>> bearingNumbers(Collection<String> numberKeys) throws IOException;

    /**
     * {@link #citingLawName} of each of these law keys, every key in the answer (the laws of a tree's level, or the
     * laws a document cites by name, in one filter query on a Solr collection instead of one each).
     */
    Map<String, SortedSet<String>> citingLawNames(Collection<String> lawKeys) throws IOException;

    /** {@link #bearingLawName} of each of these law keys, every key in the answer (one filter query on Solr). */
    Map<String, SortedSet<String>> bearingLawNames(Collection<String> lawKeys) throws IOException;

    /**
     * {@link #citingNumbers} by place terms ({@code text.PlaceKeys}): the documents with a numbered citation filed under
     * each of these terms, every term in the answer; empty when this index cannot tell (built before the terms, or a
     * backend without them), and the caller then reads by number. Terms in one cited year ({@code PlaceKeys.inYear})
     * may be asked with the others: the answer is then empty too when the index was filed without years ({@code
     * PlaceKeys.YEARS}), and the caller asks again without them.
     */
    default Optional<Map<String, SortedSet<String>>> citingAt(Collection<String> placeKeys) throws IOException {
        return Optional.empty();
    }

    /** {@link #bearingNumbers} by place terms, as {@link #citingAt}: empty when this index cannot tell. */
    default Optional<Map<String, SortedSet<String>>> bearingAt(Collection<String> placeKeys) throws IOException {
        return Optional.empty();
    }

    /**
     * A token equal between two calls only while every lookup above answers the same (the embedded index's open
     * reader), so that what a caller read may be kept until it changes; null when the backend cannot tell, and then
     * nothing read is kept beyond one question.
     */
    default Object version() throws IOException {
        return null;
    }

    /** The answer of {@link #documentBatch}. */
    record DocumentBatch(Map<String, ArchivedDocument> documents, Map<String, GraphText> graphTexts,
                         Map<String, SortedSet<String>> renditionLinksTo) {
    }
}
