package vn.archive.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opening of a document's body, for a result's snippet when no passage matched the query: the first line of
 * running text after the header block (bodies, national motto, number, place and date, subject, "Kính gửi"), with
 * Markdown's emphasis and escapes taken out. A pure function of the text.
 */
public final class Lead {
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|\\\\(?=[*_#\\-.])|^#{1,6}\\s+", Pattern.MULTILINE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?iuU)^(?:số\\b|kính gửi|v/v\\b|nơi nhận|cộng hòa|cộng hoà|độc lập|đảng cộng sản)|độc lập\\s*-\\s*tự do"
                    + "|^[\\p{L} .]+, ngày \\d{1,2} tháng \\d{1,2} năm \\d{4}");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_WORDS = 8;
    /** Three or more words in capitals in a row (numbers and symbols among them). */
    private static final Pattern CAPITALS_RUN = Pattern.compile(
            "(?:(?<!\\p{L})\\p{Lu}[\\p{Lu}\\d/.,:-]*\\s+){2,}\\p{Lu}[\\p{Lu}\\d/.,:-]*(?!\\p{L})");

    private Lead() {
    }

    /** The text without Markdown's {@code **}, {@code __}, heading marks and backslash escapes. */
    public static String unmarked(String text) {
        if (text == null || !mayBeMarked(text)) {
            // most passages carry no markup: a scan for the four characters it needs beats the pattern, which tries
            // its four alternatives at every character (a page of snippets on long laws spent a tenth of its time here)
            return text;
        }
        return MARKUP.matcher(text).replaceAll("");
    }

    /**
     * Whether {@link #MARKUP} can match: a doubled {@code *} or {@code _}, a backslash, or a {@code #} opening a line
     * (a snippet's HTML escapes, such as {@code &#x2F;} for every slash of a number, hold a {@code #} that is no
     * heading mark).
     */
    private static boolean mayBeMarked(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || (c == '*' || c == '_') && i + 1 < text.length() && text.charAt(i + 1) == c
                    || c == '#' && (i == 0 || lineEnds(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The line terminators after which {@link #MARKUP}'s {@code ^} matches (multiline, not Unix lines only). */
    private static boolean lineEnds(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The body from its first line of running text on, without markup, spaces collapsed, at most {@code maxChars}
     * characters (then ending with " …"); the whole text when no such line is found.
     */
    public static String of(String body, int maxChars) {
        if (body == null) {
            return "";
        }
        String text = unmarked(body);
        String[] lines = text.split("\\R");
        int start = 0;
        int offset = 0;
        for (String line : lines) {
            int within = bodyWithin(line);
            if (within >= 0) {
                start = offset + within;
                break;
            }
            offset += line.length() + 1;
        }
        if (offset >= text.length()) {
            start = 0;
        }
        String s = text.substring(Math.min(start, text.length())).strip().replaceAll("\\s+", " ");
        return s.length() > maxChars ? s.substring(0, maxChars) + " …" : s;
    }

    /**
     * Where running text starts in a line: after the last run of words in capitals when the header and the body
     * share a line (text extracted from a PDF: "… Hà Nội, ngày 29 tháng 6 năm 2001 LUẬT DI SẢN VĂN HOÁ Di sản văn hoá
     * Việt Nam là …"), else 0; -1 when the line holds none.
     */
    static int bodyWithin(String line) {
        int from = -1;
        Matcher caps = CAPITALS_RUN.matcher(line);
        while (caps.find()) {
            if (runningText(line.substring(caps.end()).strip())) {
                from = caps.end();
            }
        }
        if (from >= 0) {
            return from;
        }
        return runningText(line.strip()) ? 0 : -1;
    }

    /** A line of the body: several words, not in capitals, not a header formula. */
    static boolean runningText(String line) {
        if (line.isEmpty() || HEADER_LINE.matcher(line).find() || line.startsWith("-") && line.length() < 60) {
            return false;
        }
        long words = WORD.matcher(line).results().count();
        long letters = line.codePoints().filter(Character::isLetter).count();
        long upper = line.codePoints().filter(Character::isUpperCase).count();
        return words >= MIN_WORDS && upper * 2 < letters;
    }
}
