package vn.archive.ingest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.ScanRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive's own pipeline, as the CLI and the web use it: real OCR, isolated extraction, one live progress. */
class ArchivePipelineIT {
    @Test
    void the_archive_pipeline_reads_a_jpeg_scan_with_tesseract_and_shares_its_progress(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path scan = tmp.resolve("374.jpg");
        var page = ScanFixtures.pages(TestCorpus.TRIEU_PHONG, ScanRenderer.Style.noisy(-1), 1).get(0).image();
        assertTrue(javax.imageio.ImageIO.write(page, "jpeg", scan.toFile()));
        try (Archive a = Archive.open(new AppConfig(tmp.resolve("data"), AppConfig.DEFAULT_CONFIG,
                AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT))) {
            IngestPipeline pipeline = a.pipeline();
            assertSame(pipeline, a.pipeline(), "one pipeline per archive, so the web sees the running import");
            assertInstanceOf(TesseractOcr.class, pipeline.ocr());
            IngestReport report = pipeline.run(List.of(scan), o -> { });
            IngestOutcome o = report.outcomes().get(0);
            assertEquals(IngestStatus.IMPORTED, o.status(), String.valueOf(o.reason()));
            assertEquals("374-CV/HU", a.search().document(o.documentId()).orElseThrow().metadata().number());
            assertEquals(1, pipeline.progress().snapshot().pagesOcr());
            assertTrue(Files.list(tmp.resolve("data").resolve("reports")).count() >= 2, "CSV and JSON report");
        }
    }
}
