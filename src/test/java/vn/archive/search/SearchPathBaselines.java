package vn.archive.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.PassageScorer;
import vn.archive.index.DocumentCodec;
import vn.archive.index.Fields;
import vn.archive.index.LuceneIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The search path as it was before issue 18's changes, for the benchmark's before/after in one run and for tests
 * that compare answers: a page of hits whose passages Lucene's own scorer ranks and whose metadata is read from the
 * stored JSON (which decompresses the body stored before it).
 */
public final class SearchPathBaselines {
    private SearchPathBaselines() {
    }

    /** A search service over this index whose pages of hits are read as before. */
    public static SearchService previousPages(LuceneIndex index, QueryFactory queries) {
        return new LuceneSearchService(index, queries, new PreviousHits(queries, index));
    }

    /**
     * A search service over this index whose snippets are sought in the whole body, as before the bound on how far
     * into a body passages are sought ({@code BodyHead}); the rest of the page is read as now.
     */
    public static SearchService wholeBodies(LuceneIndex index, QueryFactory queries) {
        return new LuceneSearchService(index, queries,
                new LuceneHits(new LuceneSnippets(queries, index.analyzer(), new LucenePassageScores(), LuceneSnippets.Reach.WHOLE_BODY)));
    }

    /**
     * A search service over this index whose snippets are sought in the body's head with the sentence iterator run
     * at every match, as before the boundaries found at index time ({@code HeadSentences}, issue 18).
     */
    public static SearchService iteratedSentences(LuceneIndex index, QueryFactory queries) {
        return new LuceneSearchService(index, queries, new LuceneHits(iteratedSnippets(queries, index)));
    }

    /** Snippets sought in the body's head with the sentence iterator run at every match. */
    static LuceneSnippets iteratedSnippets(QueryFactory queries, LuceneIndex index) {
        return new LuceneSnippets(queries, index.analyzer(), new LucenePassageScores(),
                LuceneSnippets.Reach.HEAD_ITERATED);
    }

    /** The page of hits as {@code LuceneSearchService} read it before (commit 64e5b3c). */
    private static final class PreviousHits extends LuceneHits {
        private final LuceneSnippets luceneScores;

        PreviousHits(QueryFactory queries, LuceneIndex index) {
            super(null);
            this.luceneScores = new LuceneSnippets(queries, index.analyzer(), new PassageScorer(), LuceneSnippets.Reach.WHOLE_BODY);
        }

        @Override
        List<SearchHit> page(IndexSearcher searcher, TopDocs top, SearchRequest request, Renditions r)
                throws IOException {
            int from = (request.page() - 1) * request.size();
            if (from >= top.scoreDocs.length) {
                return List.of();
            }
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            String[] snippets = luceneScores.of(searcher, request.query(), page);
            List<SearchHit> hits = new ArrayList<>(page.length);
            for (int i = 0; i < page.length; i++) {
                Document stored = searcher.storedFields().document(page[i].doc, Set.of(Fields.DOC_JSON));
                String snippet = snippets[i] != null ? snippets[i] : LuceneSnippets.fallback(
                        searcher.storedFields().document(page[i].doc, Set.of(Fields.BODY)).get(Fields.BODY));
                hits.add(LuceneHits.of(DocumentCodec.decode(stored.get(Fields.DOC_JSON), ""), snippet, r));
            }
            return hits;
        }
    }
}
