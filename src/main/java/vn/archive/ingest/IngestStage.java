package vn.archive.ingest;

/**
 * One named step of importing a file, after ICIJ Datashare's {@code Stage}: screen → extract → OCR → read metadata →
 * store → index (the journal then records the outcome, {@link JournalStage}). A stage reads and fills the file's
 * {@link InFlight} state, or ends the file early with a {@link StageStop} carrying its status and failure kind, as
 * Tika pipes' {@code PipesResult.STATUS} does. {@link IngestPipeline} only schedules the stages.
 */
@FunctionalInterface
interface IngestStage {
    /** Moves the file one step on, or throws why it stops here. */
    void apply(InFlight file) throws Exception;
}
