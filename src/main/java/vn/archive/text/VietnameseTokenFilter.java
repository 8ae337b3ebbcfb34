package vn.archive.text;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/** Thin adapter: rewrites each term with {@link VietnameseNormalizer}, canonical or folded. */
public final class VietnameseTokenFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean folded;

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
        String out = folded ? VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(word))
                : VietnameseNormalizer.canonicalWord(word);
        if (!out.equals(word)) {
            term.setEmpty().append(out);
        }
        return true;
    }
}
