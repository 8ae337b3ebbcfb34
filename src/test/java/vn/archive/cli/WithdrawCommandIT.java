package vn.archive.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code withdraw} verb: withdraws a seed and restores it, audited, and answers bad input with one line. */
class WithdrawCommandIT {
    @TempDir
    Path temp;

    @Test
    void withdraw_hides_a_seed_undo_restores_it_and_bad_input_gets_one_clear_line() throws IOException {
        Path data = temp.resolve("data");
        String id = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.DON_DUONG)));
        try (Archive a = Archive.open(AppConfig.forData(data))) {
            a.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
        }

        CliRun withdrawn = CliRun.of("withdraw", id, "--reason", "Bản trùng nhập nhầm", "--data", data.toString());
        assertEquals(0, withdrawn.code(), withdrawn.err());
        assertTrue(withdrawn.out().contains("Đã rút văn bản " + id), withdrawn.out());
        try (Archive a = Archive.open(AppConfig.forData(data))) {
            assertTrue(a.search().restrictedTo(Clearance.NONE).visibleAmong(List.of(id)).isEmpty(), "hidden from readers");
            assertEquals("Bản trùng nhập nhầm", a.corrections().withdrawnDocument(id).orElseThrow().metadata()
                    .withdrawn().reason());
            assertTrue(a.security().audit().lines().stream().anyMatch(l -> l.contains("\"withdraw\"")
                    && l.contains(id) && l.contains("cli:")), "audited as the shell's user");
        }

        CliRun twice = CliRun.of("withdraw", id, "--reason", "lần nữa", "--data", data.toString());
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("đã rút rồi"), twice.err());
        assertFalse(twice.err().contains("Exception"), twice.err());
        CliRun neither = CliRun.of("withdraw", id, "--data", data.toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--reason"), neither.err());
        CliRun unknown = CliRun.of("withdraw", "0000000000000000", "--undo", "--data", data.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("Không tìm thấy văn bản [0000000000000000]"), unknown.err());

        CliRun undone = CliRun.of("withdraw", id, "--undo", "--data", data.toString());
        assertEquals(0, undone.code(), undone.err());
        try (Archive a = Archive.open(AppConfig.forData(data))) {
            assertEquals(1, a.search().restrictedTo(Clearance.NONE).visibleAmong(List.of(id)).size(), "back for readers");
            assertTrue(a.security().audit().lines().stream().anyMatch(l -> l.contains("\"restore\"") && l.contains(id)));
        }
    }
}
