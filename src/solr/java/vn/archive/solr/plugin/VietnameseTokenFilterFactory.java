package vn.archive.solr.plugin;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import vn.archive.text.VietnameseTokenFilter;

import java.util.Locale;
import java.util.Map;

/**
 * Solr's door to the app's {@link VietnameseTokenFilter}: {@code <filter name="vietnamese" mode="exact|folded"/>}.
 * {@code exact} keeps diacritics in canonical form, {@code folded} removes them, as the embedded
 * {@code VietnameseAnalyzer} does for its two modes. Also applied to wildcard and prefix terms (normalize).
 */
public final class VietnameseTokenFilterFactory extends TokenFilterFactory {
    /** SPI name, as used in the schema. */
    public static final String NAME = "vietnamese";

    private final boolean folded;

    public VietnameseTokenFilterFactory(Map<String, String> args) {
        super(args);
        String mode = get(args, "mode", "exact").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "exact" -> folded = false;
            case "folded" -> folded = true;
            default -> throw new IllegalArgumentException(
                    "mode must be exact or folded, not '" + mode + "' / mode phải là exact hoặc folded");
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For SPI lookups only. */
    public VietnameseTokenFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new VietnameseTokenFilter(input, folded);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
