package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.App;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code eval} verb, run in-process the way the jar runs it. */
class EvalVerbIT {
    @Test
    void the_eval_verb_prints_precision_and_recall_for_every_field() {
        String printed = run("eval");
        for (String field : GoldSet.FIELDS) {
            assertTrue(printed.contains(field), field + " missing from\n" + printed);
        }
        assertTrue(printed.contains("73 documents"), printed);
    }

    @Test
    void the_eval_verb_on_the_real_set_prints_references_relations_per_relation_counts_and_the_held_out_part()
            throws java.io.IOException {
        String printed = run("eval", "--real");
        for (String field : GoldSet.REAL_FIELDS) {
            assertTrue(printed.contains(field), field + " missing from\n" + printed);
        }
        int documents = GoldSet.load(vn.archive.cli.EvalCommand.REAL_GOLD).entries().size();
        assertTrue(documents >= 60, "40 held out and the tuning part gathered since");
        assertTrue(printed.contains(documents + " documents"), "every document of the set is scored\n" + printed);
        assertTrue(printed.contains("held-out part (the first 40, never tuned on):"), printed);
        assertTrue(printed.contains("40 documents"), "the held-out part is scored on its own\n" + printed);
        assertTrue(printed.matches("(?s).*\\nreplaces +6 .*"), "six replaces in the gold set\n" + printed);
    }

    @Test
    void a_missing_gold_file_is_reported_not_thrown() {
        assertEquals(2, App.commandLine().execute("eval", "--gold", "no/such/gold.jsonl"));
    }

    /** Runs the verb, checks it exits 0, and returns what it printed. */
    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = App.commandLine().execute(args);
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        return printed;
    }
}
