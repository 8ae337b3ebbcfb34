package vn.archive.graph;

import vn.archive.index.GraphLookups;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The graph texts tracking reads of its directives ({@link GraphLookups#graphText}), kept while the index answers the
 * same ({@link GraphLookups#version}): a directive tracked again reads no column again, and an index changed since
 * (a directive re-imported) is read anew. A backend that cannot tell its version is asked every time.
 */
final class KeptGraphTexts {
    /** Directives' graph texts kept, at most this many (least recently asked dropped first). */
    private static final int KEPT = 4_096;

    private final GraphLookups lookups;
    private Object version;
    private final Map<String, Optional<GraphText>> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<GraphText>> eldest) {
            return size() > KEPT;
        }
    };

    KeptGraphTexts(GraphLookups lookups) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
    }

    /** The document's graph text as {@link GraphLookups#graphText} reads it now. */
    Optional<GraphText> of(String id) throws IOException {
        Object now = lookups.version();
        if (now == null) {
            return lookups.graphText(id);
        }
        synchronized (kept) {
            if (!now.equals(version)) {
                kept.clear();
                version = now;
            }
            Optional<GraphText> known = kept.get(id);
            if (known != null) {
                return known;
            }
        }
        Optional<GraphText> read = lookups.graphText(id);
        synchronized (kept) {
            if (now.equals(version)) {
                kept.put(id, read);
            }
        }
        return read;
    }
}
