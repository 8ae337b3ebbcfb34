package vn.archive.text;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Thin adapter: rewrites each term with {@link VietnameseNormalizer}, canonical or folded. Vietnamese has a few
 * thousand syllables, so each filter remembers the forms it has computed (the filter is reused per thread).
 */
public final class VietnameseTokenFilter extends TokenFilter {
    /** Enough for the syllables and the common words of a large archive; past it, the memory starts over. */
    private static final int CACHE_LIMIT = 50_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean folded;
    private final Map<String, String> forms = new HashMap<>();

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
        String word = term.toString();
        String out = forms.get(word);
        if (out == null) {
            out = folded ? VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(word))
                    : VietnameseNormalizer.canonicalWord(word);
            if (forms.size() >= CACHE_LIMIT) {
                forms.clear();
            }
            forms.put(word, out);
        }
        if (!out.equals(word)) {
            term.setEmpty().append(out);
        }
        return true;
    }
}
