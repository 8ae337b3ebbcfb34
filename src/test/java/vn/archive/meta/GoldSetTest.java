package vn.archive.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

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

    @Test
    void a_cited_document_counts_once_and_an_accepted_alternative_relation_counts_as_right() throws Exception {
        Path file = temp.resolve("real.jsonl");
        Files.writeString(file, """
                {"file":"a.txt","references":{"181-QĐ/TW":"guides","34/2014/QĐ-TTg":"based_on"},"accept":{"relations.181-QĐ/TW":["based_on"]}}
                """);
        GoldSet gold = GoldSet.load(file);
        Reference guided = new Reference("Quy định", "181-QĐ/TW", null, null, Relation.BASED_ON, "Quy định số 181-QĐ/TW", 0, 5);
        Reference upper = new Reference("Quyết định", "34/2014/QĐ-TTG", null, null, Relation.BASED_ON, "34/2014/QĐ-TTG", 9, 20);
        Reference again = new Reference("Quyết định", "34/2014/QĐ-TTg", null, null, Relation.MENTIONS, "34/2014/QĐ-TTg", 30, 40);
        DocumentMetadata m = DocumentMetadata.builder().references(List.of(guided, upper, again)).build();
        GoldSet.Score score = gold.score(Map.of("a.txt", "A"), t -> m, List.of("references", "relations"));
        assertEquals(new GoldSet.FieldScore("references", 2, 0, 0), score.fields().get("references"));
        assertEquals(new GoldSet.FieldScore("relations", 2, 1, 0), score.fields().get("relations"));
        assertEquals(List.of("references", "relations"), gold.fields());
        assertEquals(1, score.relations().get("guides")[0], "the gold relation is counted as written");
        assertEquals(1, score.relations().get("mentions")[1], "the second relation of one document is an extra");
    }

    @Test
    void the_old_and_the_new_tone_placement_are_the_same_value() throws Exception {
        Path file = temp.resolve("tone.jsonl");
        Files.writeString(file, """
                {"file":"a.txt","parentIssuer":"Tỉnh uỷ Hà Tĩnh","issuer":"Ban Quý"}
                """);
        GoldSet.Score score = GoldSet.load(file).score(Map.of("a.txt", "A"),
                t -> DocumentMetadata.builder().parentIssuer("Tỉnh ủy Hà Tĩnh").issuer("Ban Qúy").build(),
                List.of("parentIssuer", "issuer"));
        assertEquals(1, score.fields().get("parentIssuer").tp());
        assertEquals(0, score.fields().get("issuer").tp(), "after q the u is a consonant: quý is not qúy");
    }
}
