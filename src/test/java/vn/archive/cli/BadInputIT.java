package vn.archive.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every verb answers bad input with one clear line naming the file and the reason, never a stack trace. */
class BadInputIT {
    @TempDir
    Path temp;

    private static void saysOnce(CliRun r, String file, String reason) {
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].contains(file) && lines[0].contains(reason), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void extract_of_a_missing_file_names_it_and_says_it_is_not_found() {
        Path missing = temp.resolve("khong-co.pdf");
        CliRun r = CliRun.of("extract", missing.toString());
        assertEquals(1, r.code());
        saysOnce(r, missing.toString(), "không tìm thấy tệp");
    }

    @Test
    void extract_of_a_folder_says_a_file_is_expected() {
        CliRun r = CliRun.of("extract", temp.toString());
        assertEquals(1, r.code());
        saysOnce(r, temp.toString(), "là một thư mục");
    }

    @Test
    void render_of_text_cut_inside_a_utf8_sequence_says_so_and_goes_on_with_the_next_file() throws IOException {
        byte[] whole = Files.readAllBytes(TestCorpus.BAO_LOC);
        // The seed ends in text; cut it inside the two-byte "ố" of a word near the end.
        int cut = whole.length - 1;
        while ((whole[cut] & 0xC0) == 0x80 || (whole[cut] & 0x80) == 0) {
            cut--;
        }
        Path broken = temp.resolve("cat-cut.txt");
        Files.write(broken, Arrays.copyOf(whole, cut + 1));
        Path out = temp.resolve("out");
        CliRun r = CliRun.of("render", broken.toString(), TestCorpus.DON_DUONG.toString(), "--out", out.toString(),
                "--as", "docx");
        assertEquals(1, r.code());
        saysOnce(r, broken.toString(), "không phải văn bản UTF-8 hợp lệ");
        assertTrue(Files.exists(out.resolve("001_cc016d0e568e5fa8.docx")), "the good file is still rendered");
    }

    @Test
    void restore_of_a_missing_backup_is_one_line_and_exit_code_one() {
        Path missing = temp.resolve("khong-co.zip");
        CliRun r = CliRun.of("restore", missing.toString(), "--data", temp.resolve("data").toString());
        assertEquals(1, r.code());
        saysOnce(r, missing.toString(), "không tìm thấy tệp");
    }

    @Test
    void import_of_a_missing_path_is_a_failed_line_and_the_archive_still_opens() {
        Path missing = temp.resolve("khong-co");
        CliRun r = CliRun.of("import", missing.toString(), "--data", temp.resolve("data").toString(), "--no-progress");
        assertEquals(0, r.code(), "import exits non-zero only when the archive cannot be written: " + r);
        assertTrue(r.out().contains("FAILED") && r.out().contains(missing.toString()), r.toString());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
