package vn.archive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import vn.archive.index.Fields;
import vn.archive.model.DocNumber;

import java.util.Optional;

/**
 * Builds the Lucene query for a user's text. Every word must match in the folded body or title (so queries
 * without diacritics work); matches with the exact diacritics, contiguous phrases and title matches score higher;
 * a query that reads as a document number puts that document first.
 */
public final class QueryFactory {
    static final float EXACT_BOOST = 1.5f;
    static final float TITLE_BOOST = 2f;
    static final float PHRASE_BOOST = 2f;
    static final float NUMBER_BOOST = 100f;

    private final QueryBuilder builder;

    public QueryFactory(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /** The scoring query for this text; all documents when it is blank. */
    public Query build(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        Query words = words(text);
        if (words != null) {
            top.add(words, Occur.SHOULD);
        }
        numberQuery(text).ifPresent(q -> top.add(q, Occur.SHOULD));
        BooleanQuery q = top.build();
        return q.clauses().isEmpty() ? new MatchAllDocsQuery() : q;
    }

    /** The part of the query that snippets should highlight: the folded body words. */
    public Query highlightQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return builder.createBooleanQuery(Fields.BODY, text, Occur.SHOULD);
    }

    private Query words(String text) {
        Query foldedBody = builder.createBooleanQuery(Fields.BODY, text, Occur.MUST);
        if (foldedBody == null) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(foldedBody, Occur.SHOULD);
        add(b, builder.createBooleanQuery(Fields.TITLE, text, Occur.MUST), TITLE_BOOST);
        add(b, builder.createBooleanQuery(Fields.BODY_EXACT, text, Occur.MUST), EXACT_BOOST);
        add(b, builder.createBooleanQuery(Fields.TITLE_EXACT, text, Occur.MUST), EXACT_BOOST * TITLE_BOOST);
        add(b, builder.createPhraseQuery(Fields.BODY, text), PHRASE_BOOST);
        add(b, builder.createPhraseQuery(Fields.BODY_EXACT, text), PHRASE_BOOST * EXACT_BOOST);
        b.setMinimumNumberShouldMatch(1);
        return b.build();
    }

    private static void add(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), Occur.SHOULD);
        }
    }

    /** A term query on the number key, when the text reads as a number. */
    static Optional<Query> numberQuery(String text) {
        return DocNumber.parse(text)
                .map(n -> new BoostQuery(new TermQuery(new Term(Fields.NUMBER_KEY, n.key())), NUMBER_BOOST));
    }
}
