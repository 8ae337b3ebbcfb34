package vn.archive.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TCVN3 has no toned capitals: headings were typed in the .VnTimeH fonts, which draw the lowercase codes as
 * capitals, often with Caps Lock on for the plain letters ("CéNG HßA"). A word whose plain letters are all
 * capitals, more than its first one, is a capital word; so is a word with no lowercase plain letter next to
 * one. "Sè" (Số) and "ViÖt" stay as they are.
 */
final class VnTimeCapitals {
    private VnTimeCapitals() {
    }

    static String restore(String line) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int start = i;
            while (i < line.length() && (Character.isLetter(line.charAt(i)))) {
                i++;
            }
            if (i > start) {
                words.add(new int[] {start, i, 0});
            } else {
                i++;
            }
        }
        // 0 = leave, 1 = capital word, 2 = capital if a neighbour is
        for (int[] w : words) {
            w[2] = kind(line.substring(w[0], w[1]));
        }
        if (capitalsLine(line, words)) {
            // "UỶ BAN NHÂN DÂN", "QUYẾT ĐỊNH … VÀ …": on a line of capitals, "Uỷ", "Và", "Số" are capitals too
            for (int[] w : words) {
                if (w[2] == 2) {
                    w[2] = 1;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < words.size(); k++) {
                if (words.get(k)[2] == 2 && ((k > 0 && words.get(k - 1)[2] == 1)
                        || (k + 1 < words.size() && words.get(k + 1)[2] == 1))) {
                    words.get(k)[2] = 1;
                    changed = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder(line);
        for (int k = 0; k < words.size(); k++) {
            int[] w = words.get(k);
            if (w[2] == 1) {
                sb.replace(w[0], w[1], line.substring(w[0], w[1]).toUpperCase(Locale.ROOT));
            } else if (startsSentence(line, w[0]) && isToned(line.charAt(w[0]))) {
                // TCVN3 cannot write "Ủy" or "Ấp": a sentence that opens with a toned vowel lost its capital
                sb.setCharAt(w[0], Character.toUpperCase(line.charAt(w[0])));
            }
        }
        return sb.toString();
    }

    /**
     * Whether every word of two letters or more, apart from those that may be capitals (kind 2), has no
     * lower-case letter, and at least two such words stand free of digits, slashes and dashes: a heading, not a
     * number line ("Sè 374 - CV/HU", whose capitals are a symbol's).
     */
    private static boolean capitalsLine(String line, List<int[]> words) {
        int free = 0;
        for (int[] w : words) {
            String word = line.substring(w[0], w[1]);
            if (w[2] == 2 || word.length() < 2) {
                continue;
            }
            if (!word.equals(word.toUpperCase(Locale.ROOT))) {
                return false;
            }
            if (!touchesSymbol(line, w[0], w[1])) {
                free++;
            }
        }
        return free >= 2;
    }

    private static boolean touchesSymbol(String line, int start, int end) {
        return start > 0 && "/-0123456789".indexOf(line.charAt(start - 1)) >= 0
                || end < line.length() && "/-0123456789".indexOf(line.charAt(end)) >= 0;
    }

    /** At the start of the line (after a bullet or number) or after a full stop, question or exclamation mark. */
    private static boolean startsSentence(String line, int at) {
        int i = at - 1;
        while (i >= 0 && !Character.isLetter(line.charAt(i)) && ".!?".indexOf(line.charAt(i)) < 0) {
            i--;
        }
        return i < 0 || (".!?".indexOf(line.charAt(i)) >= 0 && at - i > 1);
    }

    /** A lowercase letter whose capital TCVN3 lacks (the toned vowels). */
    private static boolean isToned(char c) {
        return Character.isLowerCase(c) && c >= 0xC0 && "ăâêôơưđ".indexOf(c) < 0;
    }

    private static int kind(String word) {
        int upper = 0;
        int lower = 0;
        int accentedLower = 0;
        boolean upperAfterFirst = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
                upperAfterFirst |= i > 0;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            } else if (Character.isLowerCase(c)) {
                accentedLower++;
            }
        }
        if (accentedLower == 0) {
            return 0; // plain ASCII words say nothing about the font
        }
        if (lower > 0) {
            return 0;
        }
        return upper >= 2 || upperAfterFirst ? 1 : 2;
    }
}
