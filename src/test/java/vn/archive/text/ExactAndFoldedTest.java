package vn.archive.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One analysis replayed as both forms gives what the two analyzers give, token for token. */
class ExactAndFoldedTest {
    private final Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
    private final Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);

    @Test
    void both_forms_equal_the_two_analyzers_on_the_seeds_and_the_state_corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> seeds = Files.list(Path.of("corpus/seeds")); Stream<Path> state = Files.list(Path.of("corpus/state"))) {
            files = Stream.concat(seeds, state).filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(files.size() > 70, "the seeds and the state corpus: " + files.size());
        for (Path file : files) {
            assertSameTokens(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
    }

    @Test
    void decomposed_text_look_alikes_odd_spaces_and_overlong_tokens_replay_like_the_analyzers() {
        String messy = Normalizer.normalize("Dân\u00A0vận\u200B khéo Thuỷ KỸ NÐ-CP", Normalizer.Form.NFD)
                + " Сộng hòа " + "x".repeat(300) + " sau từ quá dài, Đảng ủy 102/2017/NĐ-CP.";
        MultiLocale.run(() -> assertSameTokens(messy, "messy text"));
        assertSameTokens("", "empty text");
    }

    @Test
    void a_replay_can_be_read_twice_after_reset() throws IOException {
        ExactAndFolded once = ExactAndFolded.of("Bán BẠN ban Thuỷ");
        TokenStream stream = once.folded();
        assertEquals(read(stream), read(stream));
        assertEquals(List.of("ban|0|3|1", "ban|4|7|1", "ban|8|11|1", "thuy|12|16|1"), terms(read(stream)));
    }

    private void assertSameTokens(String text, String what) {
        try {
            ExactAndFolded once = ExactAndFolded.of(text);
            assertSameList(read(exact.tokenStream("body_exact", text)), read(once.exact()), what + ", exact");
            assertSameList(read(folded.tokenStream("body", text)), read(once.folded()), what + ", folded");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Equal lists, a failure naming the first token that differs rather than printing a whole law's tokens. */
    private static void assertSameList(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ", token " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ", tokens");
    }

    private static List<String> terms(List<String> tokens) {
        return tokens.subList(0, tokens.size() - 1).stream().map(t -> t.substring(0, t.lastIndexOf('|'))).toList();
    }

    /** term|start|end|increment|type for each token, then the end state (final offset and increment). */
    private static List<String> read(TokenStream ts) throws IOException {
        List<String> out = new ArrayList<>();
        try (ts) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "|" + offset.startOffset() + "|" + offset.endOffset() + "|"
                        + increment.getPositionIncrement() + "|" + type.type());
            }
            ts.end();
            out.add("end|" + offset.endOffset() + "|" + increment.getPositionIncrement());
        }
        return out;
    }
}
