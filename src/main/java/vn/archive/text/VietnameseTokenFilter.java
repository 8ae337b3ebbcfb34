package vn.archive.text;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Thin adapter: rewrites each term with {@link VietnameseNormalizer}, canonical or folded. */
public final class VietnameseTokenFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final boolean folded;
    /**
     * Words already rewritten. Normalizing a word costs microseconds (ICU NFD and NFC) and Vietnamese text repeats a
     * few thousand syllables, so a small per-stream cache makes analysis several times faster (bench/RESULTS.md).
     * A filter instance is used by one thread at a time, so a plain map is safe.
     */
    private final Map<String, String> seen = new HashMap<>();
    private static final int MAX_CACHED = 50_000;

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
        String out = seen.get(word);
        if (out == null) {
            out = folded ? VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(word))
                    : VietnameseNormalizer.canonicalWord(word);
            if (seen.size() >= MAX_CACHED) {
                seen.clear();
            }
            seen.put(word, out);
        }
        if (!out.equals(word)) {
            term.setEmpty().append(out);
        }
        return true;
    }
}
