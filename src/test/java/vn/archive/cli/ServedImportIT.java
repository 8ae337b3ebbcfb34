package vn.archive.cli;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.storage.ContentStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code import} and {@code withdraw} on an archive that {@code serve} holds: the portal does the work, the verb
 * reports as usual.
 */
class ServedImportIT {
    @TempDir
    Path temp;

    @Test
    void import_while_the_portal_serves_the_archive_is_handed_to_the_portal_and_nothing_is_imported_twice()
            throws Exception {
        Path data = temp.resolve("data");
        try (Archive served = Archive.open(AppConfig.forData(data))) {
            Javalin app = served.webApp().start("127.0.0.1", 0);
            try {
                ServedPortal.announce(data, "127.0.0.1", app.port(), served.localImportToken());
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(data.resolve(ServedPortal.FILE)), "only the owner reads the secret");

                CliRun first = CliRun.of("import", TestCorpus.SEEDS.toString(), "--data", data.toString(), "--no-progress");
                assertEquals(0, first.code(), first.toString());
                assertTrue(first.out().contains("đang được phục vụ tại http://127.0.0.1:" + app.port()
                        + ": giao cho cổng nhập, tìm kiếm vẫn hoạt động (the archive is being served: the portal"
                        + " imports)"), first.out());
                assertEquals(3, first.out().lines().filter(l -> l.startsWith("IMPORTED")).count(), first.out());
                assertTrue(first.out().contains("Tổng 3 tệp: nhập mới 3"), first.out());
                assertEquals(3, served.search().count(), "the serving portal's searches see the documents");

                CliRun again = CliRun.of("import", TestCorpus.SEEDS.toString(), "--data", data.toString(), "--no-progress");
                assertEquals(0, again.code(), again.toString());
                assertEquals(3, again.out().lines().filter(l -> l.startsWith("DUPLICATE")).count(), again.out());
                assertEquals(3, served.search().count());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void withdraw_while_the_portal_serves_the_archive_is_recorded_by_the_portal_and_undo_brings_it_back()
            throws Exception {
        Path data = temp.resolve("data");
        String id = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.DON_DUONG)));
        try (Archive served = Archive.open(AppConfig.forData(data))) {
            served.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            Javalin app = served.webApp().start("127.0.0.1", 0);
            try {
                ServedPortal.announce(data, "127.0.0.1", app.port(), served.localImportToken());
                CliRun withdrawn = CliRun.of("withdraw", id, "--reason", "Bản trùng nhập nhầm", "--data", data.toString());
                assertEquals(0, withdrawn.code(), withdrawn.toString());
                assertTrue(withdrawn.out().contains("đang được phục vụ tại http://127.0.0.1:" + app.port()
                        + ": giao cho cổng (the archive is being served: the portal records it)"), withdrawn.out());
                assertTrue(withdrawn.out().contains("Đã rút văn bản " + id), withdrawn.out());
                assertTrue(served.search().restrictedTo(Clearance.NONE).visibleAmong(List.of(id)).isEmpty(),
                        "the serving portal's readers no longer see it");
                assertTrue(served.security().audit().lines().stream().anyMatch(l -> l.contains("\"withdraw\"")
                        && l.contains(id) && l.contains("cli:")), "audited as the shell's user");

                CliRun twice = CliRun.of("withdraw", id, "--reason", "lần nữa", "--data", data.toString());
                assertEquals(1, twice.code(), twice.toString());
                assertTrue(twice.err().contains("đã rút rồi"), twice.err());
                CliRun unknown = CliRun.of("withdraw", "0000000000000000", "--undo", "--data", data.toString());
                assertEquals(1, unknown.code(), unknown.toString());
                assertTrue(unknown.err().contains("Không tìm thấy văn bản [0000000000000000]"), unknown.err());

                CliRun undone = CliRun.of("withdraw", id, "--undo", "--data", data.toString());
                assertEquals(0, undone.code(), undone.toString());
                assertEquals(1, served.search().restrictedTo(Clearance.NONE).visibleAmong(List.of(id)).size(),
                        "back for readers");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void the_local_channel_refuses_a_request_without_the_portal_secret() throws Exception {
        Path data = temp.resolve("data");
        try (Archive served = Archive.open(AppConfig.forData(data))) {
            Javalin app = served.webApp().start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String body = "{\"paths\":[\"" + TestCorpus.SEEDS.toAbsolutePath() + "\"]}";
                for (String token : new String[] {null, "doan-sai"}) {
                    for (String path : List.of("/api/local/imports", "/api/local/withdrawals")) {
                        HttpRequest.Builder b = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + path))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
                        if (token != null) {
                            b.header("X-Archive-Local-Token", token);
                        }
                        HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(403, answer.statusCode(), path + ": " + answer.body());
                    }
                }
                assertEquals(0, served.search().count());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_stale_announcement_of_a_stopped_portal_gives_the_lock_message_not_a_hang() throws Exception {
        Path data = temp.resolve("data");
        try (Archive held = Archive.open(AppConfig.forData(data))) {
            held.pipeline(); // the writer is open: another import cannot take the index
            ServedPortal.announce(data, "127.0.0.1", 1, "cu");
            CliRun r = CliRun.of("import", TestCorpus.SEEDS.toString(), "--data", data.toString(), "--no-progress");
            assertEquals(2, r.code(), r.toString());
            assertTrue(r.err().contains("Không ghi được vào kho"), r.err());
        }
    }
}
