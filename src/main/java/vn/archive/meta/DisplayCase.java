package vn.archive.meta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shows a name printed in capitals in the archive's display casing: known phrases (bodies, places, positions,
 * proper names from the dictionaries) keep their own casing, every other word is lower case, the first word gets
 * a capital. "BAN THƯỜNG VỤ HUYỆN ỦY TRIỆU PHONG" → "Ban Thường vụ Huyện ủy Triệu Phong".
 */
public final class DisplayCase {
    /** Heads of a body whose next word opens its proper name: "SỞ Y TẾ" → "Sở Y tế", "CỤC THUẾ" → "Cục Thuế". */
    private static final Set<String> HEADS = Set.of("bộ", "sở", "cục", "tổng cục", "ban", "vụ", "viện");
    /** Words after which a place name follows: administrative types and committees named after their place. */
    private static final List<String> PLACE_ENDS = List.of("tỉnh", "huyện", "quận", "xã", "phường", "thị trấn",
            "thành phố", "thị xã", "huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy");
    /** Longest phrase, in words, worth trying. */
    private final int longest;
    /** Canonical lower-case word sequence → display form. */
    private final Map<String, String> phrases = new HashMap<>();

    public DisplayCase(Dictionaries dictionaries) {
        int max = 1;
        for (String phrase : dictionaries.casingPhrases()) {
            String[] words = phrase.strip().split("\\s+");
            String key = key(words, 0, words.length);
            // a later, longer entry never overrides an earlier casing of the same words
            phrases.putIfAbsent(key, phrase.strip());
            max = Math.max(max, words.length);
        }
        this.longest = max;
    }

    /** The display form of a name, whatever its printed casing. Null stays null. */
    public String apply(String printed) {
        if (printed == null) {
            return null;
        }
        String[] words = printed.strip().split("\\s+");
        if (words.length == 1 && words[0].isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        boolean placeName = false;
        while (i < words.length) {
            int matched = 0;
            for (int n = Math.min(longest, words.length - i); n >= 1 && matched == 0; n--) {
                String hit = phrases.get(key(words, i, i + n));
                if (hit != null) {
                    out.add(hit);
                    matched = n;
                }
            }
            if (matched == 0) {
                // after "xã", "huyện", "Huyện ủy"… comes a place name, capitalised even when no dictionary knows it
                boolean named = placeName || !out.isEmpty() && HEADS.contains(canonical(out.get(out.size() - 1)));
                out.add(abbreviation(words[i]) ? words[i]
                        : named ? capitalizeFirst(lower(words[i])) : lower(words[i]));
                matched = 1;
            }
            i += matched;
            placeName = placeName && matched == 1 || opensPlaceName(out);
        }
        String joined = String.join(" ", out);
        return capitalizeFirst(joined);
    }

    /** Whether the words so far end with an administrative type or a committee named after its place. */
    private static boolean opensPlaceName(List<String> out) {
        StringBuilder tail = new StringBuilder();
        for (int k = Math.max(0, out.size() - 2); k < out.size(); k++) {
            for (String w : out.get(k).split(" ")) {
                tail.append(' ').append(CanonicalWords.word(w));
            }
        }
        String t = tail.toString();
        for (String end : PLACE_ENDS) {
            if (t.endsWith(" " + end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word is an abbreviation kept in capitals: two capitals or more and no vowel, so no Vietnamese
     * syllable ("BCĐ", "ĐCVMĐT", "TNCS", "GD&ĐT"); "Bcđ" would read as a word.
     */
    static boolean abbreviation(String word) {
        int capitals = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                if ("AEIOUY".indexOf(Unmarked.base(c)) >= 0) {
                    return false;
                }
                capitals++;
            }
        }
        return capitals >= 2;
    }

    private static String canonical(String phrase) {
        StringBuilder sb = new StringBuilder();
        for (String w : phrase.split(" ")) {
            sb.append(sb.length() == 0 ? "" : " ").append(CanonicalWords.word(w));
        }
        return sb.toString();
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static String capitalizeFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(cp)).append(s.substring(Character.charCount(cp)))
                .toString();
    }

    private static String key(String[] words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(CanonicalWords.trimmed(words[i]));
        }
        return sb.toString();
    }
}
