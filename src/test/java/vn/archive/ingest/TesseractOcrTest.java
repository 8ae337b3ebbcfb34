package vn.archive.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TesseractOcrTest {
    @Test
    void a_missing_binary_makes_the_engine_unavailable_and_recognize_empty() throws Exception {
        TesseractOcr ocr = new TesseractOcr(Path.of("/nonexistent/bin/tesseract"), "vie", 1);
        assertFalse(ocr.available());
        Optional<OcrEngine.Result> r = ocr.recognize(new SourceFile("a.png", "a.png", new byte[]{1}),
                new Extraction("", "image/png", 0));
        assertEquals(Optional.empty(), r);
    }

    @Test
    void a_language_without_data_makes_the_engine_unavailable() {
        assertFalse(new TesseractOcr(Path.of("tesseract"), "xyz-none", 1).available());
    }

    @Test
    void zero_workers_is_refused_with_the_reason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TesseractOcr(Path.of("tesseract"), "vie", 0));
        assertEquals("workers must be at least 1, was 0", e.getMessage());
    }

    @Test
    void tsv_words_become_lines_and_paragraphs_with_their_mean_confidence() {
        String tsv = String.join("\n",
                "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
                "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
                "5\t1\t1\t1\t1\t1\t300\t300\t100\t50\t96.5\tSố",
                "5\t1\t1\t1\t1\t2\t420\t300\t200\t50\t93.5\t374-CV/HU",
                "5\t1\t1\t1\t2\t1\t300\t380\t100\t50\t90\tV/v",
                "4\t1\t2\t1\t1\t0\t300\t500\t900\t50\t-1\t",
                "5\t1\t2\t1\t1\t1\t300\t500\t100\t50\t80\tKính",
                "5\t1\t2\t1\t1\t2\t420\t500\t100\t50\t-1\t ",
                "5\t1\t2\t1\t1\t3\t520\t500\t100\t50\t100\tgửi:");
        TesseractOcr.TsvPage page = TesseractOcr.TsvPage.parse(tsv);
        assertEquals("Số 374-CV/HU\nV/v\n\nKính gửi:", page.text());
        assertEquals(5, page.words());
        assertEquals(92.0, page.confidence(), 0.01);
    }
}
