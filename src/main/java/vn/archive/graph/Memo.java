package vn.archive.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers worked out once per key and kept, at most {@code max} of them (the least recently asked dropped first), for
 * pure functions of their key that tracking asks again and again: a body's name read with patterns, a recipient line
 * read, a directive's units resolved. Safe for concurrent questions; two asking one key at once may both work it out.
 */
final class Memo<K, V> {
    private final Map<K, V> kept;

    Memo(int max) {
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The answer kept for this key, else {@code work}'s (then kept); {@code work} runs outside the lock. */
    V get(K key, Function<K, V> work) {
        synchronized (kept) {
            V known = kept.get(key);
            if (known != null) {
                return known;
            }
        }
        V made = work.apply(key);
        synchronized (kept) {
            kept.put(key, made);
        }
        return made;
    }
}
