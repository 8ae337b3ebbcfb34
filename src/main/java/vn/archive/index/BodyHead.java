package vn.archive.index;

import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * How far into a body snippets look for passages: the body up to the last sentence boundary at or before
 * {@link #MAX_CHARS}. A long law keeps this opening as doc values ({@link Fields#BODY_HEAD_UTF16}), so a page of
 * hits reads and scans a few KB a hit instead of decompressing and scanning 100–300 KB. The cut falls where the
 * highlighter's own sentence iterator breaks, so a passage that ends before it is the same passage, with the same
 * words marked, as in the whole body.
 */
public final class BodyHead {
    /** The bound, in chars (the body's opening that passages are sought in). */
    public static final int MAX_CHARS = 10_000;
    /** Text past the bound that the sentence iterator sees, so that it places the boundary as it would in the body. */
    private static final int LOOKAHEAD = 400;

    private BodyHead() {
    }

    /** True when the body is longer than the bound, so its head differs from it and is stored on its own. */
    public static boolean cut(String body) {
        return body.length() > MAX_CHARS;
    }

    /**
     * The body up to its last sentence boundary at or before {@link #MAX_CHARS} (as the highlighter's
     * {@code BreakIterator.getSentenceInstance(Locale.ROOT)} finds it); the body itself when no longer than the bound;
     * the first {@link #MAX_CHARS} chars when no sentence ends before the bound.
     */
    public static String of(String body) {
        if (!cut(body)) {
            return body;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(body.substring(0, Math.min(body.length(), MAX_CHARS + LOOKAHEAD)));
        int end = sentences.preceding(MAX_CHARS + 1);
        if (end <= 0) {
            end = Character.isHighSurrogate(body.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        }
        return body.substring(0, end);
    }

    /** The head as doc values bytes ({@link Fields#BODY_HEAD_UTF16}): its UTF-16 code units, little-endian. */
    public static BytesRef utf16(String head) {
        // the chars as they are (an encoder would replace a lone surrogate)
        ByteBuffer bytes = ByteBuffer.allocate(2 * head.length()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asCharBuffer().put(head);
        return new BytesRef(bytes.array());
    }

    /** The head {@link #utf16} wrote: its chars copied in bulk, not decoded one by one. */
    public static String ofUtf16(BytesRef bytes) {
        char[] chars = new char[bytes.length / 2];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(chars);
        return new String(chars);
    }
}
