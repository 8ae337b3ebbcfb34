package vn.archive.ingest;

import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.FailureKind;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Read metadata: refuses text too short to be a directive, then reads the header (number, issuer, date, title…),
 * lays a message's own fields over it and replays archivists' corrections, so they survive re-import.
 */
final class MetadataStage implements IngestStage {
    private final MetadataExtractor metadata;
    private volatile BiFunction<String, DocumentMetadata, DocumentMetadata> corrections = (id, m) -> m;

    MetadataStage(MetadataExtractor metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** Archivists' corrections (document id, extracted → corrected). */
    void corrections(BiFunction<String, DocumentMetadata, DocumentMetadata> replay) {
        this.corrections = Objects.requireNonNull(replay, "replay");
    }

    @Override
    public void apply(InFlight f) throws StageStop {
        Optional<String> tooLittle = NotADocument.byText(f.text);
        if (tooLittle.isPresent()) {
            throw StageStop.failed(FailureKind.NOT_A_DOCUMENT, tooLittle.get(), f.pages);
        }
        f.metadata = corrections.apply(ArchivedDocument.idFor(f.sha), f.intake.overlay().apply(metadata.extract(f.text)));
    }
}
