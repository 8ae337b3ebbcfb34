package vn.archive.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --solr}'s answer to a bad value; SolrCloudIT serves the portal on a real collection. */
class ServeSolrOptionTest {
    @Test
    void a_solr_value_without_a_collection_is_refused_in_both_languages_before_the_archive_is_touched(
            @TempDir Path temp) {
        Path data = temp.resolve("data");
        CliRun run = CliRun.of("serve", "--solr", "127.0.0.1:8983", "--data", data.toString(), "--port", "0");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("phải có dạng") && run.err().contains("must read"), run.err());
        assertFalse(Files.exists(data), "no archive folder made for a refused value");
    }
}
