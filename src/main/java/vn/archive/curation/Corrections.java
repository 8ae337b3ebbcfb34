package vn.archive.curation;

import vn.archive.index.ArchiveIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Withdrawal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies and records corrections. Extracted values stay as the extractor made them; on every import and every
 * correction, the document's corrections are replayed on top of them, oldest first, so the last one wins.
 */
public final class Corrections {
    /** The trail's field name of a withdrawal: the new value is the reason, none (null) brings the document back. */
    public static final String WITHDRAWN = "withdrawn";

    private final CorrectionStore store;
    private final ArchiveIndex index;
    private final Clock clock;

    public Corrections(CorrectionStore store, ArchiveIndex index, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The metadata with this document's corrections replayed on it (the import hook). */
    public DocumentMetadata apply(String documentId, DocumentMetadata extracted) {
        try {
            return replay(extracted, store.forDocument(documentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays corrections, oldest first; a withdrawal ({@link #WITHDRAWN}) is one of them, its undo another. */
    public static DocumentMetadata replay(DocumentMetadata m, List<Correction> corrections) {
        DocumentMetadata out = m;
        for (Correction c : corrections) {
            out = WITHDRAWN.equals(c.field())
                    ? out.toBuilder().withdrawn(c.newValue() == null ? null : new Withdrawal(c.newValue(), c.who(), c.at())).build()
                    : CorrectableField.of(c.field()).apply(out, c.newValue());
        }
        return out;
    }

    /**
     * Withdraws a document, or with a null reason brings it back: recorded in the trail as a correction of the field
     * {@link #WITHDRAWN} (new value: the reason), so it is replayed on every re-import and re-index like the others.
     *
     * @return the audited correction, or empty when the document is not in the archive
     * @throws IllegalArgumentException without a reason or a name, or when the document is already in that state
     */
    public Optional<Correction> withdraw(String documentId, String reason, String who) throws IOException {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("Cần ghi tên người rút văn bản (who is required)");
        }
        String why = reason == null ? null : reason.strip();
        Optional<ArchivedDocument> doc = index.get(documentId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        ArchivedDocument d = doc.get();
        Withdrawal before = d.metadata().withdrawn();
        if (reason != null && why.isEmpty()) {
            throw new IllegalArgumentException("Cần ghi lý do rút văn bản (a reason is required)");
        }
        if (why != null && before != null) {
            throw new IllegalArgumentException("Văn bản [" + documentId + "] đã rút rồi (already withdrawn)");
        }
        if (why == null && before == null) {
            throw new IllegalArgumentException("Văn bản [" + documentId + "] chưa bị rút (not withdrawn)");
        }
        Correction c = new Correction(documentId, WITHDRAWN, before == null ? null : before.reason(), why, who.strip(),
                clock.instant());
        store.append(c);
        index.upsert(new ArchivedDocument(d.id(), replay(d.metadata(), List.of(c)), d.source(), d.text(), d.notes()));
        index.commit();
        return Optional.of(c);
    }

    /** The document when it is withdrawn (whatever its clearance: the caller checks it); empty otherwise. */
    public Optional<ArchivedDocument> withdrawnDocument(String documentId) throws IOException {
        return index.get(documentId).filter(d -> d.metadata().withdrawn() != null);
    }

    /**
     * Every document withdrawn now (whatever its clearance: the caller filters), the latest withdrawal first: those
     * whose trail withdrew them, still withdrawn in the index.
     */
    public List<ArchivedDocument> withdrawnDocuments() throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        for (Correction c : store.all()) {
            if (c.field().equals(WITHDRAWN)) {
                ids.add(c.documentId());
            }
        }
        List<ArchivedDocument> out = new ArrayList<>();
        for (String id : ids) {
            withdrawnDocument(id).ifPresent(out::add);
        }
        out.sort(Comparator.comparing((ArchivedDocument d) -> d.metadata().withdrawn().at()).reversed());
        return out;
    }

    /**
     * Records a correction of a document and re-indexes it at once.
     *
     * @return the audited correction, or empty when the document is not in the archive
     * @throws IllegalArgumentException when the field, the value or the corrector's name is not acceptable
     */
    public Optional<Correction> correct(String documentId, String field, String value, String who) throws IOException {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("Cần ghi tên người hiệu đính (who is required)");
        }
        CorrectableField f = CorrectableField.of(field);
        String stored = f.validate(value);
        Optional<ArchivedDocument> doc = index.get(documentId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        ArchivedDocument d = doc.get();
        Correction c = new Correction(documentId, f.apiName(), f.read(d.metadata()), stored, who.strip(), clock.instant());
        store.append(c);
        index.upsert(new ArchivedDocument(d.id(), f.apply(d.metadata(), stored), d.source(), d.text(), d.notes()));
        index.commit();
        return Optional.of(c);
    }

    /**
     * Brings the index up to the trail after a crash: a correction is appended to the trail (durably) before the
     * index commits it, so a kill between the two leaves the trail ahead. Every document the trail names is compared
     * with its corrections replayed, and re-indexed when they differ.
     *
     * @return how many documents were brought up to date
     */
    public int recover() throws IOException {
        Map<String, List<Correction>> byDocument = new LinkedHashMap<>();
        for (Correction c : store.all()) {
            byDocument.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c);
        }
        int updated = 0;
        for (var e : byDocument.entrySet()) {
            Optional<ArchivedDocument> doc = index.get(e.getKey());
            if (doc.isEmpty()) {
                continue; // corrected, then removed from the archive: the trail keeps the history
            }
            ArchivedDocument d = doc.get();
            DocumentMetadata replayed = replay(d.metadata(), e.getValue());
            if (!replayed.equals(d.metadata())) {
                index.upsert(new ArchivedDocument(d.id(), replayed, d.source(), d.text(), d.notes()));
                updated++;
            }
        }
        if (updated > 0) {
            index.commit();
        }
        return updated;
    }

    /** The audit trail of one document, oldest first. */
    public List<Correction> history(String documentId) throws IOException {
        return store.forDocument(documentId);
    }
}
