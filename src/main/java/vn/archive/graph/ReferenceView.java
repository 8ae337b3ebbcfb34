package vn.archive.graph;

import vn.archive.model.DocNumber;
import vn.archive.graph.ReferenceSnapshot.Edge;
import vn.archive.graph.ReferenceSnapshot.Entry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the reference graph's pages ask of a set of directives: a whole set held in memory ({@link ReferenceSnapshot},
 * for constructed sets and tests) or the index asked per query ({@link QueriedReferences}); both resolve with one
 * {@link CitationResolver}, so they give the same answers.
 */
public interface ReferenceView {
    /** The directive's id for any of its renditions' ids (the id itself when it is the preferred one or has none). */
    String directiveId(String id);

    /** A directive (its preferred rendition, merged metadata); empty for another rendition or an unknown id. */
    Optional<Entry> entry(String id);

    /** The resolved references of a directive, in extraction order. */
    List<Edge> outgoing(String id);

    /**
     * The references that resolve to this node key ("doc:…" or a "num:…" placeholder), by citing id then position.
     * (Other placeholders, "name:…" and "text:…", are only ever ends of {@link #outgoing} edges.)
     */
    List<Edge> incoming(String nodeKey);

    /**
     * A hint that a tree is walked next from these node keys down to {@code depth} levels ({@link #incoming} asked
     * of each node): a view that asks an index may read each level's citations together; the answers stay the same.
     * Nothing by default.
     */
    default void prefetchTree(Collection<String> rootKeys, int depth) {
    }

    /** The nodes a number names: directives bearing it, then placeholders of citations to it, each sorted. */
    List<String> nodesForNumber(DocNumber number);

    /** The directives whose own number has this key, by id. */
    List<Entry> bearing(String numberKey);

    /** The rules this view resolves with. */
    CitationResolver resolver();

    /** The level of a document: its metadata's, else its symbol's, else trung ương for a central symbol. */
    default String level(Entry e) {
        return resolver().level(e);
    }

    /** The most local level among a number's issuer codes; empty for a national number. */
    default Optional<String> scope(DocNumber n) {
        return resolver().scope(n);
    }

    /** Data-quality warnings of a directive, as a reader who may see only what {@code visible} accepts. */
    default List<String> warnings(String id, Predicate<String> visible) {
        return GraphWarnings.of(this, id, visible);
    }
}
