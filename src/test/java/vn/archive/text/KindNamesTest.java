package vn.archive.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.ConfigTables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KindNamesTest {
    @Test
    void a_kind_added_to_kinds_tsv_in_the_config_folder_is_read_from_a_query(@TempDir Path config) throws IOException {
        StringBuilder table = new StringBuilder();
        for (ConfigTables.Row r : ConfigTables.read(null, "kinds.tsv", 2)) {
            table.append(String.join("\t", r.cols())).append('\n');
        }
        table.append("PAn\tPhương án\n");
        Files.writeString(config.resolve("kinds.tsv"), table);

        assertEquals(Optional.empty(), KindNames.builtIn().leading("phương án 12"));
        KindNames edited = KindNames.load(config);
        KindNames.Match m = edited.leading("phuong an so 12").orElseThrow();
        assertEquals("PAn", m.code());
        assertEquals("12", m.rest());
        assertTrue(edited.isCode("PAN"));
        assertFalse(KindNames.builtIn().isCode("PAN"));
        assertEquals("NQ", edited.leading("Nghị quyết số 25").orElseThrow().code(), "the packaged kinds stay");
    }

    @Test
    void a_config_folder_without_kinds_tsv_uses_the_packaged_table(@TempDir Path config) {
        assertEquals("CV", KindNames.load(config).codeOf("Công văn").orElseThrow());
        assertSame(KindNames.builtIn(), KindNames.load(null));
    }
}
