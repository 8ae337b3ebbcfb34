package vn.archive.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTablesTest {
    @Test
    void the_packaged_kinds_table_is_read_without_its_comments() {
        List<ConfigTables.Row> rows = ConfigTables.read(null, "kinds.tsv", 2);
        assertTrue(rows.stream().anyMatch(r -> r.col(0).equals("CV") && r.col(1).equals("Công văn")));
        assertTrue(rows.stream().noneMatch(r -> r.cols()[0].startsWith("#")));
    }

    @Test
    void a_table_in_the_override_folder_wins_over_the_packaged_one(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kinds.tsv"), "# code\tname\n\nXX\tKind of our own\n");
        List<ConfigTables.Row> rows = ConfigTables.read(dir, "kinds.tsv", 2);
        assertEquals(1, rows.size());
        assertEquals("Kind of our own", rows.get(0).col(1));
        assertEquals(3, rows.get(0).line());
    }

    @Test
    void a_short_row_is_reported_with_its_table_and_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("issuers.tsv"), "TW\tBan Chấp hành Trung ương\ttrung ương\tparty\nHU\tHuyện ủy\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigTables.read(dir, "issuers.tsv", 4));
        assertTrue(e.getMessage().startsWith("issuers.tsv line 2:"), e.getMessage());
    }

    @Test
    void a_missing_table_says_where_it_was_looked_for() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConfigTables.read(null, "no-such-table.tsv", 1));
        assertTrue(e.getMessage().contains("no-such-table.tsv"), e.getMessage());
    }
}
