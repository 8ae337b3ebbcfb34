package vn.archive.search;

import vn.archive.index.HeadSentences;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * The highlighter's sentence iterator over boundaries found at index time ({@link HeadSentences}): each passage's
 * bounds are a binary search instead of the JDK iterator's scan back and forth through the text around every match.
 * A text given without its boundaries, or with boundaries that do not end where it ends (not the head they were
 * found in), is handed to the iterator it wraps, which finds the same bounds more slowly. Stateful, as every
 * {@link BreakIterator}: one per highlighter.
 */
final class PreparedSentences extends BreakIterator {
    private final BreakIterator fallback;
    private int[] prepared;
    private int[] bounds;
    private int at;
    private CharacterIterator text;

    PreparedSentences(BreakIterator fallback) {
        this.fallback = fallback;
    }

    /** The boundaries of the next text set ({@code null}: none, the wrapped iterator finds them). */
    void prepare(int[] bounds) {
        this.prepared = bounds;
    }

    /** The text as the highlighter sets it (Lucene's {@code SplittingBreakIterator} takes only a String). */
    @Override
    public void setText(String newText) {
        if (use(newText.length())) {
            text = new StringCharacterIterator(newText);
        } else {
            fallback.setText(newText);
        }
    }

    @Override
    public void setText(CharacterIterator newText) {
        if (use(newText.getBeginIndex() == 0 ? newText.getEndIndex() : -1)) {
            text = newText;
        } else {
            fallback.setText(newText);
        }
    }

    /** Whether the prepared boundaries serve a text of this length (they end where it ends); they serve one text. */
    private boolean use(int length) {
        int[] b = prepared;
        prepared = null;
        bounds = b != null && b.length > 0 && b[0] == 0 && b[b.length - 1] == length ? b : null;
        at = 0;
        return bounds != null;
    }

    @Override
    public CharacterIterator getText() {
        return bounds == null ? fallback.getText() : text;
    }

    @Override
    public int first() {
        if (bounds == null) {
            return fallback.first();
        }
        at = 0;
        return bounds[at];
    }

    @Override
    public int last() {
        if (bounds == null) {
            return fallback.last();
        }
        at = bounds.length - 1;
        return bounds[at];
    }

    @Override
    public int current() {
        return bounds == null ? fallback.current() : bounds[at];
    }

    @Override
    public int next() {
        if (bounds == null) {
            return fallback.next();
        }
        if (at == bounds.length - 1) {
            return DONE;
        }
        return bounds[++at];
    }

    @Override
    public int next(int n) {
        if (bounds == null) {
            return fallback.next(n);
        }
        int to = at + n;
        if (to < 0 || to >= bounds.length) {
            at = to < 0 ? 0 : bounds.length - 1;
            return DONE;
        }
        at = to;
        return bounds[at];
    }

    @Override
    public int previous() {
        if (bounds == null) {
            return fallback.previous();
        }
        if (at == 0) {
            return DONE;
        }
        return bounds[--at];
    }

    @Override
    public int following(int offset) {
        if (bounds == null) {
            return fallback.following(offset);
        }
        int i = find(offset);
        // the first boundary after the offset
        at = i >= 0 ? i + 1 : -i - 1;
        if (at >= bounds.length) {
            at = bounds.length - 1;
            return DONE;
        }
        return bounds[at];
    }

    @Override
    public int preceding(int offset) {
        if (bounds == null) {
            return fallback.preceding(offset);
        }
        int i = find(offset);
        // the last boundary before the offset
        at = (i >= 0 ? i : -i - 1) - 1;
        if (at < 0) {
            at = 0;
            return DONE;
        }
        return bounds[at];
    }

    @Override
    public boolean isBoundary(int offset) {
        if (bounds == null) {
            return fallback.isBoundary(offset);
        }
        int i = find(offset);
        at = i >= 0 ? i : Math.min(-i - 1, bounds.length - 1);
        return i >= 0;
    }

    /** The offset's index among the boundaries, or {@code -(insertion point) - 1}, as a binary search answers. */
    private int find(int offset) {
        if (offset < 0 || offset > bounds[bounds.length - 1]) {
            throw new IllegalArgumentException("offset out of bounds: " + offset + ", expected 0–"
                    + bounds[bounds.length - 1]);
        }
        return Arrays.binarySearch(bounds, offset);
    }
}
