package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.storage.ContentStore;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stage that ends a file keeps its status and failure kind in the file's outcome. */
class IngestStagesTest {
    @Test
    void the_screen_stops_an_empty_file_as_not_a_document_with_its_hash() {
        InFlight f = inFlight("in/empty.docx", new byte[0]);
        f.sha = ContentStore.sha256(f.file.bytes());
        StageStop stop = assertThrows(StageStop.class, () -> new ScreenStage().apply(f));
        IngestOutcome o = f.stopped(stop);
        assertEquals(IngestStatus.FAILED, o.status());
        assertEquals(FailureKind.NOT_A_DOCUMENT, o.failure());
        assertEquals(f.sha, o.sha256());
        assertEquals("in/empty.docx", o.path());
    }

    @Test
    void the_screen_stops_binary_bytes_named_txt_but_lets_vietnamese_text_through() throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        StageStop stop = assertThrows(StageStop.class,
                () -> new ScreenStage().apply(inFlight("in/scrap.txt", binary)));
        assertEquals(FailureKind.NOT_A_DOCUMENT, stop.kind);
        new ScreenStage().apply(inFlight("in/ct05.txt",
                "ĐẢNG CỘNG SẢN VIỆT NAM\nChỉ thị số 05-CT/TW về học tập và làm theo\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_stop_that_is_not_a_failure_carries_no_failure_kind() {
        InFlight f = inFlight("in/again.pdf", new byte[] {1});
        IngestOutcome o = f.stopped(StageStop.with(IngestStatus.DUPLICATE, "Đã có trong kho", "doc-1", 0));
        assertEquals(IngestStatus.DUPLICATE, o.status());
        assertNull(o.failure());
        assertEquals("doc-1", o.documentId());
        assertEquals(false, o.retryable());
    }

    @Test
    void a_timeout_stop_stays_retryable_and_a_not_a_document_stop_does_not() {
        InFlight f = inFlight("in/slow.pdf", new byte[] {1});
        assertEquals(true, f.failed(FailureKind.TIMEOUT, "quá thời gian").retryable());
        assertEquals(false, f.failed(FailureKind.NOT_A_DOCUMENT, "tệp rỗng").retryable());
    }

    private static InFlight inFlight(String path, byte[] bytes) {
        return new InFlight(new SourceFile(path, path.substring(path.lastIndexOf('/') + 1), bytes), List.of(),
                InFlight.Intake.TIKA, false);
    }
}
