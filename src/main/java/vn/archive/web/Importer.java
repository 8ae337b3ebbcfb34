package vn.archive.web;

import vn.archive.model.IngestOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the import page needs of the ingest side: import these files, telling each outcome as it happens. */
@FunctionalInterface
public interface Importer {
    /** Imports every file under the inputs (ZIPs expanded); one outcome per file reaches the listener. */
    void run(List<Path> inputs, Consumer<IngestOutcome> listener) throws IOException;

    /**
     * The import running in this archive now, whatever started it (an upload, the sample corpus imported by
     * {@code serve}), or empty when none runs or the importer cannot tell.
     */
    default Optional<Running> running() {
        return Optional.empty();
    }

    /** How far the running import is: files finished of those found so far, and its rate. */
    record Running(int done, int total, double filesPerSecond) { }
}
