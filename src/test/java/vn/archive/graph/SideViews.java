package vn.archive.graph;

import vn.archive.index.GraphLookups;
import vn.archive.meta.Dictionaries;

import java.util.Optional;
import java.util.function.Function;

/** A graph asked on one side view, bounded as {@link ViewPool} bounds them, for tests outside this package. */
public final class SideViews {
    private SideViews() {
    }

    /**
     * The question's answer on a fresh view that may read at most {@code documents} documents, or empty when the
     * question needed more (the pool then asks it again on the kept view).
     */
    public static <T> Optional<T> within(int documents, GraphLookups lookups, Dictionaries dictionaries,
                                         Function<ReferenceGraph, T> question) {
        QueriedReferences view = new QueriedReferences(lookups, new CitationResolver(dictionaries));
        view.limit(documents);
        T answer = null;
        try {
            answer = question.apply(new SnapshotReferenceGraph(() -> view));
        } catch (QueriedReferences.OverBudget refused) {
            // as the pool: the view says it was refused
        }
        return view.exceeded() ? Optional.empty() : Optional.of(answer);
    }
}
