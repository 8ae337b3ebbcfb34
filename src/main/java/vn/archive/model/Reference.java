package vn.archive.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One mention of another document inside a document's text.
 *
 * @param kind     kind of the cited document when stated ("Nghị quyết"), else null
 * @param number   the cited number as written, normalized ("25-NQ/TW"), else null
 * @param date     the cited document's date when stated
 * @param issuer   the cited issuer when stated
 * @param relation relation inferred from cue words
 * @param text     the span of text that makes the mention
 * @param start    offset of the span in the citing document's text
 * @param end      end offset (exclusive)
 */
public record Reference(String kind, String number, LocalDate date, String issuer, Relation relation,
                        String text, int start, int end) {
    public Reference {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(text, "text");
    }
}
