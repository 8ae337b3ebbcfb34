package vn.archive.search;

import java.time.LocalDate;

/**
 * One result, in the shape of the JSON API's hit. The snippet is HTML-escaped text with {@code <mark>} tags. A hit
 * is a directive: {@code renditions} says how many renditions of it the archive holds (the badge "2 bản").
 */
public record SearchHit(String id, String kind, String number, LocalDate date, String issuer, String place,
                        String title, String snippet, String url, int renditions) {
    /** A hit of a directive held in one rendition. */
    public SearchHit(String id, String kind, String number, LocalDate date, String issuer, String place,
                     String title, String snippet, String url) {
        this(id, kind, number, date, issuer, place, title, snippet, url, 1);
    }
}
