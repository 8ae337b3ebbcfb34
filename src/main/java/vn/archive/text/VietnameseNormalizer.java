package vn.archive.text;

import com.ibm.icu.text.Normalizer2;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pure string rules for Vietnamese text. Three levels, each building on the previous one:
 * <ol>
 *   <li>{@link #clean}: NFC, odd spaces and invisible characters. Used for stored and displayed text.</li>
 *   <li>{@link #canonicalWord}: lower case, look-alike letters made Latin, one tone-mark placement and one i/y
 *       spelling, so "Hoà" and "hòa", "kỹ" and "kĩ" are one term.</li>
 *   <li>{@link #fold}: no diacritics at all, đ → d, so "dan van" matches "Dân vận".</li>
 * </ol>
 * {@link #unifyLookalikes} maps smart quotes, dash variants and the eth that legacy fonts put for Đ to one form;
 * it is for matching, not for display, since stored text keeps its typography.
 *
 * <p>A little over 300 lines: the three levels share one set of character tables and one tone-placement rule
 * ({@link #toneTarget}), which indexing and querying must apply identically; kept in one class so they cannot drift.
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

    /** Look-alike punctuation: every dash and minus becomes '-', every double quote '"', every single quote '\''. */
    private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";
    private static final String DOUBLE_QUOTES = "\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02";
    private static final String SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2032\uFF07\u0060\u00B4";
    /** Eth and African D are printed for Đ by some legacy fonts and converters ("NÐ-CP"). */
    private static final char CAPITAL_ETH = '\u00D0';
    private static final char SMALL_ETH = '\u00F0';
    private static final char CAPITAL_AFRICAN_D = '\u0189';
    private static final char SMALL_D_TAIL = '\u0256';
    /**
     * Cyrillic and Greek letters that look Latin, each followed by its Latin twin. They are replaced only inside a
     * word that also has Latin letters, which is where they come from (OCR, copy and paste), never in real Russian
     * or Greek words.
     */
    private static final String HOMOGLYPHS = "а a е e о o р p с c у y х x і i ј j ѕ s һ h ԁ d ѵ v "
            + "А A В B Е E К K М M Н H О O Р P С C Т T Х X У Y І I Ј J Ѕ S "
            + "ο o α a ν v ι i κ k τ t υ u Α A Β B Ε E Ζ Z Η H Ι I Κ K Μ M Ν N Ο O Ρ P Τ T Υ Y Χ X";
    private static final Map<Character, Character> HOMOGLYPH_MAP = homoglyphs();
    /** Consonant onsets after which a lone i or y is one rhyme spelled two ways (kĩ/kỹ, lí/lý, quí/quý). */
    private static final Set<String> I_Y_ONSETS = Set.of("b", "c", "ch", "d", "đ", "g", "gh",
            "h", "k", "kh", "l", "m", "n", "nh", "ng", "ngh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");

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
        String lower = latinLookalikes(word).toLowerCase(Locale.ROOT);
        String decomposed = unifyIY(NFD.normalize(lower));
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

    /**
     * Smart quotes, dash variants and eth-for-Đ made plain, character for character (same length), so that
     * "102/2017/NÐ-CP" and "102/2017/NĐ-CP", or “Dân vận khéo” and "Dân vận khéo", compare equal.
     */
    public static String unifyLookalikes(String text) {
        if (text == null) {
            return null;
        }
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (DASHES.indexOf(c) >= 0) {
                out[i] = '-';
            } else if (DOUBLE_QUOTES.indexOf(c) >= 0) {
                out[i] = '"';
            } else if (SINGLE_QUOTES.indexOf(c) >= 0) {
                out[i] = '\'';
            } else if (c == CAPITAL_ETH || c == CAPITAL_AFRICAN_D) {
                out[i] = 'Đ';
            } else if (c == SMALL_ETH || c == SMALL_D_TAIL) {
                out[i] = 'đ';
            }
        }
        return new String(out);
    }

    /**
     * A word with Cyrillic or Greek look-alikes among Latin letters, written in Latin only ("Cộng hòа" with a
     * Cyrillic а → "Cộng hòa"), with eth made Đ. Words without any Latin letter are left alone.
     */
    public static String latinLookalikes(String word) {
        boolean latin = false;
        boolean foreign = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x250 && Character.isLetter(c)) {
                latin = true;
            } else if (HOMOGLYPH_MAP.containsKey(c)) {
                foreign = true;
            }
        }
        if (latin && foreign) {
            StringBuilder sb = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                sb.append(HOMOGLYPH_MAP.getOrDefault(c, c));
            }
            word = sb.toString();
        }
        return unifyLookalikes(word);
    }

    /**
     * In a decomposed lower-case syllable whose whole rhyme is a lone i or y after a consonant onset, spells it i:
     * "kỹ" → "kĩ", "quý" → "quí", "lý" → "lí", "mỹ" → "mĩ". Other y's stay: "y", "ý", "tuy", "thủy", "yêu", "quyết".
     */
    static String unifyIY(String decomposed) {
        int n = decomposed.length();
        int last = n - 1;
        while (last >= 0 && isMark(decomposed.charAt(last))) {
            last--;
        }
        if (last < 1 || decomposed.charAt(last) != 'y') {
            return decomposed;
        }
        String onset = decomposed.substring(0, last);
        if (!I_Y_ONSETS.contains(onset)) {
            return decomposed;
        }
        return onset + 'i' + decomposed.substring(last + 1);
    }

    private static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static Map<Character, Character> homoglyphs() {
        String[] pairs = HOMOGLYPHS.split(" ");
        Map<Character, Character> map = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i].charAt(0), pairs[i + 1].charAt(0));
        }
        return Map.copyOf(map);
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
