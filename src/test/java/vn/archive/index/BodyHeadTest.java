package vn.archive.index;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyHeadTest {
    private static String longestStateLaw() throws IOException {
        try (Stream<Path> state = Files.list(Path.of("corpus/state"))) {
            Path longest = state.filter(p -> p.toString().endsWith(".txt"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
            return Files.readString(longest);
        }
    }

    @Test
    void a_body_within_the_bound_is_its_own_head() throws IOException {
        String seed;
        try (Stream<Path> seeds = Files.list(Path.of("corpus/seeds"))) {
            seed = Files.readString(seeds.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow());
        }
        assertTrue(seed.length() <= BodyHead.MAX_CHARS, "a seed is short");
        assertSame(seed, BodyHead.of(seed));
    }

    @Test
    void a_long_law_is_cut_where_the_highlighters_sentence_iterator_breaks_the_whole_law() throws IOException {
        String law = longestStateLaw();
        String head = BodyHead.of(law);
        assertTrue(law.length() > 100_000, "the longest state law is long");
        assertTrue(head.length() <= BodyHead.MAX_CHARS && head.length() > BodyHead.MAX_CHARS / 2, "" + head.length());
        assertTrue(law.startsWith(head));
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(law);
        assertTrue(sentences.isBoundary(head.length()), "the cut is a sentence boundary of the whole law");
        assertEquals(head.length(), sentences.preceding(BodyHead.MAX_CHARS + 1), "and the last one within the bound");
    }

    @Test
    void a_text_without_sentences_is_cut_at_the_bound() {
        String words = "nông thôn mới ".repeat(BodyHead.MAX_CHARS / 10).replace('.', ' ');
        String head = BodyHead.of(words);
        assertEquals(BodyHead.MAX_CHARS, head.length());
    }

    @Test
    void a_head_kept_as_utf16_reads_back_char_for_char() throws IOException {
        String head = BodyHead.of(longestStateLaw());
        assertEquals(head, BodyHead.ofUtf16(BodyHead.utf16(head)));
        assertEquals(2 * head.length(), BodyHead.utf16(head).length);
        String odd = "Điều 1. \uD835 lẻ \uDC00 và 𝔸";
        assertEquals(odd, BodyHead.ofUtf16(BodyHead.utf16(odd)), "lone surrogates are kept as they are");
    }
}
