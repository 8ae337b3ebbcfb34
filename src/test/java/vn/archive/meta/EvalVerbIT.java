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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = App.commandLine().execute("eval");
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        for (String field : GoldSet.FIELDS) {
            assertTrue(printed.contains(field), field + " missing from\n" + printed);
        }
        assertTrue(printed.contains("73 documents"), printed);
    }

    @Test
    void a_missing_gold_file_is_reported_not_thrown() {
        assertEquals(2, App.commandLine().execute("eval", "--gold", "no/such/gold.jsonl"));
    }
}
