package vn.archive.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function for the first {@code max} distinct keys asked, kept without a lock (reads are the hot
 * path: the same few thousand numbers, symbol parts and committee names are met at every citation, tree and page).
 * Past {@code max} a new key is worked out every time and not kept, so the memory stays bounded whatever the archive
 * holds. Used by {@link DocNumber} and {@code meta.PartyTerms}.
 */
public final class FirstAnswers<K, V> {
    private final Map<K, V> kept = new ConcurrentHashMap<>();
    private final int max;
    private final Function<K, V> work;

    public FirstAnswers(int max, Function<K, V> work) {
        this.max = max;
        this.work = work;
    }

    /** The answer for this key: the kept one, else {@code work}'s (kept while fewer than {@code max} are). */
    public V get(K key) {
        V known = kept.get(key);
        if (known == null) {
            known = work.apply(key);
            if (kept.size() < max) {
                kept.put(key, known);
            }
        }
        return known;
    }
}
