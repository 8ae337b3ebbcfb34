package vn.archive.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import vn.archive.index.BodyHead;
import vn.archive.index.Fields;
import vn.archive.text.Lead;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passages of a page of hits that match the query, marked with {@code <mark>}, from the offsets the body's
 * postings keep (no re-analysis), without Markdown; the opening of the body after its header block when no passage
 * matches. Passages are scored by {@link LucenePassageScores} (Lucene's scores, without an allocation per candidate).
 * Passages are sought in the body's opening ({@link BodyHead}: a long law's head in doc values, so its whole text is neither
 * decompressed nor scanned) and scored against the whole body's length, so a passage within the head is the passage
 * the whole body would give. Each passage's bounds are looked up in the head's sentence boundaries found at index time
 * ({@link PreparedSentences}) where the index keeps them.
 */
final class LuceneSnippets {
    private static final int PASSAGES = 2;
    private static final int FALLBACK_CHARS = 240;
    private static final DefaultPassageFormatter MARKS = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);

    private final QueryFactory queries;
    private final Analyzer analyzer;
    private final PassageScorer scores;
    private final Reach reach;

    /** Where passages are sought, and how their sentences are found. */
    enum Reach {
        /** In the whole body, by the sentence iterator (the benchmarks' and tests' first baseline). */
        WHOLE_BODY,
        /** In the body's head, by the sentence iterator (the second baseline: before the prepared boundaries). */
        HEAD_ITERATED,
        /** In the body's head, between the boundaries found at index time where the index keeps them. */
        HEAD
    }

    LuceneSnippets(QueryFactory queries, Analyzer analyzer) {
        this(queries, analyzer, new LucenePassageScores(), Reach.HEAD);
    }

    /** Snippets whose passages this scorer ranks, sought as far as {@code reach} says. */
    LuceneSnippets(QueryFactory queries, Analyzer analyzer, PassageScorer scores, Reach reach) {
        this.queries = queries;
        this.analyzer = analyzer;
        this.scores = scores;
        this.reach = reach;
    }

    /** One snippet per hit of the page, null where the highlighter found no passage. */
    String[] of(IndexSearcher searcher, String text, ScoreDoc[] page) throws IOException {
        return of(searcher, text, page, MARKS);
    }

    /** What this formatter makes of each hit's passages (tests ask for the passages' offsets). */
    String[] of(IndexSearcher searcher, String text, ScoreDoc[] page, PassageFormatter formatter) throws IOException {
        Query q = queries.highlightQuery(text);
        if (q == null) {
            return new String[page.length];
        }
        boolean bounded = reach != Reach.WHOLE_BODY;
        WholeBody whole = new WholeBody(scores);
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(formatter)
                .withScorer(bounded ? whole : scores)
                .withMaxLength(Integer.MAX_VALUE - 1);
        UnifiedHighlighter highlighter = bounded ? new HeadHighlighter(builder, whole, reach == Reach.HEAD)
                : builder.build();
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

    /**
     * The start of a body (or of its head: {@link LuceneHeads}), HTML-escaped, for a hit without a matching passage.
     */
    static String fallback(String body) {
        if (body == null) {
            return "";
        }
        // the body's opening after its header block, without markup
        return SimpleHTMLEncoder.htmlEncode(Lead.of(body, FALLBACK_CHARS));
    }

    /**
     * A highlighter that reads each hit's head instead of its body (a long law's head from doc values; the stored body,
     * cut the same way, for a short one or in an index built before heads), scores passages against the whole
     * body's length and, when {@code prepared}, takes their bounds from the head's sentence boundaries.
     */
    private static final class HeadHighlighter extends UnifiedHighlighter {
        /** The head of each content handed to the field highlighter (the same String instance). */
        private final Map<String, LuceneHeads.Head> heads = new IdentityHashMap<>();
        private final WholeBody whole;
        private final boolean prepared;

        HeadHighlighter(Builder builder, WholeBody whole, boolean prepared) {
            super(builder);
            this.whole = whole;
            this.prepared = prepared;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            if (fields.length != 1 || !Fields.BODY.equals(fields[0])) {
                throw new IllegalArgumentException("Snippets read the head of " + Fields.BODY + " only, not "
                        + List.of(fields));
            }
            LuceneHeads reader = new LuceneHeads(searcher);
            List<CharSequence[]> values = new ArrayList<>();
            // the highlighter hands the documents in increasing order, so each leaf's doc values are read forward
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                LuceneHeads.Head head = reader.of(doc);
                String content = head.text();
                if (content != null) {
                    this.heads.put(content, head);
                }
                values.add(new CharSequence[] {content});
            }
            return values;
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            return source == OffsetSource.POSTINGS && components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)
                    ? new OneWeightPerLeaf(components) : super.getOffsetStrategy(source, components);
        }

        @Override
        protected FieldHighlighter newFieldHighlighter(String field, FieldOffsetStrategy offsets, BreakIterator breaks,
                PassageScorer scorer, int maxPassages, int maxNoHighlightPassages, PassageFormatter formatter,
                Comparator<Passage> order) {
            PreparedSentences sentences = prepared ? new PreparedSentences(breaks) : null;
            return new FieldHighlighter(field, offsets, prepared ? sentences : breaks, scorer, maxPassages,
                    maxNoHighlightPassages, formatter, order) {
                @Override
                public Object highlightFieldForDoc(LeafReader reader, int docId, String content) throws IOException {
                    LuceneHeads.Head head = heads.get(content);
                    whole.length = head == null ? content.length() : head.bodyLength();
                    if (sentences != null) {
                        sentences.prepare(head == null ? null : head.sentences());
                    }
                    return super.highlightFieldForDoc(reader, docId, content);
                }
            };
        }
    }

    /**
     * Offsets from the postings through the query's matches, as Lucene's own strategy finds them, but with one weight
     * for all the page's hits of a segment: Lucene's builds a searcher and a weight for every hit, looking each query
     * term up in the terms dictionary again (a tenth of a page's time on long laws). The fields are the highlighted
     * field's own (the default field matcher), so the leaf needs no remapping.
     */
    private static final class OneWeightPerLeaf extends PostingsOffsetStrategy {
        private LeafReader leaf;
        private Weight weight;

        OneWeightPerLeaf(UHComponents components) {
            super(components);
        }

        @Override
        protected void createOffsetsEnumsWeightMatcher(LeafReader reader, int doc, List<OffsetsEnum> results)
                throws IOException {
            if (reader != leaf) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                weight = searcher.rewrite(components.query()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
                leaf = reader;
            }
            Matches matches = weight.matches(reader.getContext(), doc);
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                MatchesIterator it = components.fieldMatcher().test(field) ? matches.getMatches(field) : null;
                if (it != null) {
                    results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                }
            }
        }
    }

    /** A scorer that scores a passage of the head as the same passage of the whole body (its length set per hit). */
    private static final class WholeBody extends PassageScorer {
        private final PassageScorer scores;
        int length;

        WholeBody(PassageScorer scores) {
            this.scores = scores;
        }

        @Override
        public float score(Passage passage, int contentLength) {
            return scores.score(passage, length);
        }
    }
}
