package vn.archive.ingest;

import vn.archive.model.DocumentMetadata;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One file on its way through the {@link IngestStage}s: what the earlier stages found, for the later ones. Each
 * stage fills its own fields; only the worker importing the file touches it.
 */
final class InFlight {
    final SourceFile file;
    /** Notes the container gives the file (links to its envelope or attachments), after the stages' own. */
    final List<String> extraNotes;
    /** Text and overlay of a message's parts, or Tika's (the default). */
    final Intake intake;
    /** Whether the run continues an interrupted one (a duplicate of its own first path is then this import). */
    final boolean resuming;
    final long start = System.nanoTime();

    String sha;
    Extraction extraction;
    String text;
    int pages;
    final List<String> notes = new ArrayList<>();
    OcrEngine.Result recognized;
    boolean fromOcr;
    Double confidence;
    DocumentMetadata metadata;
    String id;

    InFlight(SourceFile file, List<String> extraNotes, Intake intake, boolean resuming) {
        this.file = Objects.requireNonNull(file, "file");
        this.extraNotes = List.copyOf(extraNotes);
        this.intake = Objects.requireNonNull(intake, "intake");
        this.resuming = resuming;
    }

    /**
     * How a file's text and metadata are read: by Tika and the extractor (the default), or with the text given and
     * the extracted metadata overlaid (a message's attachments and envelope).
     *
     * @param extraction the text to use instead of Tika's, or null
     * @param overlay    applied to the extracted metadata before archivists' corrections
     */
    record Intake(Extraction extraction, UnaryOperator<DocumentMetadata> overlay) {
        static final Intake TIKA = new Intake(null, m -> m);
    }

    /** The file imported as {@link #id}. */
    IngestOutcome imported() {
        return new IngestOutcome(file.path(), IngestStatus.IMPORTED, null, id, sha, pages, confidence, millis());
    }

    /** The file stopped at a stage. */
    IngestOutcome stopped(StageStop stop) {
        return new IngestOutcome(file.path(), stop.status, stop.getMessage(), stop.documentId, sha, stop.pages, null,
                millis(), stop.kind);
    }

    /** The file failed outside the stages' own stops (Tika, OCR timeout, an unexpected error). */
    IngestOutcome failed(FailureKind kind, String reason) {
        return stopped(StageStop.failed(kind, reason, 0));
    }

    private long millis() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
