package vn.archive.index;

import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The sentence boundaries of a body's head ({@link BodyHead}), found once at index time by the iterator the
 * snippets' highlighter uses (the JDK's sentence iterator, split at the highlighter's value separator as Lucene's
 * {@code UnifiedHighlighter} splits it) and kept as doc values ({@link Fields#BODY_SENTENCES}): a page of hits looks
 * each passage's bounds up in them instead of running the iterator over every match of a 10,000-char head again,
 * which was a third of a page of 20 hits' time. Encoded as the gaps between boundaries, in variable-length ints.
 */
public final class HeadSentences {
    /** The separator the {@code UnifiedHighlighter} splits field values at (its {@code MULTIVAL_SEP_CHAR}). */
    private static final char VALUE_SEPARATOR = '\u0000';

    private HeadSentences() {
    }

    /** Every boundary of this text in increasing order, its start (0) and its end included. */
    public static int[] of(String text) {
        BreakIterator sentences = new SplittingBreakIterator(BreakIterator.getSentenceInstance(Locale.ROOT),
                VALUE_SEPARATOR);
        sentences.setText(text);
        int[] bounds = new int[16];
        int n = 0;
        for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) {
            bounds = ArrayUtil.grow(bounds, n + 1);
            bounds[n++] = b;
        }
        return Arrays.copyOf(bounds, n);
    }

    /** The boundaries as doc values bytes: the gaps between them, each a variable-length int. */
    public static BytesRef encode(int[] bounds) throws IOException {
        byte[] bytes = new byte[5 * bounds.length];
        ByteArrayDataOutput out = new ByteArrayDataOutput(bytes);
        int last = 0;
        for (int b : bounds) {
            out.writeVInt(b - last);
            last = b;
        }
        return new BytesRef(bytes, 0, out.getPosition());
    }

    /** The boundaries {@link #encode} wrote. */
    public static int[] decode(BytesRef bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int[] bounds = new int[Math.max(1, bytes.length)];
        int n = 0;
        int last = 0;
        while (!in.eof()) {
            last += in.readVInt();
            bounds[n++] = last;
        }
        return Arrays.copyOf(bounds, n);
    }
}
