package vn.archive.search;

import java.time.LocalDate;

/** One result, in the shape of the JSON API's hit. The snippet is HTML-escaped text with {@code <mark>} tags. */
public record SearchHit(String id, String kind, String number, LocalDate date, String issuer, String place,
                        String title, String snippet, String url) {
}
