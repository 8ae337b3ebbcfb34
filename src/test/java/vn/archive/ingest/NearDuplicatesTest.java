package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearDuplicatesTest {
    /** The text as a mediocre OCR might return it: one character in a hundred wrong, lines joined differently. */
    private static String ocrLike(String text) {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(Character.isLetter(c) && random.nextInt(100) == 0 ? 'x' : c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }

    @Test
    void a_plan_without_number_or_date_is_grouped_with_its_noisy_scan(@TempDir Path dir) throws IOException {
        String plan = TestCorpus.read(TestCorpus.DON_DUONG);
        NearDuplicates groups = new NearDuplicates(dir.resolve("near.tsv"));
        assertEquals(List.of(), groups.joinByText("docx", plan));
        assertEquals(List.of("docx"), groups.joinByText("scan", ocrLike(plan)));
        assertTrue(NearDuplicates.similarity(NearDuplicates.signature(plan), NearDuplicates.signature(ocrLike(plan)))
                >= NearDuplicates.TEXT_THRESHOLD);
    }

    @Test
    void two_different_directives_on_the_same_campaign_are_not_grouped(@TempDir Path dir) throws IOException {
        NearDuplicates groups = new NearDuplicates(dir.resolve("near.tsv"));
        groups.joinByText("don-duong", TestCorpus.read(TestCorpus.DON_DUONG));
        groups.joinByText("trieu-phong", TestCorpus.read(TestCorpus.TRIEU_PHONG));
        assertEquals(List.of(), groups.joinByText("bao-loc", TestCorpus.read(TestCorpus.BAO_LOC)));
    }

    @Test
    void groups_survive_a_restart(@TempDir Path dir) throws IOException {
        String plan = TestCorpus.read(TestCorpus.DON_DUONG);
        new NearDuplicates(dir.resolve("near.tsv")).joinByText("docx", plan);
        new NearDuplicates(dir.resolve("near.tsv")).join("cong van|374cvhu|2019-07-30", "a");
        NearDuplicates reopened = new NearDuplicates(dir.resolve("near.tsv"));
        assertEquals(List.of("docx"), reopened.joinByText("scan", ocrLike(plan)));
        assertEquals(List.of("a"), reopened.join("cong van|374cvhu|2019-07-30", "b"));
    }

    @Test
    void the_key_reads_a_number_in_any_spelling_and_is_empty_without_number_or_date() {
        DocumentMetadata a = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
                .date(LocalDate.of(2019, 7, 30)).build();
        DocumentMetadata b = a.toBuilder().number("374/CV-HU").build();
        assertEquals(NearDuplicates.key(a), NearDuplicates.key(b));
        assertEquals(Optional.empty(), NearDuplicates.key(a.toBuilder().date(null).build()));
        assertEquals(Optional.empty(), NearDuplicates.key(a.toBuilder().number(null).build()));
    }
}
