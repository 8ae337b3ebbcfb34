package vn.archive.curation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a kill -9 in the middle of a correction leaves behind is mended: the trail is the truth. */
class CorrectionsRecoveryTest {
    @TempDir
    Path temp;

    private static String baoLoc() throws Exception {
        return ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
    }

    @Test
    void an_edit_in_the_trail_but_not_yet_in_the_index_is_applied_when_the_archive_opens() throws Exception {
        Path data = temp.resolve("data");
        String id = baoLoc();
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            archive.corrections().correct(id, "title", "Tiêu đề đã sửa lần một", "Lan");
        }
        // what a kill between the trail's synced line and the index commit leaves: the trail one edit ahead
        new CorrectionStore(data).append(new Correction(id, "title", "Tiêu đề đã sửa lần một",
                "Tiêu đề đã sửa lần hai", "Lan", Instant.now()));
        try (Archive reopened = Archive.open(AppConfig.forData(data))) {
            assertEquals("Tiêu đề đã sửa lần hai", reopened.search().document(id).orElseThrow().metadata().title());
            assertEquals(2, reopened.corrections().history(id).size());
        }
    }

    @Test
    void a_trail_line_cut_short_by_a_crash_does_not_swallow_the_next_correction() throws Exception {
        Path data = temp.resolve("data");
        String id = baoLoc();
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            archive.corrections().correct(id, "title", "Tiêu đề một", "Lan");
        }
        Files.writeString(data.resolve(CorrectionStore.FILE), "{\"documentId\":\"" + id + "\",\"field\":\"ti",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.corrections().correct(id, "title", "Tiêu đề hai", "Lan");
            List<Correction> history = archive.corrections().history(id);
            assertEquals(List.of("Tiêu đề một", "Tiêu đề hai"), history.stream().map(Correction::newValue).toList());
        }
        try (Archive reopened = Archive.open(AppConfig.forData(data))) {
            assertEquals("Tiêu đề hai", reopened.search().document(id).orElseThrow().metadata().title());
        }
    }
}
