package vn.archive.graph;

import vn.archive.graph.ReferenceSnapshot.Entry;
import vn.archive.text.PlaceKeys;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** A local number in one place: its key, its symbol's level, and the province or district it is unique within. */
record NumberPlace(String numberKey, String level, String place) {
    boolean province() {
        return "tỉnh".equals(level);
    }

    String term() {
        return PlaceKeys.of(numberKey, province(), place);
    }

    /**
     * The ids filed under this place's term. Not those the index could not place ({@link PlaceKeys#unplaced}):
     * the graph cannot place them either (the index files every place their locality may be made of), so they
     * are never a local number's candidate there, and their citations resolve to a placeholder, never a node.
     */
    SortedSet<String> ids(Map<String, SortedSet<String>> byTerm) {
        return byTerm.getOrDefault(term(), Collections.emptySortedSet());
    }

    /** Those of a number's directives the graph places here (the index's place terms are a wider net). */
    List<Entry> namesakes(List<Entry> bearers) {
        return CitationResolver.byPlace(bearers, level).getOrDefault(place, List.of());
    }
}
