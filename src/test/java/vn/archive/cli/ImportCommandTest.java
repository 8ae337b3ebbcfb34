package vn.archive.cli;

import org.junit.jupiter.api.Test;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportCommandTest {
    @Test
    void the_terminal_line_of_a_failure_names_its_kind_in_vietnamese_then_english() {
        String line = ImportCommand.line(new IngestOutcome("a/locked.pdf", IngestStatus.FAILED,
                "Tệp được bảo vệ bằng mật khẩu (encrypted)", null, null, 0, null, 3, FailureKind.ENCRYPTED));
        assertTrue(line.contains("[có mật khẩu (encrypted)]"), line);
        assertTrue(line.endsWith("— Tệp được bảo vệ bằng mật khẩu (encrypted)"), line);
    }

    @Test
    void an_imported_file_has_no_failure_kind_even_when_one_is_given() {
        IngestOutcome o = new IngestOutcome("a/209.txt", IngestStatus.IMPORTED, null, "id", null, 1, null, 3,
                FailureKind.TIMEOUT);
        assertFalse(ImportCommand.line(o).contains("["), ImportCommand.line(o));
        assertFalse(o.retryable());
    }
}
