package vn.archive.text;

import com.ibm.icu.text.Normalizer2;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a word is a well-formed Vietnamese syllable: an onset, one of the vowel clusters the language has, a
 * final consonant, at most one tone mark, and only the acute or dot-below tone before a stop (c, ch, p, t). Legacy
 * encoding detection uses it to tell a real conversion ("Thực hiện") from a wrong one ("Thùc hiÖn").
 */
public final class VietnameseSyllables {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final char ACUTE = '\u0301';
    private static final char DOT_BELOW = '\u0323';
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?([aăâeêioôơuưy]{1,3})(ch|nh|ng|[cmnpt])?");
    /** The vowel clusters (nuclei with their glides) of Vietnamese. */
    private static final Set<String> NUCLEI = Set.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
            "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "oai", "oao", "oay", "oeo",
            "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu");

    private VietnameseSyllables() {
    }

    /** Whether the word (any case, composed or not) is one well-formed syllable. */
    public static boolean isSyllable(String word) {
        String nfd = NFD.normalize(word.toLowerCase(Locale.ROOT));
        char tone = 0;
        StringBuilder base = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (TONES.indexOf(c) >= 0) {
                if (tone != 0) {
                    return false;
                }
                tone = c;
            } else {
                base.append(c);
            }
        }
        Matcher m = SYLLABLE.matcher(NFC.normalize(base));
        if (!m.matches() || !NUCLEI.contains(m.group(2))) {
            return false;
        }
        String coda = m.group(3);
        boolean stop = coda != null && (coda.equals("c") || coda.equals("ch") || coda.equals("p") || coda.equals("t"));
        return !stop || tone == 0 || tone == ACUTE || tone == DOT_BELOW;
    }
}
