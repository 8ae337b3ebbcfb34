package vn.archive.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import vn.archive.text.VietnameseAnalyzer;

import java.util.Map;

/** The per-field analyzer used both to index and to query, so the two always agree. */
public final class AnalyzerFactory {
    private AnalyzerFactory() {
    }

    /** Folded analysis by default, exact analysis on the *_exact fields. */
    public static Analyzer perField() {
        Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
        return new PerFieldAnalyzerWrapper(new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED),
                Map.of(Fields.BODY_EXACT, exact, Fields.TITLE_EXACT, exact));
    }
}
