package vn.archive.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A citation of another document found in a text, before its relation is known: its kind, number, date and issuer
 * as written, and where it sits ({@code start} to {@code end}, the kind word to the issuer). Found by
 * {@link NumberedCitations} and {@link NamedCitations}; {@link ReferenceExtractor} gives each its relation.
 */
record Citation(String kind, String number, LocalDate date, String issuer, int start, int end) {
    /** A written date: "ngày 23 tháng 6 năm 2014", "ngày 03/3/2020"; groups day, month, year. */
    static final String DATE_WORDS =
            "ngày\\s*(\\d{1,2})\\s*(?:/|-|\\.|tháng)\\s*(\\d{1,2})\\s*(?:/|-|\\.|năm)\\s*(\\d{4})";

    /** What may sit between two citations of one list. */
    static final Pattern LIST_SEPARATOR = Pattern.compile("(?iu)^[\\s;,]*(?:và|cùng|hoặc)?[\\s;,]*$");

    static boolean overlaps(List<Citation> found, int start, int end) {
        for (Citation f : found) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }

    static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
