package vn.archive.meta;

import java.text.Normalizer;

/**
 * Letters without their marks, case and length kept ("Bạn Bí thư" → "Ban Bi thu", "Đ" → "D"), by a table built once
 * for the Latin letters up to U+1EFF (Vietnamese Extended), since a normalizer call per character cost more than the
 * rest of the reading of a header.
 */
final class Unmarked {
    private static final char LAST = '\u1EFF';
    private static final char[] BASE = new char[LAST + 1];

    static {
        for (char c = 0; c <= LAST; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            BASE[c] = Character.isLetter(c) && Character.isLetter(d.charAt(0)) ? d.charAt(0) : c;
        }
        BASE['đ'] = 'd';
        BASE['Đ'] = 'D';
    }

    private Unmarked() {
    }

    /** The letter without its marks; any other character as it is. */
    static char base(char c) {
        return c <= LAST ? BASE[c] : c;
    }

    /** The text with every letter's marks removed, case and length kept. */
    static String of(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = base(text.charAt(i));
        }
        return new String(out);
    }
}
