package vn.archive.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.TesseractOcr;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code extract} on a scan: the same OCR as {@code import}, or a clear word that the scan waits for it. */
class ExtractCommandIT {
    private static final Path SCAN = Path.of("corpus/scans/002_fa18a2e4ded8d877-scan.pdf");

    /** Runs extract with this OCR engine; returns exit code, standard output and standard error. */
    private static String[] run(OcrEngine engine) {
        ExtractCommand command = new ExtractCommand();
        command.ocr = engine;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(command).execute("--json", SCAN.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void a_scan_without_ocr_is_said_to_wait_for_it_and_gives_no_empty_record() {
        String[] r = run(OcrEngine.none());
        assertEquals("1", r[0]);
        assertEquals("", r[1], "no empty record");
        assertTrue(r[2].contains("chờ nhận dạng chữ") && r[2].contains("waiting for OCR"), r[2]);
    }

    @Test
    void a_scan_is_read_with_the_same_ocr_as_import() {
        TesseractOcr tesseract = TesseractOcr.system();
        Assumptions.assumeTrue(tesseract.available(), "tesseract-ocr and tesseract-ocr-vie are installed by .ci/run");
        String[] r = run(tesseract);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"number\":\"374-CV/HU\"") && r[1].contains("\"date\":\"2019-07-30\""), r[1]);
        assertTrue(r[1].contains("\"ocr\":true"), r[1]);
    }
}
