package vn.archive.solr;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.archive.index.Fields;
import vn.archive.model.Clearance;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Writes the app's scoring query ({@code search.QueryFactory}) in Solr's standard query syntax, so that both backends
 * score the very same query: term, phrase, boolean and boost clauses, the shapes QueryFactory builds. The terms are
 * already analysed; Solr analyses them again with the same analyzer, which leaves an analysed term as it is.
 */
public final class SolrQueries {
    private SolrQueries() {
    }

    /** The query in Solr's syntax; an unknown query shape is refused rather than approximated. */
    public static String toSolr(Query q) {
        if (q instanceof MatchAllDocsQuery) {
            return "*:*";
        }
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof BoostQuery b) {
            return "(" + toSolr(b.getQuery()) + ")^" + String.format(Locale.ROOT, "%s", b.getBoost());
        }
        if (q instanceof PhraseQuery p) {
            if (p.getSlop() != 0) {
                throw new IllegalArgumentException("sloppy phrase not supported: " + q);
            }
            StringJoiner words = new StringJoiner(" ", p.getField() + ":\"", "\"");
            for (Term t : p.getTerms()) {
                words.add(t.text().replace("\\", "\\\\").replace("\"", "\\\""));
            }
            return words.toString();
        }
        if (q instanceof BooleanQuery b) {
            boolean required = b.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST
                    || c.occur() == BooleanClause.Occur.FILTER);
            if (b.getMinimumNumberShouldMatch() > 1 || (b.getMinimumNumberShouldMatch() == 1 && required)) {
                // a pure SHOULD query already needs one match: only other minimums would change the answer
                throw new IllegalArgumentException("minimum-should-match not supported: " + q);
            }
            StringJoiner out = new StringJoiner(" ", "(", ")");
            for (BooleanClause c : b.clauses()) {
                String inner = toSolr(c.query());
                out.add(switch (c.occur()) {
                    case MUST -> "+" + inner;
                    case FILTER -> "+filter(" + inner + ")";
                    case MUST_NOT -> "-" + inner;
                    case SHOULD -> inner;
                });
            }
            return out.toString();
        }
        throw new IllegalArgumentException("query shape not supported on Solr: " + q.getClass().getSimpleName());
    }

    /**
     * The filter that hides from a reader what their clearance does not allow (hits, facet counts and snippets
     * alike, since Solr applies filter queries before all three); for the highest clearance it still hides withdrawn
     * documents ({@code Fields.WITHDRAWN_LEVEL}).
     */
    public static Optional<String> clearanceFilter(Clearance reader) {
        int above = reader.ordinal() + 1;
        return Optional.of("-" + Fields.CLEARANCE + ":[" + above + " TO *]");
    }

    /**
     * A filter on any of these values of a string field, each read verbatim ({@code {!terms}} with a separator none
     * of them holds), so no value needs escaping.
     */
    static String anyOf(String field, Collection<String> values) {
        return anyOf(field, values, "");
    }

    /** {@link #anyOf(String, java.util.Collection)} with more local parameters, such as {@code tag=name}. */
    static String anyOf(String field, Collection<String> values, String localParams) {
        String separator = Stream.of(",", "|", ";", " ")
                .filter(c -> values.stream().noneMatch(v -> v.contains(c))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the values hold every separator: " + values));
        return "{!terms f=" + field + " separator=\"" + separator + "\"" + (localParams.isEmpty() ? "" : " " + localParams)
                + "}" + String.join(separator, values);
    }

    private static String term(Term t) {
        return t.field() + ":" + escape(t.text());
    }

    /** Escapes the characters Solr's standard syntax gives a meaning to. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\+-!():^[]\"{}~*?|&;/ \t".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
