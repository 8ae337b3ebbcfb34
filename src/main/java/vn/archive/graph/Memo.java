package vn.archive.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return get(key, v -> true, work);
    }

    /**
     * As {@link #get(Object, Function)}, for answers that may go stale under their key: a kept answer {@code current}
     * refuses is worked out again, and replaces it.
     */
    V get(K key, Predicate<V> current, Function<K, V> work) {
        synchronized (kept) {
            V known = kept.get(key);
            if (known != null && current.test(known)) {
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
