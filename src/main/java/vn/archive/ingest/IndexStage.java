package vn.archive.ingest;

import vn.archive.index.ArchiveIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.IngestStatus;
import vn.archive.model.SourceInfo;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Index: the document with its notes, linked on both sides to the other renditions of its directive
 * ({@link NearDuplicates}), and before anything else the check that the same bytes are not archived already ({@link #duplicates()}). Reads
 * of documents written since the last commit go through {@link ArchiveIndex#latest}.
 */
final class IndexStage implements IngestStage {
    private static final String DUPLICATE = "Đã có trong kho (same content already archived)";
    /** A re-import of a withdrawn document's bytes: it stays withdrawn, and the report says so and how to undo. */
    private static final String WITHDRAWN = "Đã có trong kho nhưng đã bị rút, vẫn ẩn; khôi phục bằng: withdraw %s --undo"
            + " (already archived and withdrawn: it stays hidden)";

    private final ArchiveIndex index;
    private final ContentStore store;
    private final WaitingOcr waiting;
    private final Stripes docLocks = new Stripes();
    private NearDuplicates nearDuplicates;

    IndexStage(ArchiveIndex index, ContentStore store, WaitingOcr waiting) {
        this.index = Objects.requireNonNull(index, "index");
        this.store = Objects.requireNonNull(store, "store");
        this.waiting = Objects.requireNonNull(waiting, "waiting");
    }

    /** Dedupe: same bytes as an archived document end as its duplicate, with the extra path recorded on it once. */
    IngestStage duplicates() {
        return this::rejectDuplicate;
    }

    private void rejectDuplicate(InFlight f) throws IOException, StageStop {
        Optional<String> existing = index.idForSha256(f.sha);
        if (existing.isEmpty()) {
            return;
        }
        String id = existing.get();
        synchronized (docLocks.of(id)) {
            ArchivedDocument doc = index.latest(id).orElse(null);
            if (doc == null) {
                throw StageStop.with(IngestStatus.DUPLICATE, DUPLICATE, id, 0);
            }
            List<String> paths = doc.source().paths();
            if (f.resuming && !paths.isEmpty() && paths.get(0).equals(f.file.path())) {
                // Imported by the interrupted run of this same command, and committed before its journal said so.
                throw StageStop.with(IngestStatus.IMPORTED, null, id, 0);
            }
            if (!paths.contains(f.file.path())) {
                List<String> more = new ArrayList<>(paths);
                more.add(f.file.path());
                SourceInfo s = doc.source();
                index.upsert(new ArchivedDocument(doc.id(), doc.metadata(), new SourceInfo(s.filename(), s.sha256(),
                        s.mediaType(), s.ocr(), s.size(), more), doc.text(), doc.notes()));
            }
            throw StageStop.with(IngestStatus.DUPLICATE, doc.metadata().withdrawn() == null ? DUPLICATE
                    : String.format(Locale.ROOT, WITHDRAWN, id), id, 0);
        }
    }

    @Override
    public void apply(InFlight f) throws IOException {
        String id = ArchivedDocument.idFor(f.sha);
        List<String> notes = f.notes;
        if (f.confidence != null) {
            notes.add(0, String.format(Locale.ROOT, "OCR confidence %.1f", f.confidence));
        }
        notes.addAll(f.extraNotes);
        NearDuplicates near = nearDuplicates();
        Optional<String> groupKey = NearDuplicates.key(f.metadata);
        List<String> group = groupKey.isPresent() ? near.join(groupKey.get(), id)
                : near.joinByText(id, f.text, NearDuplicates.issuer(f.metadata));
        group.forEach(other -> notes.add(ArchivedDocument.sameDirectiveNote(other)));
        SourceInfo source = new SourceInfo(f.file.fileName(), f.sha, f.extraction.mediaType(), f.fromOcr,
                f.file.bytes().length, List.of(f.file.path()));
        synchronized (docLocks.of(id)) {
            index.upsert(new ArchivedDocument(id, f.metadata, source, f.text, notes));
        }
        waiting.remove(f.sha);
        // Linked on both sides, after this document is in the index: of two renditions imported at once, the one
        // indexed last sees the other (in its group by now, or indexed, with its text), whichever joined first.
        List<String> linked = new ArrayList<>(group);
        if (groupKey.isEmpty()) {
            near.textMatches(id).stream().filter(o -> !linked.contains(o)).forEach(linked::add);
        } else {
            near.members(groupKey.get(), id).stream().filter(o -> !linked.contains(o)).forEach(linked::add);
            for (String other : near.candidates(groupKey.get(), id)) {
                Optional<ArchivedDocument> o = index.latest(other);
                if (!linked.contains(other) && o.isPresent() && NearDuplicates.similar(f.text, o.get().text())) {
                    linked.add(other);
                }
            }
        }
        for (String other : linked) {
            if (index.latest(other).isPresent()) {
                addNote(other, ArchivedDocument.sameDirectiveNote(id));
                addNote(id, ArchivedDocument.sameDirectiveNote(other));
            }
        }
        f.id = id;
    }

    private void addNote(String id, String note) throws IOException {
        synchronized (docLocks.of(id)) {
            ArchivedDocument doc = index.latest(id).orElse(null);
            if (doc != null && !doc.notes().contains(note)) {
                List<String> notes = new ArrayList<>(doc.notes());
                notes.add(note);
                index.upsert(new ArchivedDocument(doc.id(), doc.metadata(), doc.source(), doc.text(), notes));
            }
        }
    }

    private synchronized NearDuplicates nearDuplicates() throws IOException {
        if (nearDuplicates == null) {
            nearDuplicates = new NearDuplicates(store.dataDir().resolve("near-duplicates.tsv"));
        }
        return nearDuplicates;
    }
}
