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
import vn.archive.model.Clearance;
import vn.archive.security.LoginThrottle;
import vn.archive.security.Role;
import vn.archive.security.Security;
import vn.archive.security.TestAccounts;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.multipart;

/** Accounts, sessions, CSRF and login throttling, tried the way an attacker would. */
class AuthIT {
    @TempDir
    Path temp;
    private Archive archive;
    private String docId;

    @BeforeEach
    void open() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.BAO_LOC), o -> { });
        docId = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
        TestAccounts.account(archive.security(), "docgia", Role.READER, Clearance.NONE);
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    private static HttpRequest.BodyPublisher correction() {
        return HttpRequest.BodyPublishers.ofString("{\"field\":\"signer.name\",\"value\":\"Kẻ Lạ\",\"who\":\"X\"}");
    }

    @Test
    void writes_need_an_archivist_session_and_its_csrf_token() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String url = "/api/documents/" + docId + "/corrections";
            var anon = SecurityIT.anonymous(server);
            assertEquals(401, anon.request(url, b -> b.post(correction()).header("Content-Type", "application/json")).code());
            assertEquals(401, anon.request("/documents/" + docId + "/corrections", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("field=title&value=x&who=x")).header("Content-Type", "application/x-www-form-urlencoded")).code());
            var reader = TestAccounts.login(archive.security(), client, "docgia");
            assertEquals(403, anon.request(url, b -> reader.sign(b.post(correction())).header("Content-Type", "application/json")).code(),
                    "a reader cannot write");
            var as = TestAccounts.archivist(archive.security(), client);
            assertEquals(403, anon.request(url, b -> b.post(correction()).header("Content-Type", "application/json")
                    .header("Cookie", as.cookie())).code(), "a session cookie alone (cross-site request) is refused");
            assertEquals(403, anon.request(url, b -> b.post(correction()).header("Content-Type", "application/json")
                    .header("Cookie", as.cookie()).header("X-CSRF-Token", reader.csrf())).code(), "another session's token is refused");
            assertEquals(403, anon.request("/api/imports", b -> b.post(HttpRequest.BodyPublishers.ofString("x"))
                    .header("Cookie", as.cookie())).code(), "uploads too");
            var signer = archive.search().document(docId).orElseThrow().metadata().signer();
            assertTrue(signer == null || !"Kẻ Lạ".equals(signer.name()), "nothing was written");
            assertTrue(archive.corrections().history(docId).isEmpty(), "nothing was recorded");
            // the page's form carries the token in a hidden field, and posting it works
            String page = anon.request("/documents/" + docId, b -> b.header("Cookie", as.cookie())).body().string();
            assertTrue(page.contains("name=\"_csrf\" value=\"" + as.csrf() + "\""), "the correction form carries the token");
            Response ok = anon.request("/documents/" + docId + "/corrections", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("field=title&value=" + enc("Tiêu đề mới") + "&who=Lan&_csrf=" + as.csrf()))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", as.cookie()));
            assertEquals(303, ok.code());
            assertEquals("Tiêu đề mới", archive.search().document(docId).orElseThrow().metadata().title());
            var form = multipart("files", List.of("a.txt"), List.of("nội dung".getBytes(StandardCharsets.UTF_8)));
            Response up = anon.request("/api/imports", b -> as.sign(b.post(form.publisher())).header("Content-Type", form.contentType()));
            assertEquals(202, up.code());
            String batch = WebTestSupport.json(up).path("id").asText();
            WebTestSupport.awaitDone(client, batch);
            assertEquals(404, anon.get("/api/imports/" + batch).code(), "import batches are for archivists only");
            assertEquals(404, anon.get("/import/" + batch).code());
            assertEquals(404, anon.request("/import/" + batch, b -> reader.sign(b.get())).code());
            assertEquals(200, anon.request("/api/imports/" + batch, b -> as.sign(b.get())).code());
        });
    }

    @Test
    void the_session_cookie_is_http_only_same_site_strict_and_logout_ends_it() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            Response r = anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "username=docgia&password=" + TestAccounts.PASSWORD + "&next=" + enc("//evil.example/")))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(303, r.code());
            assertEquals("/", r.headers().get("Location").getFirst(), "no open redirect through next");
            String cookie = r.headers().get("Set-Cookie").getFirst();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            String sid = cookie.substring(0, cookie.indexOf(';'));
            String csrf = archive.security().sessions().find(sid.substring(4)).orElseThrow().csrf();
            assertTrue(anon.request("/", b -> b.header("Cookie", sid)).body().string().contains("Đăng xuất (docgia)"));
            assertEquals(303, anon.request("/logout", b -> b.post(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sid)).code());
            assertTrue(archive.security().sessions().find(sid.substring(4)).isEmpty(), "the session is gone");
            assertFalse(anon.request("/", b -> b.header("Cookie", sid)).body().string().contains("Đăng xuất"));
            assertEquals(403, anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "username=docgia&password=" + TestAccounts.PASSWORD)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://evil.example")).code(), "a login posted from another site is refused");
        });
    }

    @Test
    void login_is_rate_limited_even_with_the_right_password_after_repeated_failures() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                Response bad = anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                        "username=docgia&password=sai-mat-khau")).header("Content-Type", "application/x-www-form-urlencoded"));
                assertEquals(401, bad.code());
                assertTrue(bad.body().string().contains("Tên đăng nhập hoặc mật khẩu không đúng"));
            }
            Response blocked = anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "username=docgia&password=" + TestAccounts.PASSWORD)).header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(429, blocked.code());
            assertFalse(blocked.headers().get("Set-Cookie") != null && !blocked.headers().get("Set-Cookie").isEmpty());
        });
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_and_the_first_admin_password_is_random_and_given_once() throws IOException {
        Path data = temp.resolve("fresh");
        UserStore users = UserStore.open(data);
        String first = users.createAdminIfNone().orElseThrow();
        assertTrue(first.length() >= 16);
        assertTrue(users.createAdminIfNone().isEmpty(), "the password is generated and shown only once");
        String file = Files.readString(data.resolve(UserStore.FILE), StandardCharsets.UTF_8);
        assertFalse(file.contains(first), "the password is never stored");
        assertTrue(file.contains("\"$2"), "a bcrypt hash is");
        UserStore reopened = UserStore.open(data);
        assertTrue(reopened.authenticate("admin", first).isPresent());
        assertTrue(reopened.authenticate("admin", "admin").isEmpty(), "no default password");
        assertTrue(reopened.authenticate("admin", first + "x").isEmpty());
        assertFalse(UserStore.open(temp.resolve("other")).createAdminIfNone().orElseThrow().equals(first),
                "each archive gets its own random password");
    }

    @Test
    void with_anonymous_reading_off_nothing_is_shown_before_login() throws IOException {
        Security closed = Security.open(temp.resolve("data"), false);
        JavalinTest.test(WebServer.create(archive.search(), archive.store(), archive.references(), archive.corrections(),
                null, closed), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            assertEquals(401, anon.get("/api/search").code());
            assertEquals(401, anon.get("/api/documents/" + docId).code());
            Response page = anon.get("/documents/" + docId);
            assertEquals(303, page.code());
            assertTrue(page.headers().get("Location").getFirst().startsWith("/login?next="));
            assertTrue(anon.get("/login").body().string().contains("Đăng nhập"));
            var reader = TestAccounts.login(closed, client, "docgia");
            assertEquals(200, anon.request("/api/search", b -> reader.sign(b.get())).code());
        });
    }
}
