package vn.archive.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.model.DocumentMetadata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GoldSetTest {
    @TempDir
    Path temp;

    @Test
    void a_wrong_value_counts_against_both_precision_and_recall_and_a_missing_one_only_against_recall() throws Exception {
        Path file = temp.resolve("gold.jsonl");
        Files.writeString(file, """
                # two documents
                {"file":"a.txt","number":"374-CV/HU","date":"2019-07-30","campaigns":["Dân vận khéo"]}
                {"file":"b.txt","number":"134-CV/ThU","date":null,"campaigns":[]}
                """);
        GoldSet gold = GoldSet.load(file);
        Map<String, DocumentMetadata> answers = Map.of(
                "A", DocumentMetadata.builder().number("374-CV/HU").date(LocalDate.of(2019, 7, 31)).build(),
                "B", DocumentMetadata.builder().number("134-CV/ThU").build());
        GoldSet.Score score = gold.score(Map.of("a.txt", "A", "b.txt", "B"), answers::get,
                List.of("number", "date", "campaigns"));
        assertEquals(new GoldSet.FieldScore("number", 2, 0, 0), score.fields().get("number"));
        assertEquals(new GoldSet.FieldScore("date", 0, 1, 1), score.fields().get("date"));
        assertEquals(new GoldSet.FieldScore("campaigns", 0, 0, 1), score.fields().get("campaigns"));
        assertEquals(0.0, score.fields().get("campaigns").recall());
        assertEquals(1.0, score.fields().get("campaigns").precision());
    }
}
