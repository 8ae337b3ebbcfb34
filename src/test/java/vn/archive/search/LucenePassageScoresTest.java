package vn.archive.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The passage scorer without a hash per passage gives Lucene's scores, float for float. */
class LucenePassageScoresTest {
    private static final String[] WORDS = {"nong", "thon", "moi", "phat", "trien", "ha", "noi"};

    @Test
    void every_passage_scores_exactly_as_lucenes_scorer_scores_it() {
        Random random = new Random(18);
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new LucenePassageScores();
        for (int round = 0; round < 2_000; round++) {
            Passage p = new Passage();
            int start = random.nextInt(300_000);
            int length = 20 + random.nextInt(2_000);
            p.setStartOffset(start);
            p.setEndOffset(start + length);
            int matches = random.nextInt(12);
            int at = start;
            for (int i = 0; i < matches; i++) {
                String w = WORDS[random.nextInt(WORDS.length)];
                at += random.nextInt(Math.max(1, length / (matches + 1)));
                // the doc frequency of a term is the same at each of its matches, as the highlighter gives it
                p.addMatch(at, at + w.length(), new BytesRef(w), 1 + Math.abs(w.hashCode() % 500));
            }
            int contentLength = start + length + random.nextInt(100_000);
            assertEquals(Float.floatToIntBits(lucene.score(p, contentLength)),
                    Float.floatToIntBits(ours.score(p, contentLength)), "round " + round);
        }
    }

    @Test
    void a_passage_without_matches_scores_zero_as_in_lucene() {
        Passage p = new Passage();
        p.setStartOffset(100);
        p.setEndOffset(400);
        assertEquals(new PassageScorer().score(p, 5_000), new LucenePassageScores().score(p, 5_000));
    }
}
