package vn.archive.meta;

import vn.archive.text.VietnameseNormalizer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Memoised canonical forms ({@link VietnameseNormalizer#canonicalWord}) of the words and phrases the extractors
 * compare. Every document compares its header against the same few thousand dictionary names and syllables, and
 * each canonical form costs an ICU NFD and NFC pass, which made them most of the cost of ingest. The forms are pure
 * functions of their input, so a shared map returns exactly what a fresh computation would; it is cleared when it
 * outgrows its bound, so unusual input cannot grow it without limit.
 */
final class CanonicalWords {
    private static final int LIMIT = 200_000;
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,.;:]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> WORDS = new ConcurrentHashMap<>();
    private static final Map<String, String> TRIMMED = new ConcurrentHashMap<>();
    private static final Map<String, String> PHRASES = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> WORD_LISTS = new ConcurrentHashMap<>();

    private CanonicalWords() {
    }

    /** {@code VietnameseNormalizer.canonicalWord(word)}. */
    static String word(String word) {
        return cached(WORDS, word, VietnameseNormalizer::canonicalWord);
    }

    /** The canonical word without trailing ",.;:": "Hội," → "hội". */
    static String trimmed(String word) {
        return cached(TRIMMED, word, w -> VietnameseNormalizer.canonicalWord(TRAILING_PUNCTUATION.matcher(w).replaceAll("")));
    }

    /** The canonical words of a phrase, split at white space, joined by one space: " Huyện  Ủy " → "huyện ủy". */
    static String phrase(String phrase) {
        return cached(PHRASES, phrase, s -> String.join(" ", split(s, CanonicalWords::word)));
    }

    /** The trimmed canonical words of a phrase, as an unmodifiable list. */
    static List<String> trimmedWords(String phrase) {
        return cached(WORD_LISTS, phrase, s -> split(s, CanonicalWords::trimmed));
    }

    private static List<String> split(String s, Function<String, String> canon) {
        return Arrays.stream(SPACES.split(s.strip())).map(canon).toList();
    }

    private static <V> V cached(Map<String, V> cache, String key, Function<String, V> compute) {
        V v = cache.get(key);
        if (v == null) {
            v = compute.apply(key);
            if (cache.size() >= LIMIT) {
                cache.clear();
            }
            cache.put(key, v);
        }
        return v;
    }
}
