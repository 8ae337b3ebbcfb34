package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.SearchRequest;
import vn.archive.security.TestAccounts;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.multipart;

/** Web hardening: security headers, no inline script, escaping, request limits and no path traversal. */
class HardeningIT {
    /** A {@code <script>} element without a src attribute: inline script, which the CSP would block anyway. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @TempDir
    Path temp;
    private Archive archive;
    private String docId;

    @BeforeEach
    void open() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
        docId = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
        archive.security().users().createAdminIfNone();
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    @Test
    void every_page_sends_a_csp_without_inline_script_nosniff_and_frame_ancestors() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            for (String path : List.of("/", "/?q=" + enc("dân vận"), "/documents/" + docId, "/browse/issuers",
                    "/import", "/login", "/api/search", "/documents/nope")) {
                Response r = client.get(path);
                String csp = r.headers().get("Content-Security-Policy").getFirst();
                assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
                assertTrue(csp.contains("frame-ancestors 'none'"), csp);
                assertEquals("nosniff", r.headers().get("X-Content-Type-Options").getFirst(), path);
                assertFalse(INLINE_SCRIPT.matcher(r.body().string()).find(), "inline script on " + path);
            }
        });
    }

    @Test
    void user_input_is_escaped_in_pages() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
            String page = client.get("/?q=" + enc(attack)).body().string();
            assertFalse(page.contains("<script>alert(1)") || page.contains("<img src=x"), "the query is escaped");
            assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            String login = client.get("/login?next=" + enc("/\"><script>alert(3)</script>")).body().string();
            assertFalse(login.contains("<script>alert(3)"));
        });
    }

    @Test
    void over_long_queries_and_page_sizes_are_refused() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String longQuery = "a".repeat(SearchRequest.MAX_QUERY_LENGTH + 1);
            assertEquals(400, client.get("/api/search?q=" + longQuery).code());
            var page = client.get("/?q=" + longQuery);
            assertEquals(200, page.code(), "the page searches the beginning and says so");
            assertTrue(page.body().string().contains("chỉ tìm theo phần đầu"));
            assertEquals(400, client.get("/api/search?size=" + (SearchRequest.MAX_SIZE + 1)).code());
            assertEquals(400, client.get("/api/export.csv?q=" + longQuery).code());
            assertEquals(400, client.get("/api/search?page=99999999").code());
            assertEquals(200, client.get("/api/search?size=" + SearchRequest.MAX_SIZE).code());
        });
    }

    @Test
    void no_parameter_reaches_a_file_outside_the_store() throws IOException {
        Path users = temp.resolve("data").resolve(UserStore.FILE);
        String before = Files.readString(users, StandardCharsets.UTF_8);
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            for (String path : List.of("/documents/..%2F..%2Fusers.json/original", "/documents/%2e%2e%2fusers.json/text",
                    "/api/documents/..%2fusers.json", "/api/documents/%252e%252e%252fusers.json",
                    "/documents/..%5C..%5Cusers.json/original", "/assets/..%2f..%2fusers.json", "/assets/%2e%2e/%2e%2e/users.json",
                    "/import/..%2F..%2Fusers.json", "/api/imports/..%2Fusers.json",
                    "/references/..%2F..%2Fusers.json", "/api/documents/" + docId + "%00/original")) {
                Response r = anon.get(path);
                String body = r.body().string();
                assertTrue(r.code() == 400 || r.code() == 404, path + " → " + r.code());
                assertFalse(body.contains("passwordHash") || body.contains("$2"), path + " leaked " + body);
            }
            // an uploaded file named with ../ lands inside its batch folder, whatever its name says
            var as = TestAccounts.archivist(archive.security(), client);
            var form = multipart("files", List.of("../../../users.json"), List.of("[]".getBytes(StandardCharsets.UTF_8)));
            Response up = anon.request("/api/imports", b -> as.sign(b.post(form.publisher())).header("Content-Type", form.contentType()));
            assertEquals(202, up.code(), up.body().string());
            WebTestSupport.awaitDone(client, WebTestSupport.json(up).path("id").asText());
        });
        assertTrue(Files.readString(users, StandardCharsets.UTF_8).contains("\"admin\""), "users.json was not overwritten");
        try (Stream<Path> all = Files.walk(temp)) {
            Path uploads = temp.resolve("data").resolve("uploads");
            List<Path> copies = all.filter(p -> p.getFileName().toString().equals(UserStore.FILE) && !p.equals(users)).toList();
            assertTrue(copies.stream().allMatch(p -> p.startsWith(uploads)), "only ever inside the upload folder: " + copies);
        }
        assertTrue(before.length() > 0);
        ContentStore store = archive.store();
        for (String bad : List.of("../../users.json", "..", "/etc/passwd", "A".repeat(64), "0".repeat(63) + "/")) {
            assertThrows(IllegalArgumentException.class, () -> store.original(bad), bad);
        }
    }
}
