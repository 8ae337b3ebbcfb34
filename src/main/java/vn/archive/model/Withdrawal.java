package vn.archive.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An archivist's withdrawal of a document: hidden from every reader and every count, kept on disk, reversible.
 *
 * @param reason why it was withdrawn (a five-byte test file, a licence text, a wrong upload…)
 * @param who    the archivist who withdrew it
 * @param at     when
 */
public record Withdrawal(String reason, String who, Instant at) {
    public Withdrawal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(at, "at");
    }
}
