package vn.archive.search;

import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.junit.jupiter.api.Test;
import vn.archive.index.BodyHead;
import vn.archive.index.HeadSentences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreparedSentencesTest {
    private static BreakIterator iterator() {
        return new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\u0000');
    }

    /** The heads of the five longest state laws and of the shortest (a head that is its whole body). */
    private static List<String> heads() throws IOException {
        try (Stream<Path> state = Files.list(Path.of("corpus/state"))) {
            List<Path> bySize = state.filter(p -> p.toString().endsWith(".txt"))
                    .sorted(Comparator.comparingLong(p -> p.toFile().length())).toList();
            List<Path> chosen = Stream.concat(bySize.subList(bySize.size() - 5, bySize.size()).stream(),
                    Stream.of(bySize.get(0))).toList();
            return chosen.stream().map(p -> {
                try {
                    return BodyHead.of(Files.readString(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /**
     * At every offset of a head, the bounds a fresh sentence iterator (as the highlighter's for a new hit) finds
     * around it, except where the JDK's iterator, asked backwards first, answers {@code preceding} with a point that
     * is not a boundary of its own walk through the text (a "sentence" starting with the previous one's full stop):
     * there the prepared start is the walk's, the start of the sentence the offset lies in.
     */
    @Test
    void every_offset_of_a_head_breaks_where_the_sentence_iterator_walking_the_head_breaks_it() throws IOException {
        int spurious = 0;
        int offsets = 0;
        for (String head : heads()) {
            int[] walk = HeadSentences.of(head);
            PreparedSentences prepared = new PreparedSentences(iterator());
            prepared.prepare(walk);
            prepared.setText(head);
            for (int offset = 0; offset <= head.length(); offset++) {
                BreakIterator jdk = iterator();
                jdk.setText(head);
                int expected = jdk.preceding(offset);
                int actual = prepared.preceding(offset);
                if (expected != actual) {
                    assertTrue(Arrays.binarySearch(walk, expected) < 0, "the iterator's own walk skips " + expected);
                    assertTrue(Arrays.binarySearch(walk, actual) >= 0 && actual < expected, "preceding " + offset);
                    spurious++;
                }
                if (offset < head.length()) {
                    jdk.setText(head);
                    assertEquals(jdk.following(offset), prepared.following(offset), "following " + offset);
                }
                jdk.setText(head);
                assertEquals(jdk.isBoundary(offset), prepared.isBoundary(offset), "boundary " + offset);
                offsets++;
            }
            assertEquals(head.length(), prepared.getText().getEndIndex());
        }
        assertTrue(spurious < offsets / 20, spurious + " of " + offsets + " offsets");
    }

    /**
     * As the highlighter asks (Lucene's {@code FieldHighlighter}): the bounds around a match, then around a later
     * match past the passage found, on one iterator per text; with matches close together and far apart.
     */
    @Test
    void matches_met_in_the_highlighters_order_get_the_passages_the_sentence_iterator_gives() throws IOException {
        int asked = 0;
        for (String head : heads()) {
            for (int gap : new int[] {1, 5, 40, 300}) {
                BreakIterator jdk = iterator();
                jdk.setText(head);
                PreparedSentences prepared = new PreparedSentences(iterator());
                prepared.prepare(HeadSentences.of(head));
                prepared.setText(head);
                for (int at = 1; at < head.length(); ) {
                    assertEquals(jdk.preceding(at), prepared.preceding(at), "passage start at " + at);
                    int end = jdk.following(at);
                    assertEquals(end, prepared.following(at), "passage end at " + at);
                    asked++;
                    at = (end == BreakIterator.DONE ? head.length() : end) + gap;
                }
            }
        }
        assertTrue(asked > 500, "many passages: " + asked);
    }

    @Test
    void walking_forward_and_back_meets_the_same_boundaries() throws IOException {
        String head = heads().get(0);
        BreakIterator jdk = iterator();
        jdk.setText(head);
        PreparedSentences prepared = new PreparedSentences(iterator());
        prepared.prepare(HeadSentences.of(head));
        prepared.setText(head);
        assertEquals(jdk.first(), prepared.first());
        int steps = 0;
        for (int b = jdk.next(); b != BreakIterator.DONE; b = jdk.next()) {
            assertEquals(b, prepared.next());
            steps++;
        }
        assertEquals(BreakIterator.DONE, prepared.next());
        assertEquals(jdk.last(), prepared.last());
        for (int b = jdk.previous(); b != BreakIterator.DONE; b = jdk.previous()) {
            assertEquals(b, prepared.previous());
        }
        assertEquals(BreakIterator.DONE, prepared.previous());
        assertEquals(jdk.next(3), prepared.next(3));
        assertTrue(steps > 20, "a long law's head has many sentences: " + steps);
    }

    @Test
    void a_text_that_is_not_the_head_its_boundaries_were_found_in_is_left_to_the_iterator() throws IOException {
        String head = heads().get(0);
        BreakIterator jdk = iterator();
        PreparedSentences prepared = new PreparedSentences(jdk);
        prepared.prepare(HeadSentences.of(head));
        String other = head.substring(0, head.length() - 1);
        prepared.setText(other);
        assertEquals(other.length(), jdk.getText().getEndIndex(), "the wrapped iterator was given the text");
        BreakIterator fresh = iterator();
        fresh.setText(other);
        assertEquals(fresh.preceding(other.length()), prepared.preceding(other.length()));
        prepared.setText(head);
        assertEquals(head.length(), jdk.getText().getEndIndex(), "boundaries serve one text only");
    }
}
