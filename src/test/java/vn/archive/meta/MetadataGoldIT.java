package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.cli.EvalCommand;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extractor against the hand-checked gold set: clean text on every field, DOCX and PDF on the header fields. */
class MetadataGoldIT {
    private static final double CLEAN = 0.97;
    private static final double RENDERED = 0.95;

    private final MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());

    @Test
    void every_field_of_clean_text_reaches_097_precision_and_recall() throws Exception {
        assertAtLeast(EvalCommand.Rendition.TEXT, CLEAN);
    }

    @Test
    void header_fields_survive_a_docx_rendition() throws Exception {
        assertAtLeast(EvalCommand.Rendition.DOCX, RENDERED);
    }

    @Test
    void header_fields_survive_a_pdf_rendition() throws Exception {
        assertAtLeast(EvalCommand.Rendition.PDF, RENDERED);
    }

    private void assertAtLeast(EvalCommand.Rendition as, double floor) throws Exception {
        GoldSet gold = GoldSet.load(EvalCommand.DEFAULT_GOLD);
        assertTrue(gold.entries().size() >= 53, "the gold set covers the seeds and at least 50 state documents");
        GoldSet.Score score = gold.score(EvalCommand.texts(gold, Path.of("."), as), extractor::extract,
                as == EvalCommand.Rendition.TEXT ? GoldSet.FIELDS : GoldSet.HEADER_FIELDS);
        System.out.println("rendition " + as + "\n" + score.table());
        for (GoldSet.FieldScore f : score.fields().values()) {
            assertTrue(f.precision() >= floor && f.recall() >= floor,
                    as + " " + f.field() + " P=" + f.precision() + " R=" + f.recall() + "\n" + String.join("\n",
                            score.errors().stream().filter(e -> e.contains(" " + f.field() + ":")).toList()));
        }
    }
}
