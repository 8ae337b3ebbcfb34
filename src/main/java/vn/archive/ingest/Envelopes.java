package vn.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.storage.ContentStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits containers before the stages: an e-mail's or an edXML/eDoc message's attachments are imported first, each
 * linked to its envelope, then the envelope linked to them. Any other file goes through the stages alone.
 */
final class Envelopes {
    private static final Logger LOG = LoggerFactory.getLogger(Envelopes.class);

    /** Imports one file through the stages (never throws). */
    interface Stages {
        IngestOutcome importOne(SourceFile file, IngestRun run, List<String> notes, InFlight.Intake intake);
    }

    private final Stages stages;
    private final ExtractStage extract;
    private final JournalStage journal;
    private final IngestProgress progress;

    Envelopes(Stages stages, ExtractStage extract, JournalStage journal, IngestProgress progress) {
        this.stages = Objects.requireNonNull(stages, "stages");
        this.extract = Objects.requireNonNull(extract, "extract");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Whether this file holds others, so that a retry of one of them must open it. */
    static boolean isContainer(SourceFile file) {
        return MailSplitter.isMail(file) || EdxmlMessage.isMessage(file);
    }

    /** One file from the scanner, with the outcomes of all it holds. */
    void process(SourceFile file, IngestRun run) {
        if (EdxmlMessage.isMessage(file)) {
            processMessage(file, run);
            return;
        }
        if (!MailSplitter.isMail(file)) {
            journal.finish(stages.importOne(file, run, List.of(), InFlight.Intake.TIKA), run);
            return;
        }
        String envelopeId = ArchivedDocument.idFor(ContentStore.sha256(file.bytes()));
        List<String> attachmentIds = new ArrayList<>();
        List<SourceFile> attachments;
        try {
            attachments = extract.attachments(file);
        } catch (TikaExtractor.ExtractionException e) {
            attachments = List.of();
            LOG.info("No attachments read from {}: {}", file.path(), e.getMessage());
        }
        progress.addExpected(attachments.size());
        for (SourceFile a : attachments) {
            if (run.options.accepts(a.path())) {
                IngestOutcome o = stages.importOne(a, run,
                        List.of(new DocumentLink(DocumentLink.Kind.ENVELOPE, envelopeId).note()), InFlight.Intake.TIKA);
                if (o.documentId() != null) {
                    attachmentIds.add(o.documentId());
                }
                journal.finish(o, run);
            }
        }
        if (run.options.accepts(file.path())) {
            List<String> notes = attachmentIds.stream()
                    .map(id -> new DocumentLink(DocumentLink.Kind.ATTACHMENT, id).note()).toList();
            journal.finish(stages.importOne(file, run, notes, InFlight.Intake.TIKA), run);
        }
    }

    /**
     * An edXML or eDoc message: each attachment becomes a document with the message's fields over its extracted
     * metadata, linked to the envelope like an e-mail's; the envelope is indexed with its header as its text.
     */
    private void processMessage(SourceFile file, IngestRun run) {
        EdxmlMessage message;
        try {
            message = EdxmlMessage.parse(file.bytes());
        } catch (EdxmlMessage.InvalidMessage e) {
            journal.finish(Scanner.failed(file.path(), FailureKind.UNPARSABLE, e.getMessage()), run);
            return;
        }
        String envelopeId = ArchivedDocument.idFor(ContentStore.sha256(file.bytes()));
        progress.addExpected(message.attachments().size());
        List<String> attachmentIds = new ArrayList<>();
        for (EdxmlMessage.Attachment a : message.attachments()) {
            SourceFile part = new SourceFile(file.path() + "!" + a.name(), a.name(), a.bytes());
            if (run.options.accepts(part.path())) {
                List<String> notes = new ArrayList<>(message.notes());
                notes.add("Tệp đính kèm của thông điệp " + message.variant() + ": " + envelopeId);
                IngestOutcome o = stages.importOne(part, run, notes, new InFlight.Intake(null, message::over));
                if (o.documentId() != null) {
                    attachmentIds.add(o.documentId());
                }
                journal.finish(o, run);
            }
        }
        if (run.options.accepts(file.path())) {
            List<String> notes = new ArrayList<>(message.notes());
            attachmentIds.forEach(id -> notes.add("Tệp đính kèm: " + id));
            Extraction header = new Extraction(message.envelopeText(), "application/xml", 0);
            journal.finish(stages.importOne(file, run, notes, new InFlight.Intake(header, message::envelope)), run);
        }
    }
}
