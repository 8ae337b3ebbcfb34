package vn.archive.search;

import vn.archive.text.VietnameseAnalyzer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import vn.archive.index.Fields;
import vn.archive.model.DocNumber;
import vn.archive.text.KindNames;
import vn.archive.text.VietnameseNormalizer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Lucene query for a user's text. Every word must match in the folded body or title (so queries
 * without diacritics work); matches with the exact diacritics, contiguous phrases and title matches score higher;
 * a query that reads as a document number ("374 CV HU", "nghị quyết 25") puts that document first. Text in
 * quotes, straight or curly, must match as a phrase.
 */
public final class QueryFactory {
    static final float EXACT_BOOST = 1.5f;
    static final float TITLE_BOOST = 2f;
    static final float PHRASE_BOOST = 2f;
    static final float PAIR_BOOST = 1f;
    static final float NUMBER_BOOST = 100f;

    /** The scoring features, each switchable so that its worth can be measured (see RelevanceIT). */
    public enum Feature {
        /** Boost matches on the exact (diacritics kept) fields. */
        EXACT,
        /** Boost matches in the title. */
        TITLE,
        /** Boost documents holding the whole query as one phrase. */
        PHRASE,
        /** Boost documents holding adjacent query words side by side (syllable bigrams, "dân vận", "nông thôn"). */
        PAIRS,
        /** Look the query up as a document number. */
        NUMBER
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Analyzer analyzer;
    private final QueryBuilder builder;
    private final KindNames kinds;
    private final Set<Feature> features;

    /** Every feature on, with the packaged kind names. */
    public QueryFactory(Analyzer analyzer) {
        this(analyzer, KindNames.builtIn(), EnumSet.allOf(Feature.class));
    }

    /** A factory with only some features, for measuring what each one earns. */
    public QueryFactory(Analyzer analyzer, KindNames kinds, Set<Feature> features) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.builder = new QueryBuilder(analyzer);
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.features = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
    }

    /** The scoring query for this text; all documents when it is blank. */
    public Query build(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        String clean = normalizeQuery(text);
        if (features.contains(Feature.NUMBER) && DocNumber.WRITTEN.matcher(clean).matches()) {
            return numberOnly(clean);
        }
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        Query words = words(clean);
        if (words != null) {
            top.add(words, Occur.SHOULD);
        }
        if (features.contains(Feature.NUMBER)) {
            numberQuery(clean).ifPresent(q -> top.add(q, Occur.SHOULD));
        }
        BooleanQuery q = top.build();
        return q.clauses().isEmpty() ? new MatchAllDocsQuery() : q;
    }

    /**
     * A query matching exactly the documents {@link #build} matches, without its clauses that only score: an exact
     * (diacritics kept) match implies the folded one (one tokenizer, each exact token folded in place), and a whole
     * phrase implies all its words; the title, the adjacent pairs (which alone may match) and the number stay. For
     * counting, where every match is visited and none is scored (see {@code LuceneFacetPass}).
     */
    public Query matching(String text) {
        Set<Feature> kept = EnumSet.noneOf(Feature.class);
        kept.addAll(features);
        kept.removeAll(EnumSet.of(Feature.EXACT, Feature.PHRASE));
        return kept.size() == features.size() ? build(text) : new QueryFactory(analyzer, kinds, kept).build(text);
    }

    /** The part of the query that snippets should highlight: the folded body words. */
    public Query highlightQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return builder.createBooleanQuery(Fields.BODY, normalizeQuery(text), Occur.SHOULD);
    }

    /** NFC, plain spaces, and curly quotes and dashes made straight so quoting and numbers work however typed. */
    static String normalizeQuery(String text) {
        return VietnameseNormalizer.unifyLookalikes(VietnameseNormalizer.clean(text)).strip();
    }

    private Query words(String text) {
        String unquoted = text.replace('"', ' ');
        Query foldedBody = builder.createBooleanQuery(Fields.BODY, unquoted, Occur.MUST);
        if (foldedBody == null) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(foldedBody, Occur.SHOULD);
        if (features.contains(Feature.TITLE)) {
            add(b, builder.createBooleanQuery(Fields.TITLE, unquoted, Occur.MUST), TITLE_BOOST);
        }
        if (features.contains(Feature.EXACT)) {
            add(b, builder.createBooleanQuery(Fields.BODY_EXACT, unquoted, Occur.MUST), EXACT_BOOST);
            if (features.contains(Feature.TITLE)) {
                add(b, builder.createBooleanQuery(Fields.TITLE_EXACT, unquoted, Occur.MUST), EXACT_BOOST * TITLE_BOOST);
            }
        }
        if (features.contains(Feature.PHRASE)) {
            add(b, builder.createPhraseQuery(Fields.BODY, unquoted), PHRASE_BOOST);
            if (features.contains(Feature.EXACT)) {
                add(b, builder.createPhraseQuery(Fields.BODY_EXACT, unquoted), PHRASE_BOOST * EXACT_BOOST);
            }
        }
        if (features.contains(Feature.PAIRS)) {
            pairs(b, Fields.BODY, unquoted, PAIR_BOOST);
            if (features.contains(Feature.EXACT)) {
                pairs(b, Fields.BODY_EXACT, unquoted, PAIR_BOOST * EXACT_BOOST);
            }
        }
        b.setMinimumNumberShouldMatch(1);
        Query scored = b.build();
        List<Query> phrases = quotedPhrases(text);
        if (phrases.isEmpty()) {
            return scored;
        }
        BooleanQuery.Builder required = new BooleanQuery.Builder().add(scored, Occur.MUST);
        phrases.forEach(p -> required.add(p, Occur.FILTER));
        return required.build();
    }

    /** Each "quoted part" must appear as a phrase, in the folded body or title. */
    private List<Query> quotedPhrases(String text) {
        List<Query> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            Query body = builder.createPhraseQuery(Fields.BODY, m.group(1));
            Query title = builder.createPhraseQuery(Fields.TITLE, m.group(1));
            if (body != null) {
                BooleanQuery.Builder either = new BooleanQuery.Builder().add(body, Occur.SHOULD);
                if (title != null) {
                    either.add(title, Occur.SHOULD);
                }
                out.add(either.build());
            }
        }
        return out;
    }

    /** One phrase clause per pair of adjacent query words: documents that keep the words together score higher. */
    private void pairs(BooleanQuery.Builder b, String field, String text, float boost) {
        List<String> terms = terms(field, text);
        if (terms.size() < 3) {
            return; // with two words, the pair is the whole phrase
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (seen.add(terms.get(i) + ' ' + terms.get(i + 1))) {
                b.add(new BoostQuery(new PhraseQuery(field, terms.get(i), terms.get(i + 1)), boost), Occur.SHOULD);
            }
        }
    }

    private List<String> terms(String field, String text) {
        return VietnameseAnalyzer.terms(analyzer, field, text);
    }


    private static void add(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), Occur.SHOULD);
        }
    }

    /**
     * A query that is a document number and nothing else ("374-CV/HU", "30/2020/NĐ-CP") goes to its term: the documents
     * bearing the number, boosted first, then those writing it (the number as a phrase in the body or the title, however
     * it is spaced or punctuated). Its words are not sought apart: "1", "CV" and "TU" anywhere in a text matched most
     * of a large archive, which every such lookup then ranked and counted.
     */
    private Query numberOnly(String clean) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        numberQuery(clean).ifPresent(q -> b.add(q, Occur.SHOULD));
        add(b, builder.createPhraseQuery(Fields.BODY, clean), 1f);
        add(b, builder.createPhraseQuery(Fields.TITLE, clean), TITLE_BOOST);
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? new MatchAllDocsQuery() : q;
    }

    /** A term query on the number key, when the text reads as a number (also as kind words and a serial). */
    Optional<Query> numberQuery(String text) {
        return numberKey(text)
                .map(k -> new BoostQuery(new TermQuery(new Term(Fields.NUMBER_KEY, k)), NUMBER_BOOST));
    }

    private static final Pattern SERIAL_AND_YEAR = Pattern.compile("(\\d{1,5}[a-zA-Z]?)(?:\\s*/\\s*((?:19|20)\\d{2}))?");
    /** A serial and the issuer's code a reader adds after a kind's name, with a space ("nghị quyết 25 tw"). */
    private static final Pattern SERIAL_AND_CODE = Pattern.compile("(\\d{1,5})\\s+(\\p{L}{2,8})");

    /**
     * The number key a query stands for: "374 CV HU" → 374/CV-HU; "nghị quyết 25" → 25/NQ; "Nghị định số
     * 30/2020" → 30/2020/ND; "nghị quyết số 25-NQ/TW" → 25/NQ-TW.
     */
    Optional<String> numberKey(String text) {
        String clean = normalizeQuery(text).replace('"', ' ').strip();
        Optional<KindNames.Match> kind = kinds.leading(clean);
        if (kind.isPresent()) {
            String rest = kind.get().rest();
            Matcher shorthand = SERIAL_AND_CODE.matcher(rest);
            if (shorthand.matches()) {
                // "nghị quyết 25 tw", "chỉ thị 06 tu": the kind's code goes before the issuer's → 25/NQ-TW
                return Optional.of(DocNumber.key(shorthand.group(1), null,
                        List.of(kind.get().code(), shorthand.group(2).toUpperCase(Locale.ROOT))));
            }
            Optional<DocNumber> full = DocNumber.parse(rest);
            if (full.isPresent()) {
                return full.map(DocNumber::key);
            }
            Matcher m = SERIAL_AND_YEAR.matcher(rest);
            if (m.matches()) {
                return Optional.of(DocNumber.key(m.group(1), m.group(2), List.of(kind.get().code())));
            }
            return Optional.empty();
        }
        return DocNumber.parse(clean).map(DocNumber::key);
    }
}
