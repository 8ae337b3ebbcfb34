package vn.archive;

import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample corpus committed with the repo, as tests see it. */
public final class TestCorpus {
    /** The corpus folder the app serves by default. */
    public static final Path ROOT = Path.of("corpus");
    /** The three "Dân vận khéo" seed directives. */
    public static final Path SEEDS = ROOT.resolve("seeds");
    /** The Đơn Dương Kế hoạch (no number, no date). */
    public static final Path DON_DUONG = SEEDS.resolve("001_cc016d0e568e5fa8.txt");
    /** The Triệu Phong Công văn 374-CV/HU. */
    public static final Path TRIEU_PHONG = SEEDS.resolve("002_fa18a2e4ded8d877.txt");
    /** The Bảo Lộc Công văn 134-CV/ThU. */
    public static final Path BAO_LOC = SEEDS.resolve("003_4653ab8526411b1c.txt");

    private TestCorpus() {
    }

    /** A seed's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A state document's text by its file name ("209.txt"). */
    public static String state(String name) {
        return read(ROOT.resolve("state").resolve(name));
    }

    /**
     * Fails unless every outcome of an import without OCR imported its file or left a scan waiting for OCR. Checked
     * after the run: an assertion thrown inside the pipeline's listener runs on a worker, which logs it and goes on.
     */
    public static void assertImportedWithoutOcr(Collection<IngestOutcome> outcomes) {
        assertFalse(outcomes.isEmpty(), "nothing imported");
        for (IngestOutcome o : outcomes) {
            assertTrue(o.status() == IngestStatus.IMPORTED || o.status() == IngestStatus.WAITING_OCR,
                    o.path() + ": " + o.status() + " " + o.reason());
        }
    }
}
