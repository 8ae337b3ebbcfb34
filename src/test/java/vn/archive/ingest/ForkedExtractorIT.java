package vn.archive.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.render.DocumentRenderer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extraction in child JVMs: a file that exhausts memory or overruns its deadline costs one child, not the batch. */
class ForkedExtractorIT {
    private static final ForkedExtractor FORK = new ForkedExtractor("64m", Duration.ofMinutes(2));

    @AfterAll
    static void stop_children() {
        FORK.close();
    }

    private static SourceFile letter() {
        return new SourceFile("209.txt", "209.txt", TestCorpus.state("209.txt").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_child_reads_a_pdf_exactly_as_raw_in_process_extraction_does() throws Exception {
        byte[] pdf = DocumentRenderer.withSystemFont().pdf(TestCorpus.read(TestCorpus.BAO_LOC));
        SourceFile file = new SourceFile("134.pdf", "134.pdf", pdf);
        assertEquals(new TikaExtractor().extractRaw(file), FORK.extract(file));
    }

    @Test
    void a_file_that_exhausts_the_childs_memory_fails_alone_and_the_next_file_is_read() throws Exception {
        StringBuilder huge = new StringBuilder();
        String line = "Văn bản rất dài làm cạn bộ nhớ của tiến trình trích xuất. ".repeat(20) + "\n";
        while (huge.length() < 60_000_000) {
            huge.append(line);
        }
        SourceFile bomb = new SourceFile("bomb.txt", "bomb.txt", huge.toString().getBytes(StandardCharsets.UTF_8));
        TikaExtractor.ExtractionException e = assertThrows(TikaExtractor.ExtractionException.class,
                () -> FORK.extract(bomb));
        assertTrue(e.getMessage().contains("dừng đột ngột"), e.getMessage());
        assertTrue(FORK.extract(letter()).text().contains("2739/VPCP-ĐMDN"));
    }

    @Test
    void a_file_past_its_deadline_is_abandoned_and_its_child_replaced() throws Exception {
        byte[] pdf = DocumentRenderer.withSystemFont().pdf(TestCorpus.read(TestCorpus.DON_DUONG).repeat(20));
        TikaExtractor.ExtractionException e = assertThrows(TikaExtractor.ExtractionException.class,
                () -> FORK.extract(new SourceFile("long.pdf", "long.pdf", pdf), Duration.ofMillis(1)));
        assertTrue(e.getMessage().startsWith("Quá thời gian xử lý tệp"), e.getMessage());
        assertTrue(FORK.extract(letter()).text().contains("2739/VPCP-ĐMDN"));
    }
}
