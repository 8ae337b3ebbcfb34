package vn.archive.web;

import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One archive of the whole sample corpus, imported once and shared by the read-only web tests of this JVM (an
 * import costs seconds; the tests only read). Tests that import make their own archive.
 */
final class PortalFixture {
    private static Archive shared;

    private PortalFixture() {
    }

    /** The corpus archive, imported on first use and closed when the JVM ends. */
    static synchronized Archive corpus() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("portal-it");
                Archive a = Archive.open(AppConfig.forData(dir.resolve("data")));
                a.pipeline().run(List.of(TestCorpus.ROOT), o -> { });
                shared = a;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        a.close();
                        delete(dir);
                    } catch (IOException ignored) {
                        // temp files of a finished test run
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Deletes a folder tree. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
