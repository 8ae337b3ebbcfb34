package vn.archive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage, its default k1, b and pivot), computed without the
 * {@code BytesRefHash} that {@link PassageScorer#score} builds for every candidate passage: that hash allocates a
 * 32 KB block each time, and a long law offers thousands of candidates, so allocation was most of a snippet's cost.
 * The same terms are summed in the same order (the order of their first match in the passage), so every score, and
 * so every snippet, is the same float as Lucene's.
 */
final class LucenePassageScores extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] docFreqs = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] inPassage = new int[matches];
        int[] inDoc = new int[matches];
        int n = 0;
        for (int i = 0; i < matches; i++) {
            int k = 0;
            while (k < n && !distinct[k].bytesEquals(terms[i])) {
                k++;
            }
            if (k == n) {
                distinct[n] = terms[i];
                inDoc[n] = docFreqs[i];
                n++;
            }
            inPassage[k]++;
        }
        double score = 0;
        for (int k = 0; k < n; k++) {
            score += tf(inPassage[k], passage.getLength()) * weight(contentLength, inDoc[k]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
