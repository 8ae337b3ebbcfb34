package vn.archive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import vn.archive.index.Fields;
import vn.archive.text.Lead;

import java.io.IOException;
import java.util.Map;

/**
 * The passages of a page of hits that match the query, marked with {@code <mark>}, from the offsets the body's
 * postings keep (no re-analysis), without Markdown; the opening of the body after its header block when no passage
 * matches. Passages are scored by {@link LucenePassageScores} (Lucene's scores, without an allocation per candidate).
 */
final class LuceneSnippets {
    private static final int PASSAGES = 2;
    private static final int FALLBACK_CHARS = 240;

    private final QueryFactory queries;
    private final Analyzer analyzer;
    private final PassageScorer scores;

    LuceneSnippets(QueryFactory queries, Analyzer analyzer) {
        this(queries, analyzer, new LucenePassageScores());
    }

    /** Snippets whose passages this scorer ranks (the benchmark's baseline keeps Lucene's own). */
    LuceneSnippets(QueryFactory queries, Analyzer analyzer, PassageScorer scores) {
        this.queries = queries;
        this.analyzer = analyzer;
        this.scores = scores;
    }

    /** One snippet per hit of the page, null where the highlighter found no passage. */
    String[] of(IndexSearcher searcher, String text, ScoreDoc[] page) throws IOException {
        Query q = queries.highlightQuery(text);
        if (q == null) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(scores)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .build();
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        Map<String, String[]> out = highlighter.highlightFields(new String[] {Fields.BODY}, q, docIds,
                new int[] {PASSAGES});
        String[] passages = out.get(Fields.BODY);
        for (int i = 0; i < passages.length; i++) {
            passages[i] = Lead.unmarked(passages[i]);
        }
        return passages;
    }

    /** The start of a body, HTML-escaped, for a hit without a matching passage. */
    static String fallback(String body) {
        if (body == null) {
            return "";
        }
        // the body's opening after its header block, without markup
        return SimpleHTMLEncoder.htmlEncode(Lead.of(body, FALLBACK_CHARS));
    }
}
