package vn.archive.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corrections through the portal and the API: audited, shown, and kept across a rebuilt index. */
class CorrectionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void a_correction_is_audited_shown_and_survives_a_rebuilt_index() throws Exception {
        Path data = temp.resolve("data");
        String id;
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            id = vn.archive.model.ArchivedDocument.idFor(
                    vn.archive.storage.ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
            String docId = id;
            JavalinTest.test(archive.webApp(), (server, client) -> {
                String origin = "http://localhost:" + server.port();
                as = vn.archive.security.TestAccounts.archivist(archive.security(), client);
                HttpResponse<String> response = post(origin + "/documents/" + docId + "/corrections",
                        "application/x-www-form-urlencoded",
                        "field=signer.name&value=" + enc("Nguyễn Văn A") + "&who=" + enc("Lưu trữ viên"));
                assertEquals(200, response.statusCode(), "the form redirects to the history page");
                assertTrue(response.body().contains("Nguyễn Văn A"));

                HttpResponse<String> bad = post(origin + "/api/documents/" + docId + "/corrections", "application/json",
                        "{\"field\":\"date\",\"value\":\"31/2/2020\",\"who\":\"X\"}");
                assertEquals(400, bad.statusCode(), "an impossible date is refused with a reason");

                HttpResponse<String> ok = post(origin + "/api/documents/" + docId + "/corrections", "application/json",
                        "{\"field\":\"date\",\"value\":\"28/4/2021\",\"who\":\"Lan\"}");
                assertEquals(201, ok.statusCode());
                JsonNode audit = JSON.readTree(ok.body());
                assertEquals("2020-04-28", audit.path("oldValue").asText());
                assertEquals("2021-04-28", audit.path("newValue").asText());
                assertEquals("luutru", audit.path("who").asText(), "recorded under the logged-in user, whatever 'who' says");

                HttpResponse<String> sector = post(origin + "/documents/" + docId + "/corrections",
                        "application/x-www-form-urlencoded", "field=sector&value=" + enc("Đảng"));
                assertEquals(200, sector.statusCode(), "the page's own Vietnamese value is accepted");
                assertEquals("party", archive.search().document(docId).orElseThrow().metadata().sector());
                HttpResponse<String> refused = post(origin + "/documents/" + docId + "/corrections",
                        "application/x-www-form-urlencoded", "field=sector&value=" + enc("Khối khác"));
                assertEquals(400, refused.statusCode());
                assertTrue(refused.body().contains("Khối không hợp lệ [Khối khác], chỉ được: Đảng, Nhà nước"),
                        refused.body());
                assertTrue(refused.body().contains(">Khối khác</textarea>"), "the typed value is kept in the form");
                assertTrue(refused.body().contains("<option value=\"sector\" selected>"), "and the chosen field");

                String history = client.get("/documents/" + docId + "/corrections").body().string();
                assertTrue(history.matches("(?s).*<time datetime=\"[^\"]+\">\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d</time>.*"),
                        "dates in Vietnamese form: " + history);
                assertTrue(history.contains("<td>Người ký</td>") && !history.contains("<td>signer.name</td>"),
                        "fields by their labels: " + history);
                var anonymous = new io.javalin.testtools.HttpClient(server, HttpClient.newHttpClient());
                String visitor = anonymous.get("/documents/" + docId).body().string();
                assertTrue(visitor.contains("Đăng nhập để hiệu đính") && visitor.contains("/login?next=%2Fdocuments%2F"
                        + docId), "a visitor gets a login link that returns to the page");
                assertFalse(visitor.contains("action=\"/documents/" + docId + "/corrections\""),
                        "and no form they cannot use");
                String importPage = anonymous.get("/import").body().string();
                assertTrue(importPage.contains("Đăng nhập để nhập văn bản") && !importPage.contains("type=\"file\""));

                JsonNode doc = JSON.readTree(client.get("/api/documents/" + docId).body().string());
                assertEquals("2021-04-28", doc.path("date").asText());
                assertEquals("Nguyễn Văn A", doc.path("signer").path("name").asText());
                String page = client.get("/documents/" + docId).body().string();
                assertTrue(page.contains("Hiệu đính siêu dữ liệu"), "the document page carries the correction form");
                assertTrue(page.contains("Nơi nhận") && page.contains("Ban Dân vận Tỉnh ủy"), "and the closing fields");
                String trieuPhong = vn.archive.model.ArchivedDocument.idFor(
                        vn.archive.storage.ContentStore.sha256(Files.readAllBytes(TestCorpus.TRIEU_PHONG)));
                String letter = client.get("/documents/" + trieuPhong).body().string();
                assertTrue(letter.contains("01/07/2020") && letter.contains("Phan Văn Linh"), "deadline and signer are shown");
                assertTrue(letter.contains("Suy luận"), "an inferred issuer is marked as such");
            });
        }
        deleteTree(data.resolve("index"));
        try (Archive rebuilt = Archive.open(AppConfig.forData(data))) {
            rebuilt.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            var doc = rebuilt.search().document(id).orElseThrow();
            assertEquals(java.time.LocalDate.of(2021, 4, 28), doc.metadata().date());
            assertEquals("Nguyễn Văn A", doc.metadata().signer().name());
            assertEquals(3, rebuilt.corrections().history(id).size());
        }
    }

    /** The archivist's session, logged in at the start of the test. */
    private static vn.archive.security.TestAccounts.Login as;

    private static HttpResponse<String> post(String url, String type, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
