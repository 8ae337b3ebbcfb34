package vn.archive.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds text written in a pre-Unicode Vietnamese encoding and converts it. Detection is confident or silent: a
 * text is converted only when it has (almost) no letters that only Unicode can hold (ơ, ư, đ, ạ…), and when one
 * encoding turns at least {@value #MIN_WORDS} of its accented words into real Vietnamese syllables, at least
 * {@value #MIN_VALID_PERCENT}% of them, while they were not syllables before. Anything less leaves the text as it is.
 */
public final class LegacyText {
    /** Fewest converted words that make a decision. */
    static final int MIN_WORDS = 8;
    /** Share of converted words that must be well-formed syllables. */
    static final int MIN_VALID_PERCENT = 90;
    /** Above this share of Unicode-only letters among non-ASCII letters, a text is Unicode. */
    private static final double UNICODE_SHARE = 0.05;

    /** A converted text and the encoding it was in. */
    public record Conversion(LegacyEncoding encoding, String text, int words, double validShare) {
        /** The per-document note, in Vietnamese: "Đã chuyển mã TCVN3 → Unicode". */
        public String note() {
            return "Đã chuyển mã " + encoding.displayName() + " → Unicode";
        }
    }

    private LegacyText() {
    }

    /**
     * Converts extracted text when it is confidently in a legacy encoding.
     *
     * @param extracted the text as the extractor produced it, before any cleaning (soft hyphens matter: TCVN3
     *                  writes ư as 0xAD)
     * @param rawPlain  the file's bytes when it is a plain-text file, else null: they are decoded directly, whatever
     *                  charset the extractor guessed
     */
    public static Optional<Conversion> detect(String extracted, byte[] rawPlain) {
        if (extracted == null || isUnicode(extracted)) {
            return Optional.empty();
        }
        String byteText;
        if (rawPlain != null && !hasMultiByteUtf8(rawPlain) && !hasUtf16Bom(rawPlain)) {
            byteText = LegacyEncoding.byteText(rawPlain);
        } else {
            byteText = LegacyEncoding.byteText(extracted);
        }
        int[] before = score(LegacyEncoding.byteText(byteText), true);
        Conversion best = null;
        int bestValid = -1;
        int secondValid = -1;
        for (LegacyEncoding e : LegacyEncoding.values()) {
            String converted = convertLines(e, byteText);
            int[] s = score(converted, false);
            if (s[1] > bestValid) {
                secondValid = bestValid;
                bestValid = s[1];
                best = new Conversion(e, converted, s[0], s[0] == 0 ? 0 : (double) s[1] / s[0]);
            } else if (s[1] > secondValid) {
                secondValid = s[1];
            }
        }
        if (best == null || best.words() < MIN_WORDS || best.validShare() * 100 < MIN_VALID_PERCENT
                || bestValid == secondValid) {
            return Optional.empty();
        }
        double beforeShare = before[0] == 0 ? 0 : (double) before[1] / before[0];
        if (beforeShare > 0.5) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Converts every line that has no Unicode-only letter; lines that do are already Unicode and stay. */
    static String convertLines(LegacyEncoding e, String byteText) {
        StringBuilder sb = new StringBuilder(byteText.length());
        int start = 0;
        while (start <= byteText.length()) {
            int end = byteText.indexOf('\n', start);
            if (end < 0) {
                end = byteText.length();
            }
            String line = byteText.substring(start, end);
            if (unicodeOnlyLetters(line) > 0) {
                sb.append(line);
            } else {
                String decoded = e.decode(line);
                sb.append(e == LegacyEncoding.TCVN3 ? VnTimeCapitals.restore(decoded) : decoded);
            }
            if (end < byteText.length()) {
                sb.append('\n');
            }
            start = end + 1;
        }
        return sb.toString();
    }

    /** Whether the text holds Unicode Vietnamese: letters no 8-bit Western code page has, in a fair share. */
    static boolean isUnicode(String text) {
        int only = unicodeOnlyLetters(text);
        int latin1 = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0xFF) {
                latin1++;
            }
        }
        return only > 0 && only >= UNICODE_SHARE * (only + latin1);
    }

    private static int unicodeOnlyLetters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isUnicodeOnly(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** ă, đ, ĩ, ũ, ơ, ư (either case), the precomposed toned letters, and combining tone marks. */
    private static boolean isUnicodeOnly(char c) {
        return c == '\u0102' || c == '\u0103' || c == '\u0110' || c == '\u0111' || c == '\u0128' || c == '\u0129'
                || c == '\u0168' || c == '\u0169' || c == '\u01A0' || c == '\u01A1' || c == '\u01AF' || c == '\u01B0'
                || (c >= '\u1EA0' && c <= '\u1EF9') || (c >= '\u0300' && c <= '\u0323');
    }

    /**
     * {words with a non-ASCII letter, those that are syllables}. In the "before" view every char from 0x80 up
     * counts as part of a word, as the legacy bytes would.
     */
    static int[] score(String text, boolean before) {
        int words = 0;
        int valid = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean nonAscii = false;
            while (i < text.length() && isWordChar(text.charAt(i), before)) {
                nonAscii |= text.charAt(i) >= 0x80;
                i++;
            }
            if (i > start) {
                if (nonAscii) {
                    words++;
                    if (VietnameseSyllables.isSyllable(text.substring(start, i))) {
                        valid++;
                    }
                }
            } else {
                i++;
            }
        }
        return new int[] {words, valid};
    }

    private static boolean isWordChar(char c, boolean before) {
        if (before && c >= 0x80) {
            return true;
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Whether the bytes hold non-ASCII characters and are valid UTF-8. */
    static boolean hasMultiByteUtf8(byte[] raw) {
        boolean multi = false;
        for (byte b : raw) {
            if (b < 0) {
                multi = true;
                break;
            }
        }
        if (!multi) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean hasUtf16Bom(byte[] raw) {
        return raw.length >= 2 && ((raw[0] == (byte) 0xFE && raw[1] == (byte) 0xFF)
                || (raw[0] == (byte) 0xFF && raw[1] == (byte) 0xFE));
    }
}
