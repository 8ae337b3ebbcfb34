package vn.archive.text;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * Thin adapter: rewrites each term with {@link VietnameseNormalizer}, canonical or folded. Vietnamese has a few
 * thousand syllables, so each filter remembers the forms it has computed (the filter is reused per thread).
 */
public final class VietnameseTokenFilter extends TokenFilter {
    /** Enough for the syllables and the common words of a large archive; past it, the memory starts over. */
    private static final int CACHE_LIMIT = 50_000;

    /** The value for a word that the rule leaves as it is (compared by identity). */
    private static final String UNCHANGED = new String("unchanged");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean folded;
    /** Looked up on the term's own buffer, so a known word costs no String (the filter runs on every token). */
    private final CharArrayMap<String> forms = new CharArrayMap<>(4096, false);

    /** @param folded true to remove diacritics, false to keep them in canonical form */
    public VietnameseTokenFilter(TokenStream input, boolean folded) {
        super(input);
        this.folded = folded;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String out = forms.get(term.buffer(), 0, term.length());
        if (out == null) {
            String word = term.toString();
            out = folded ? VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(word))
                    : VietnameseNormalizer.canonicalWord(word);
            if (out.equals(word)) {
                out = UNCHANGED;
            }
            if (forms.size() >= CACHE_LIMIT) {
                forms.clear();
            }
            forms.put(word, out);
        }
        if (out != UNCHANGED) {
            term.setEmpty().append(out);
        }
        return true;
    }
}
