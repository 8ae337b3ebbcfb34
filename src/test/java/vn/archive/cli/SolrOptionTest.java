package vn.archive.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every verb that opens an archive takes {@code --solr} and refuses a bad value in both languages before it touches
 * anything; SolrCloudIT runs them on a real collection.
 */
class SolrOptionTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"serve --port 0", "import corpus/seeds", "import --retry-failed", "reocr",
            "withdraw 0000000000000000 --undo", "export-package --all --out OUT", "backup --out OUT",
            "restore OUT", "migrate --to-solr", "migrate --from-solr"})
    void a_solr_value_without_a_collection_is_refused_in_both_languages_before_the_archive_is_touched(String verb) {
        Path data = temp.resolve("data");
        List<String> args = new ArrayList<>();
        for (String word : verb.split(" ")) {
            args.add(word.equals("OUT") ? temp.resolve("out.zip").toString() : word);
        }
        if (!verb.startsWith("migrate")) {
            args.add("--solr");
        }
        args.addAll(List.of("127.0.0.1:8983", "--data", data.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("phải có dạng") && run.err().contains("must read"), run.err());
        assertFalse(Files.exists(data), "no archive folder made for a refused value");
        assertFalse(Files.exists(temp.resolve("out.zip")), "nothing written");
    }

    @Test
    void migrate_needs_a_direction_and_an_alias_needs_a_target_collection() {
        Path data = temp.resolve("data");
        CliRun none = CliRun.of("migrate", "--data", data.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--to-solr") && none.err().contains("give"), none.err());
        CliRun alias = CliRun.of("migrate", "--data", data.toString(), "--from-solr", "127.0.0.1:8983/a",
                "--alias", "live");
        assertEquals(2, alias.code());
        assertTrue(alias.err().contains("--alias needs --to-solr"), alias.err());
        assertFalse(Files.exists(data), "nothing made");
    }

    @Test
    void migrate_from_a_solr_that_does_not_answer_says_so_in_both_languages_and_makes_no_folder() {
        Path data = temp.resolve("data");
        CliRun run = CliRun.of("migrate", "--data", data.toString(), "--from-solr", "127.0.0.1:1/archive");
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("Không chuyển được") && run.err().contains("the source is unchanged"),
                run.err());
        assertFalse(Files.exists(data), "no archive folder made");
    }
}
