package vn.archive.ingest;

import java.io.IOException;

/** Entry point of an extraction child JVM (see {@link TikaExtractor#isolated}); not a user-facing command. */
public final class ExtractWorker {
    private ExtractWorker() {
    }

    public static void main(String[] args) throws IOException {
        ForkedExtractor.serve();
    }
}
