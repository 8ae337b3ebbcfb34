package vn.archive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hung Tesseract: a fake {@code tesseract} that lists Vietnamese but never finishes a page (it starts a long sleep
 * and waits for it, as a wrapper script would). The page timeout is set to two seconds through the configuration's
 * system properties, the way an operator would.
 */
class OcrTimeoutIT {

    /** Without a working deadline the import would wait for the sleep (ten minutes): this stops the test first. */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_hung_tesseract_page_is_killed_and_its_file_fails_with_a_timeout_while_the_batch_goes_on(@TempDir Path tmp)
            throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Path pids = Files.createDirectories(tmp.resolve("pids"));
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(blank, "png", in.resolve("scan.png").toFile());
        Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));
        Path tesseract = hangingTesseract(tmp, pids);

        System.setProperty(AppConfig.TESSERACT_PROPERTY, tesseract.toString());
        System.setProperty(AppConfig.OCR_PAGE_TIMEOUT_PROPERTY, "2");
        try {
            assertEquals(0, App.commandLine().execute("import", in.toString(), "--data", data.toString(),
                    "--no-progress"));
        } finally {
            System.clearProperty(AppConfig.TESSERACT_PROPERTY);
            System.clearProperty(AppConfig.OCR_PAGE_TIMEOUT_PROPERTY);
        }

        JsonNode report = latestReport(data);
        assertEquals(2, report.path("seen").asInt(), report.toString());
        JsonNode scan = outcome(report, "scan.png");
        assertEquals("FAILED", scan.path("status").asText(), scan.toString());
        assertTrue(scan.path("reason").asText().contains("OCR timeout"), scan.toString());
        assertEquals("TIMEOUT", scan.path("failure").asText(), scan.toString());
        assertEquals("IMPORTED", outcome(report, "209.txt").path("status").asText(), report.toString());

        long shell = Long.parseLong(Files.readString(pids.resolve("shell")).strip());
        long sleeper = Long.parseLong(Files.readString(pids.resolve("sleep")).strip());
        assertFalse(alive(shell), "the tesseract process was killed");
        assertFalse(alive(sleeper), "what it started was killed too");
    }

    @Test
    void the_page_timeout_is_read_from_its_property_and_a_bad_value_is_refused_with_the_rule() {
        System.setProperty(AppConfig.OCR_PAGE_TIMEOUT_PROPERTY, "7");
        try {
            assertEquals(7, AppConfig.ocrPageTimeout().toSeconds());
            System.setProperty(AppConfig.OCR_PAGE_TIMEOUT_PROPERTY, "0");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    AppConfig::ocrPageTimeout);
            assertTrue(e.getMessage().contains("at least 1, was [0]"), e.getMessage());
        } finally {
            System.clearProperty(AppConfig.OCR_PAGE_TIMEOUT_PROPERTY);
        }
        assertEquals(AppConfig.DEFAULT_OCR_PAGE_TIMEOUT, AppConfig.ocrPageTimeout());
    }

    /** A tesseract that knows Vietnamese and then hangs on every page, writing its own and its child's process id. */
    private static Path hangingTesseract(Path dir, Path pids) throws IOException {
        Path script = dir.resolve("tesseract");
        Files.writeString(script, String.join("\n",
                "#!/bin/sh",
                "if [ \"$1\" = \"--list-langs\" ]; then",
                "  echo 'List of available languages in \"/fake/\" (2):'",
                "  echo eng",
                "  echo vie",
                "  exit 0",
                "fi",
                "echo $$ > '" + pids.resolve("shell") + "'",
                "sleep 600 &",
                "echo $! > '" + pids.resolve("sleep") + "'",
                "wait",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static boolean alive(long pid) throws InterruptedException {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty()) {
            return false;
        }
        // a killed process may take a moment to be reaped
        for (int i = 0; i < 50 && p.get().isAlive(); i++) {
            Thread.sleep(100);
        }
        return p.get().isAlive();
    }

    private static JsonNode outcome(JsonNode report, String fileName) {
        for (JsonNode o : report.path("outcomes")) {
            if (o.path("path").asText().endsWith(fileName)) {
                return o;
            }
        }
        throw new AssertionError("no outcome for " + fileName + " in " + report);
    }

    private static JsonNode latestReport(Path data) throws IOException {
        Path json = new ReportFiles(data.resolve("reports")).latest().orElseThrow();
        return new ObjectMapper().readTree(json.toFile());
    }
}
