package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestProgressTest {
    private static IngestOutcome outcome(String path, IngestStatus status, int pages, Double confidence) {
        return new IngestOutcome(path, status, null, null, null, pages, confidence, 10);
    }

    @Test
    void a_snapshot_counts_files_by_status_and_pages_read_by_ocr_only() {
        IngestProgress p = new IngestProgress();
        p.start(4);
        p.finished(outcome("a.pdf", IngestStatus.IMPORTED, 3, 91.0));
        p.finished(outcome("b.docx", IngestStatus.IMPORTED, 2, null));
        p.finished(outcome("c.png", IngestStatus.WAITING_OCR, 1, null));
        IngestProgress.Snapshot s = p.snapshot();
        assertTrue(s.running());
        assertEquals(4, s.total());
        assertEquals(3, s.done());
        assertEquals(2, s.counts().get(IngestStatus.IMPORTED));
        assertEquals(1, s.counts().get(IngestStatus.WAITING_OCR));
        assertEquals(0, s.counts().get(IngestStatus.FAILED));
        assertEquals(3, s.pagesOcr());
        assertEquals("c.png", s.recent().get(s.recent().size() - 1).path());
    }

    @Test
    void files_found_inside_archives_raise_the_total_and_the_end_makes_it_exact() {
        IngestProgress p = new IngestProgress();
        p.start(1);
        p.addExpected(2);
        assertEquals(3, p.snapshot().total());
        p.finished(outcome("mail.eml!a.pdf", IngestStatus.IMPORTED, 1, null));
        p.end();
        IngestProgress.Snapshot s = p.snapshot();
        assertFalse(s.running());
        assertEquals(1, s.total());
        assertNull(s.eta(), "no estimate once finished");
    }

    @Test
    void only_the_latest_outcomes_are_kept_for_display() {
        IngestProgress p = new IngestProgress();
        p.start(0);
        for (int i = 0; i < IngestProgress.RECENT + 10; i++) {
            p.finished(outcome(i + ".txt", IngestStatus.DUPLICATE, 0, null));
        }
        IngestProgress.Snapshot s = p.snapshot();
        assertEquals(IngestProgress.RECENT, s.recent().size());
        assertEquals((IngestProgress.RECENT + 9) + ".txt", s.recent().get(s.recent().size() - 1).path());
        assertEquals(IngestProgress.RECENT + 10, s.total(), "the total never falls below the files done");
    }
}
