package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.cli.EvalCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extractor on the real documents of {@code src/test/resources/real/}: the whole set, and its first 40 (held out:
 * graded, never tuned on) on their own.
 *
 * <p>Issue 16 asks for every header field ≥ 0.95, references found ≥ 0.95 and relations right ≥ 0.90, on both. Where
 * that is not reached yet, the floor below is the level reached (the lower of precision and recall, rounded down), so
 * that this test fails on any regression; the gap to the target is printed, and said in the README. The floors are
 * raised, never lowered.
 */
class RealSetIT {
    private static final double HEADER_TARGET = 0.95;
    private static final double REFERENCES_TARGET = 0.95;
    private static final double RELATIONS_TARGET = 0.90;

    /**
     * The level reached on the whole set per field, where it is below the target: none since the fifth session
     * (2026-12-07, 86 documents; parent body was 0.88 before).
     */
    private static final Map<String, Double> REACHED_WHOLE = Map.of();
    /**
     * The level reached on the held-out 40 per field, where it is below the target: none since the fifth session
     * (issuer 0.93, parent body 0.85, level and sector 0.90 before).
     */
    private static final Map<String, Double> REACHED_HELD_OUT = Map.of();

    @Test
    void the_real_set_and_its_held_out_part_reach_the_issues_targets_or_at_least_the_level_reached_so_far()
            throws Exception {
        GoldSet gold = GoldSet.load(EvalCommand.REAL_GOLD);
        assertTrue(gold.entries().size() >= 80, "40 held-out documents and at least 40 gathered here");
        GoldSet heldOut = gold.first(EvalCommand.REAL_HELD_OUT);
        assertTrue(heldOut.entries().stream()
                .allMatch(e -> e.file().compareTo("src/test/resources/real/041.txt") < 0),
                "the held-out part is the first 40 documents");
        List<String> below = new ArrayList<>();
        below.addAll(check("whole set", gold, REACHED_WHOLE));
        below.addAll(check("held-out", heldOut, REACHED_HELD_OUT));
        System.out.println("below the issue's targets: " + below);
    }

    /** Scores one part, asserts every field at its floor, and returns the fields still under the issue's target. */
    private static List<String> check(String part, GoldSet gold, Map<String, Double> reached) throws Exception {
        GoldSet.Score score = gold.score(EvalCommand.texts(gold, Path.of("."), EvalCommand.Rendition.TEXT),
                new MetadataExtractor(Dictionaries.builtIn())::extract, GoldSet.REAL_FIELDS);
        System.out.println(part + ":");
        System.out.print(score.table());
        System.out.print(score.relationTable());
        Map<String, Double> targets = new LinkedHashMap<>();
        for (String f : List.of("kind", "number", "date", "issuer", "parentIssuer", "level", "sector", "place",
                "signer.name")) {
            targets.put(f, HEADER_TARGET);
        }
        targets.put("references", REFERENCES_TARGET);
        targets.put("relations", RELATIONS_TARGET);
        List<String> below = new ArrayList<>();
        targets.forEach((field, target) -> {
            GoldSet.FieldScore s = score.fields().get(field);
            double floor = Math.min(target, reached.getOrDefault(field, target));
            double worst = Math.min(s.precision(), s.recall());
            assertTrue(worst >= floor, part + ": " + field + " P=" + s.precision() + " R=" + s.recall() + " under "
                    + floor + "\n" + String.join("\n",
                    score.errors().stream().filter(e -> e.contains(" " + field + ":")).toList()));
            if (worst < target) {
                below.add(String.format(Locale.ROOT, "%s %s %.3f < %.2f", part, field, worst, target));
            }
        });
        return below;
    }
}
