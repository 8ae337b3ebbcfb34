package vn.archive.text;

import com.ibm.icu.text.Normalizer2;

import java.util.Locale;

/**
 * Pure string rules for Vietnamese text. Three levels, each building on the previous one:
 * <ol>
 *   <li>{@link #clean}: NFC, odd spaces and invisible characters. Used for stored and displayed text.</li>
 *   <li>{@link #canonicalWord}: lower case and one tone-mark placement, so "Hoà" and "hòa" are one term.</li>
 *   <li>{@link #fold}: no diacritics at all, đ → d, so "dan van" matches "Dân vận".</li>
 * </ol>
 */
public final class VietnameseNormalizer {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';
    private static final char FIGURE_SPACE = '\u2007';
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final char SOFT_HYPHEN = '\u00AD';
    private static final char ZERO_WIDTH_SPACE = '\u200B';
    private static final char ZERO_WIDTH_NON_JOINER = '\u200C';
    private static final char ZERO_WIDTH_JOINER = '\u200D';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final char COMBINING_GRAVE = '\u0300';
    private static final char COMBINING_ACUTE = '\u0301';
    private static final char COMBINING_TILDE = '\u0303';
    private static final char COMBINING_HOOK_ABOVE = '\u0309';
    private static final char COMBINING_DOT_BELOW = '\u0323';
    /** Vowel modifiers, which stay on their vowel: circumflex, breve, horn. */
    private static final char COMBINING_CIRCUMFLEX = '\u0302';
    private static final char COMBINING_BREVE = '\u0306';
    private static final char COMBINING_HORN = '\u031B';

    private VietnameseNormalizer() {
    }

    /** NFC, with odd spaces made plain and invisible characters removed. Line breaks are kept. */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE, FIGURE_SPACE, IDEOGRAPHIC_SPACE, '\t' -> sb.append(' ');
                case SOFT_HYPHEN, ZERO_WIDTH_SPACE, ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_JOINER, BYTE_ORDER_MARK -> { }
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        sb.append('\n');
                    }
                }
                default -> sb.append(c);
            }
        }
        String s = sb.toString();
        return NFC.isNormalized(s) ? s : NFC.normalize(s);
    }

    /** Lower case (locale-independent) with the tone mark on its canonical vowel: "Thuỷ" → "thủy", "HOÀ" → "hòa". */
    public static String canonicalWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String decomposed = NFD.normalize(lower);
        char tone = 0;
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isTone(c)) {
                tone = c;
            } else {
                base.append(c);
            }
        }
        if (tone == 0) {
            return NFC.normalize(decomposed);
        }
        int at = toneTarget(base);
        if (at < 0) {
            return NFC.normalize(decomposed);
        }
        // insert after the vowel and any modifier that follows it
        int insert = at + 1;
        while (insert < base.length() && isModifier(base.charAt(insert))) {
            insert++;
        }
        base.insert(insert, tone);
        return NFC.normalize(base);
    }

    /** Removes every diacritic and maps đ to d, in lower case: "Đảng ủy" → "dang uy". */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = NFD.normalize(lower);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            sb.append(c == 'đ' ? 'd' : c);
        }
        return sb.toString();
    }

    /** Whether the text has any Vietnamese diacritic or đ. */
    public static boolean hasDiacritics(String text) {
        return !fold(text).equals(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isTone(char c) {
        return c == COMBINING_GRAVE || c == COMBINING_ACUTE || c == COMBINING_TILDE
                || c == COMBINING_HOOK_ABOVE || c == COMBINING_DOT_BELOW;
    }

    private static boolean isModifier(char c) {
        return c == COMBINING_CIRCUMFLEX || c == COMBINING_BREVE || c == COMBINING_HORN;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    /**
     * Index of the base vowel that carries the tone, in a decomposed toneless lower-case syllable, using the
     * traditional placement (hòa, thủy, của, mía; but hoàng, thuyền, người). Returns -1 when there is no vowel.
     */
    static int toneTarget(CharSequence s) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isVowel(c)) {
                // "qu" and "gi" before another vowel: the u / i belongs to the consonant
                boolean glide = i + 1 < s.length() && nextVowelAt(s, i + 1)
                        && ((c == 'u' && i > 0 && s.charAt(i - 1) == 'q') || (c == 'i' && i > 0 && s.charAt(i - 1) == 'g'));
                if (start < 0 && glide) {
                    continue;
                }
                if (start < 0) {
                    start = i;
                }
                end = i;
            } else if (!isModifier(c) && start >= 0) {
                break;
            }
        }
        if (start < 0) {
            return -1;
        }
        int lastModified = -1;
        int vowels = 0;
        for (int i = start; i <= end; i++) {
            if (isVowel(s.charAt(i))) {
                vowels++;
                if (i + 1 < s.length() && isModifier(s.charAt(i + 1))) {
                    lastModified = i;
                }
            }
        }
        if (lastModified >= 0) {
            return lastModified;
        }
        boolean closed = end + 1 < s.length() && Character.isLetter(s.charAt(end + 1));
        if (vowels == 1) {
            return start;
        }
        if (closed) {
            return end;
        }
        if (vowels == 2) {
            return start;
        }
        return nthVowel(s, start, 1);
    }

    private static boolean nextVowelAt(CharSequence s, int i) {
        while (i < s.length() && isModifier(s.charAt(i))) {
            i++;
        }
        return i < s.length() && isVowel(s.charAt(i));
    }

    private static int nthVowel(CharSequence s, int from, int n) {
        int seen = 0;
        for (int i = from; i < s.length(); i++) {
            if (isVowel(s.charAt(i))) {
                if (seen == n) {
                    return i;
                }
                seen++;
            }
        }
        return from;
    }
}
