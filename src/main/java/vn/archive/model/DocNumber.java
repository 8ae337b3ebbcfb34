package vn.archive.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document number and symbol ("số và ký hiệu"), such as {@code 374-CV/HU} or {@code 30/2020/NĐ-CP}.
 *
 * <p>Officers write the same number many ways ("374/CV-HU", "374 CV HU", "cv 374 hu"). All of them have one
 * {@link #key()}: the serial number without leading zeros, the year when present, and the symbol parts folded to
 * ASCII upper case, in order. Equality of numbers is equality of keys.
 *
 * @param serial the serial number as written ("374", "01", "12a")
 * @param year   the year embedded in state numbers ("2020"), or null
 * @param parts  the symbol parts as written ("CV", "HU" or "NĐ", "CP")
 * @param dashed whether the serial is joined to the symbol by a dash, as Party numbers are ("374-CV/HU"),
 *               rather than by a slash, as State numbers are ("2739/VPCP-ĐMDN")
 * @param separators the separator written between each two symbol parts ('-' or '/'), so that a joint symbol
 *               prints as written ("01/QCPH/UBND-UBMTTQ"); null when not known (a dash between every two)
 */
public record DocNumber(String serial, String year, List<String> parts, boolean dashed, String separators) {
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}[a-zA-Z]?");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    /** A symbol part: letters (Vietnamese included) optionally followed by digits, e.g. UBTVQH15, QH13. */
    private static final Pattern PART = Pattern.compile("[\\p{L}][\\p{L}\\p{Nd}]*|\\d+[\\p{L}]+[\\p{L}\\p{Nd}]*");
    /** A lower-case word glued to the end of a symbol by a lost space: "70-TB/TWngày", "QĐ-TTgvề". */
    private static final String GLUED_WORD = "(?:ngày|năm|của|về|và|tại|do|theo)(?![\\p{L}\\p{Nd}])";
    /**
     * One symbol part: a capital, then letters and digits up to a glued lower-case word, if any; an ampersand between
     * capitals belongs to it ("473/TTr-NN&PTNT", the department of agriculture and rural development).
     */
    private static final String SYMBOL_PART = "\\p{Lu}(?:(?!" + GLUED_WORD + ")[\\p{L}\\p{Nd}]|(?<=\\p{Lu})&(?=\\p{Lu}))*";
    /**
     * A dash lost between serial and symbol after the word "số": "Quyết định số 84 QĐ/TWĐTN". Only there, and only
     * before a symbol whose first part is followed by a slash, so that "Điều 5 Luật …" or "năm 2013 UBND" stay apart.
     */
    private static final String LOST_DASH =
            "(?<=(?<![\\p{L}])(?:số|Số|SỐ)[ \\t]{1,3}\\d{1,5})[ \\t]+(?=\\p{Lu}[\\p{L}\\p{Nd}]*[ \\t]*/)";
    /**
     * A full stop between two symbol parts, as older provincial numbers have it ("01/1999/QĐ.UB"): only before a
     * part in capitals, so that a sentence that starts right after a number ("15/CT-UBND.Trong") stays apart.
     */
    private static final String DOT = "\\.(?=\\p{Lu}[\\p{Lu}\\p{Nd}]*(?![\\p{L}\\p{Nd}]))";
    /**
     * The written form in running text: serial, optional year, then symbol parts joined by - or /. A "số" glued to
     * the serial ("số31-QĐ/TW") and a word glued after the symbol ("70-TB/TWngày") are not part of the number.
     */
    public static final Pattern WRITTEN = Pattern.compile(
            "(?:(?<![\\p{L}\\p{Nd}/])|(?<=[sS][ốỐ]))(\\d{1,5}[a-z]?)(?:\\s*[-/\u2010-\u2015\u2212]\\s*|" + LOST_DASH + ")(?:((?:19|20)\\d{2})\\s*/\\s*)?"
                    + "(" + SYMBOL_PART + "(?:(?:\\s*[-/\u2010-\u2015\u2212]\\s*|" + DOT + ")" + SYMBOL_PART + ")*)"
                    + "(?=" + GLUED_WORD + "|(?![\\p{L}\\p{Nd}]))");
    private static final Pattern PART_SEPARATOR = Pattern.compile("\\s*[-/\u2010-\u2015\u2212]\\s*|" + DOT);
    /** Separators between the pieces of a number: dash (and its typographic look-alikes), slash, space. */
    private static final String SEPARATORS = "[\\s/\\-.:\u2010-\u2015\u2212]+";

    public DocNumber {
        parts = List.copyOf(parts);
        if (separators != null && separators.length() != Math.max(0, parts.size() - 1)) {
            separators = null;
        }
    }

    /** A number whose separators between symbol parts are not known. */
    public DocNumber(String serial, String year, List<String> parts, boolean dashed) {
        this(serial, year, parts, dashed, null);
    }

    /** Finds the first written number in the text, as printed in headers and citations. */
    public static Optional<DocNumber> find(String text) {
        Matcher m = WRITTEN.matcher(text);
        return m.find() ? Optional.of(fromMatch(m)) : Optional.empty();
    }

    /** Builds a number from a match of {@link #WRITTEN}. */
    public static DocNumber fromMatch(Matcher m) {
        List<String> parts = new ArrayList<>();
        StringBuilder separators = new StringBuilder();
        Matcher sep = PART_SEPARATOR.matcher(m.group(3));
        int from = 0;
        while (sep.find()) {
            parts.add(m.group(3).substring(from, sep.start()).trim());
            separators.append(sep.group().strip().equals("/") ? '/' : '-');
            from = sep.end();
        }
        parts.add(m.group(3).substring(from).trim());
        boolean dashed = m.group(2) == null && m.group().substring(m.end(1) - m.start()).stripLeading().charAt(0) != '/';
        return new DocNumber(m.group(1), m.group(2), parts, dashed, separators.toString());
    }

    /**
     * Parses a number written in any common spelling, or a loose query such as "cv 374 hu" or "NQ 25 TW".
     * The serial is the first number; a four-digit number after it that looks like a year is the year; every
     * other token is a symbol part, in order. Returns empty when there is no serial or no symbol part.
     */
    public static Optional<DocNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // the same few thousand numbers are parsed again and again (each citation of a node, each tree, each page)
        return PARSED.get(text);
    }

    /** Numbers parsed so far, by text as given, the first 50,000 (about 200 bytes each). */
    private static final FirstAnswers<String, Optional<DocNumber>> PARSED =
            new FirstAnswers<>(50_000, DocNumber::parseNew);

    private static Optional<DocNumber> parseNew(String text) {
        Matcher written = WRITTEN.matcher(text.strip());
        if (written.matches()) {
            return Optional.of(fromMatch(written));
        }
        String serial = null;
        String year = null;
        List<String> parts = new ArrayList<>();
        for (String token : text.strip().split(SEPARATORS)) {
            if (token.isEmpty()) {
                continue;
            }
            if (serial == null && SERIAL.matcher(token).matches()) {
                serial = token;
            } else if (serial != null && year == null && parts.isEmpty() && YEAR.matcher(token).matches()) {
                year = token;
            } else if (PART.matcher(token).matches()) {
                parts.add(token);
            } else {
                return Optional.empty();
            }
        }
        if (serial == null || parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DocNumber(serial, year, parts, false));
    }

    /** The canonical key: "374/CV-HU", "30/2020/ND-CP". Spelling-insensitive; used for identity and lookup. */
    public String key() {
        return key(serial, year, parts);
    }

    /**
     * The key of a number known only in part: a serial, an optional year and some symbol parts, such as "25/NQ"
     * for "Nghị quyết 25" or "30/2020/ND" for "Nghị định 30/2020".
     */
    public static String key(String serial, String year, List<String> parts) {
        StringBuilder sb = new StringBuilder(stripZeros(serial).toUpperCase(Locale.ROOT));
        if (year != null) {
            sb.append('/').append(year);
        }
        sb.append('/');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(fold(parts.get(i)));
        }
        return sb.toString();
    }

    /**
     * Display form. Party numbers (no year, first part a kind code such as CV, NQ) print as "374-CV/HU";
     * state numbers print as "30/2020/NĐ-CP" or "2739/VPCP-ĐMDN".
     */
    public String format() {
        if (year != null) {
            return serial + "/" + year + "/" + joined(0);
        }
        if (dashed) {
            String rest = joined(1);
            return serial + "-" + parts.get(0) + (rest.isEmpty() ? "" : "/" + rest);
        }
        return serial + "/" + joined(0);
    }

    /** The symbol parts from this one on, joined as written ("QCPH/UBND-UBMTTQ"), else by dashes. */
    private String joined(int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < parts.size(); i++) {
            if (i > from) {
                sb.append(separators == null ? '-' : separators.charAt(i - 1));
            }
            sb.append(parts.get(i));
        }
        return sb.toString();
    }

    /** Two numbers are equal when their keys are: spelling and separators do not matter. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DocNumber other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    /** Combining marks left by NFD; compiled once, as fold runs for every name compared. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Folds a symbol part to ASCII upper case: "NĐ" → "ND", "ThU" → "THU"; the eth some fonts print for Đ too. */
    public static String fold(String part) {
        if (ascii(part)) {
            return part.toUpperCase(Locale.ROOT); // no mark and no đ: most symbol parts (UBND, TU, KH)
        }
        return FOLDED.get(part);
    }

    /**
     * Symbol parts with marks already folded (QĐ, BCĐ…: a few hundred in any archive; a tree folds the parts of
     * every number it meets, and a Unicode decomposition each time was an eighth of a cold tree's time).
     */
    private static final FirstAnswers<String, String> FOLDED = new FirstAnswers<>(10_000, DocNumber::foldMarks);

    /** Whether every character is ASCII (a loop: a stream here cost a cold tree more than the check itself). */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String foldMarks(String part) {
        String d = part.replace('đ', 'd').replace('Đ', 'D').replace('\u00D0', 'D').replace('\u00F0', 'd');
        d = MARKS.matcher(Normalizer.normalize(d, Normalizer.Form.NFD)).replaceAll("");
        return d.toUpperCase(Locale.ROOT);
    }
}
