package vn.archive.curation;

import java.time.Instant;
import java.util.Objects;

/**
 * One archivist's correction of one field, as audited.
 *
 * @param documentId the document's id
 * @param field      the field's API name ("issuer", "signer.name", "deadlines"…)
 * @param oldValue   the value before the correction, as text (null when there was none)
 * @param newValue   the corrected value, as text (null or empty clears the field)
 * @param who        the corrector's name
 * @param at         when the correction was made
 */
public record Correction(String documentId, String field, String oldValue, String newValue, String who, Instant at) {
    public Correction {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(at, "at");
    }
}
