package vn.archive.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One text analysed once for both of its indexed forms. The folded term of a word is the fold of its exact term
 * ({@link VietnameseAnalyzer}: exact is {@code canonicalWord}, folded is {@code fold(canonicalWord)}, after the same
 * character filter and tokenizer), so the exact analysis is run once, its tokens kept (term, offsets, position
 * increment, type), and both fields replay them: the folded field no longer normalises and tokenises the text again.
 * The streams give the same tokens, positions and offsets as the two analyzers; {@code ExactAndFoldedTest} and
 * {@code PreAnalysedIndexTest} check it on the seeds and the state corpus.
 */
public final class ExactAndFolded {
    /**
     * The longest text worth keeping the tokens of (about 40 bytes a token while the document is indexed: some 8 MB
     * at this length); the mapper leaves a longer one to the writer's analyzer, which streams each field.
     */
    public static final int MAX_CHARS = 1_000_000;
    private static final VietnameseAnalyzer EXACT = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
    /** Folded forms by exact term, per thread (a few thousand syllables; past the limit it starts over). */
    private static final int FOLD_CACHE_LIMIT = 50_000;
    private static final ThreadLocal<CharArrayMap<String>> FOLDED =
            ThreadLocal.withInitial(() -> new CharArrayMap<>(4096, false));

    private char[] chars = new char[256];
    private int charCount;
    private int[] termStart = new int[64];
    private int[] termLength = new int[64];
    private int[] startOffset = new int[64];
    private int[] endOffset = new int[64];
    private int[] positionIncrement = new int[64];
    private String[] types = new String[64];
    private String[] folded = new String[64];
    private int size;
    private int finalOffset;
    private int finalPositionIncrement;

    private ExactAndFolded() {
    }

    /** The text analysed once by the exact Vietnamese analysis. */
    public static ExactAndFolded of(String text) {
        ExactAndFolded out = new ExactAndFolded();
        try (TokenStream ts = EXACT.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            CharArrayMap<String> cache = FOLDED.get();
            while (ts.incrementToken()) {
                out.add(term, offset.startOffset(), offset.endOffset(), increment.getPositionIncrement(), type.type(),
                        cache);
            }
            ts.end();
            out.finalOffset = offset.endOffset();
            out.finalPositionIncrement = increment.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does not fail
        }
        return out;
    }

    /** The tokens of the exact field (diacritics kept, canonical tone placement). */
    public TokenStream exact() {
        return new Replay(false);
    }

    /** The tokens of the folded field (no diacritics), at the same positions and offsets. */
    public TokenStream folded() {
        return new Replay(true);
    }

    private void add(CharTermAttribute term, int start, int end, int increment, String type,
                     CharArrayMap<String> cache) {
        if (size == termStart.length) {
            int n = size * 2;
            termStart = Arrays.copyOf(termStart, n);
            termLength = Arrays.copyOf(termLength, n);
            startOffset = Arrays.copyOf(startOffset, n);
            endOffset = Arrays.copyOf(endOffset, n);
            positionIncrement = Arrays.copyOf(positionIncrement, n);
            types = Arrays.copyOf(types, n);
            folded = Arrays.copyOf(folded, n);
        }
        int length = term.length();
        if (charCount + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
        }
        System.arraycopy(term.buffer(), 0, chars, charCount, length);
        String fold = cache.get(term.buffer(), 0, length);
        if (fold == null) {
            fold = VietnameseNormalizer.fold(term.toString());
            if (cache.size() >= FOLD_CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(term.toString(), fold);
        }
        termStart[size] = charCount;
        termLength[size] = length;
        startOffset[size] = start;
        endOffset[size] = end;
        positionIncrement[size] = increment;
        types[size] = type;
        folded[size] = fold;
        charCount += length;
        size++;
    }

    /** The kept tokens, played back in one of the two forms. */
    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final boolean fold;
        private int next;

        Replay(boolean fold) {
            this.fold = fold;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next == size) {
                return false;
            }
            clearAttributes();
            if (fold) {
                term.setEmpty().append(folded[next]);
            } else {
                term.copyBuffer(chars, termStart[next], termLength[next]);
            }
            offset.setOffset(startOffset[next], endOffset[next]);
            increment.setPositionIncrement(positionIncrement[next]);
            type.setType(types[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
            increment.setPositionIncrement(finalPositionIncrement);
        }
    }
}
