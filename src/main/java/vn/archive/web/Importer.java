package vn.archive.web;

import vn.archive.model.IngestOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What the import page needs of the ingest side: import these files, telling each outcome as it happens. */
@FunctionalInterface
public interface Importer {
    /** Imports every file under the inputs (ZIPs expanded); one outcome per file reaches the listener. */
    void run(List<Path> inputs, Consumer<IngestOutcome> listener) throws IOException;
}
