package vn.archive.solr.plugin;

import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;

import java.io.Reader;
import java.util.Map;

/**
 * The char filter in front of the app's {@code VietnameseAnalyzer} ({@code initReader}): ICU's NFKC case fold, with
 * the defaults the analyzer itself uses, so Solr cannot drift from it through a schema attribute.
 * {@code <charFilter name="vietnamese"/>}.
 */
public final class VietnameseCharFilterFactory extends CharFilterFactory {
    /** SPI name, as used in the schema. */
    public static final String NAME = "vietnamese";

    public VietnameseCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For SPI lookups only. */
    public VietnameseCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new ICUNormalizer2CharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
