package vn.archive.index;

import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadSentencesTest {
    private static List<String> stateHeads() throws IOException {
        List<String> heads = new ArrayList<>();
        try (Stream<Path> state = Files.list(Path.of("corpus/state"))) {
            for (Path p : state.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                heads.add(BodyHead.of(Files.readString(p)));
            }
        }
        return heads;
    }

    @Test
    void the_boundaries_are_those_the_highlighters_iterator_walks_through_every_state_law_head() throws IOException {
        int sentences = 0;
        for (String head : stateHeads()) {
            BreakIterator it = new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT), '\u0000');
            it.setText(head);
            List<Integer> walked = new ArrayList<>();
            for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
                walked.add(b);
            }
            int[] bounds = HeadSentences.of(head);
            assertArrayEquals(walked.stream().mapToInt(Integer::intValue).toArray(), bounds);
            assertEquals(0, bounds[0]);
            assertEquals(head.length(), bounds[bounds.length - 1]);
            sentences += bounds.length - 1;
        }
        assertTrue(sentences > 71 * 10, "the heads hold many sentences: " + sentences);
    }

    @Test
    void the_boundaries_read_back_as_written() throws IOException {
        for (String head : stateHeads()) {
            int[] bounds = HeadSentences.of(head);
            assertArrayEquals(bounds, HeadSentences.decode(HeadSentences.encode(bounds)));
            assertTrue(HeadSentences.encode(bounds).length < 3 * bounds.length, "a few bytes a sentence");
        }
    }

    @Test
    void an_empty_body_has_one_boundary_at_its_start() throws IOException {
        assertArrayEquals(new int[] {0}, HeadSentences.of(""));
        assertArrayEquals(new int[] {0}, HeadSentences.decode(HeadSentences.encode(HeadSentences.of(""))));
    }
}
