package vn.archive.web;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.security.AuditLog;
import vn.archive.security.Role;
import vn.archive.security.Security;
import vn.archive.security.TestAccounts;
import vn.archive.security.User;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.json;

/**
 * The admin's account pages, tried by the people who must not use them and by an admin: only admins get in, every
 * form needs the session's CSRF token, a created account logs in with the password shown once, and changes apply at
 * the next request (a disabled account's session ends, a lowered clearance hides a Mật document).
 */
class AdminIT {
    /** A word only the Mật fixture contains. */
    private static final String SECRET_WORD = "quyenmatthu";
    private static final Pattern PASSWORD = Pattern.compile("<code class=\"password\">([^<]+)</code>");
    private static final List<String> POSTS = List.of("/admin/users", "/admin/users/update", "/admin/users/enable",
            "/admin/users/disable", "/admin/users/reset-password");

    @TempDir
    static Path temp;
    private static Archive archive;
    private static String secretId;
    private Path accountsDir;
    private Security security;

    @BeforeAll
    static void importBaoLocAndAMatCopy() throws IOException {
        Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
        Path secret = fixtures.resolve("mat.txt");
        Files.writeString(secret, "MẬT\n\n" + TestCorpus.read(TestCorpus.BAO_LOC).replace("134-CV/ThU", "135-CV/ThU")
                + "\n\nGhi chú nội bộ: " + SECRET_WORD + " không công bố.\n", StandardCharsets.UTF_8);
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.BAO_LOC, fixtures), o -> { });
        secretId = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(secret)));
        assertEquals("Mật", archive.search().document(secretId).orElseThrow().metadata().classification());
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
    }

    /** Each test gets its own accounts, sessions and audit log over the shared index. */
    @BeforeEach
    void freshAccounts() throws IOException {
        accountsDir = Files.createTempDirectory(temp, "accounts");
        security = Security.open(accountsDir);
        TestAccounts.account(security, "quantri", Role.ADMIN, Clearance.TUYET_MAT);
        TestAccounts.account(security, "docgia", Role.READER, Clearance.NONE);
    }

    private Javalin app() {
        return WebServer.create(archive.search(), archive.store(), archive.references(), archive.corrections(), null,
                security);
    }

    private static Response post(HttpClient http, String path, String cookie, String form) {
        return http.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie));
    }

    /** Posts a form signed with the session's CSRF token in the hidden field, as the page's forms do. */
    private static Response submit(HttpClient http, String path, TestAccounts.Login as, String form) {
        return post(http, path, as.cookie(), form + "&_csrf=" + enc(as.csrf()));
    }

    private static String shownPassword(Response r) {
        Matcher m = PASSWORD.matcher(r.body().string());
        assertTrue(m.find(), "the page shows the generated password");
        return m.group(1);
    }

    private static String page(HttpClient http, String path, TestAccounts.Login as) {
        return http.request(path, b -> b.header("Cookie", as.cookie())).body().string();
    }

    @Test
    void every_admin_route_is_forbidden_to_non_admins_and_sends_visitors_to_the_login_page() {
        TestAccounts.account(security, "luutru", Role.ARCHIVIST, Clearance.TUYET_MAT);
        String before = security.users().find("docgia").orElseThrow().passwordHash();
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            for (String name : List.of("docgia", "luutru")) {
                var as = TestAccounts.login(security, client, name);
                Response get = anon.request("/admin/users", b -> b.header("Cookie", as.cookie()));
                assertEquals(403, get.code(), name + " GET");
                assertTrue(get.body().string().contains("Chỉ quản trị viên được quản lý tài khoản"), "a Vietnamese 403 page");
                for (String path : POSTS) {
                    Response r = submit(anon, path, as, "name=docgia&role=ADMIN&clearance=TUYET_MAT");
                    assertEquals(403, r.code(), name + " POST " + path + " with a valid CSRF token");
                }
                assertFalse(page(anon, "/", as).contains("href=\"/admin/users\""), "no header link for " + name);
            }
            Response visitor = anon.get("/admin/users");
            assertEquals(303, visitor.code());
            assertEquals("/login?next=" + enc("/admin/users"), visitor.headers().get("Location").getFirst());
            for (String path : POSTS) {
                assertEquals(401, post(anon, path, "", "name=docgia&role=ADMIN&clearance=TUYET_MAT").code(), path);
            }
            User docgia = security.users().find("docgia").orElseThrow();
            assertEquals(Role.READER, docgia.role(), "nothing was changed");
            assertEquals(Clearance.NONE, docgia.clearance());
            assertTrue(docgia.enabled());
            assertEquals(before, docgia.passwordHash(), "no password was reset");
            assertEquals(3, security.users().list().size(), "no account was created");
            var admin = TestAccounts.login(security, client, "quantri");
            String list = page(anon, "/admin/users", admin);
            assertTrue(list.contains("Quản lý tài khoản") && list.contains(">docgia</th>") && list.contains(">luutru</th>"));
            assertTrue(page(anon, "/", admin).contains("href=\"/admin/users\""), "the header links admins to the page");
            String english = page(anon, "/admin/users?lang=en", admin);
            assertTrue(english.contains("Account management") && english.contains("Top secret (Tuyệt mật)"), "English too");
        });
    }

    @Test
    void admin_forms_are_refused_without_the_sessions_csrf_token() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            var reader = TestAccounts.login(security, client, "docgia");
            String form = "name=ke-la&role=ADMIN&clearance=TUYET_MAT";
            assertEquals(403, post(anon, "/admin/users", admin.cookie(), form).code(), "no token");
            assertEquals(403, post(anon, "/admin/users", admin.cookie(), form + "&_csrf=" + enc(reader.csrf())).code(),
                    "another session's token");
            assertEquals(403, post(anon, "/admin/users", admin.cookie(), form + "&_csrf=sai").code(), "a made-up token");
            assertEquals(403, post(anon, "/admin/users/disable", admin.cookie(), "name=docgia").code());
            assertTrue(security.users().find("ke-la").isEmpty(), "no account was created");
            assertTrue(security.users().find("docgia").orElseThrow().enabled());
            assertTrue(page(anon, "/admin/users", admin).contains("name=\"_csrf\" value=\"" + admin.csrf() + "\""),
                    "the page's forms carry the token");
            assertEquals(200, submit(anon, "/admin/users", admin, form).code(), "with it the form works");
        });
    }

    @Test
    void an_account_created_on_the_page_logs_in_with_the_password_shown_once_and_is_audited() throws IOException {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            Response created = submit(anon, "/admin/users", admin, "name=" + enc("cán.bộ") + "&role=ARCHIVIST&clearance=MAT");
            assertEquals(200, created.code());
            assertTrue(created.headers().get("Cache-Control").getFirst().contains("no-store"));
            String password = shownPassword(created);
            assertTrue(password.length() >= 16, password);
            var fresh = TestAccounts.login(security, client, "cán.bộ", password);
            assertTrue(page(anon, "/", fresh).contains("Đăng xuất (cán.bộ)"));
            User u = security.users().find("cán.bộ").orElseThrow();
            assertEquals(Role.ARCHIVIST, u.role());
            assertEquals(Clearance.MAT, u.clearance());
            assertFalse(page(anon, "/admin/users", admin).contains(password), "shown once, not on the list");
            assertFalse(Files.readString(accountsDir.resolve(UserStore.FILE)).contains(password), "never stored in clear");
            String audit = String.join("\n", security.audit().lines());
            assertFalse(audit.contains(password), "never logged");
            assertTrue(audit.contains("\"user\":\"quantri\",\"action\":\"user-create\",\"target\":\"cán.bộ\""), audit);
            Response again = submit(anon, "/admin/users", admin, "name=" + enc("cán.bộ") + "&role=READER&clearance=NONE");
            assertEquals(409, again.code());
            assertTrue(again.body().string().contains("đã có người dùng"), "a duplicate name is refused clearly");
            Response bad = submit(anon, "/admin/users", admin, "name=x&role=THUKHO&clearance=NONE");
            assertEquals(400, bad.code());
            assertTrue(bad.body().string().contains("Vai trò không hợp lệ"));
            assertEquals(400, submit(anon, "/admin/users", admin, "name=x&role=READER&clearance=BIMAT").code());
            assertEquals(400, submit(anon, "/admin/users", admin, "name=" + enc("a b") + "&role=READER&clearance=NONE").code());
            assertTrue(security.users().find("x").isEmpty());
        });
    }

    @Test
    void disabling_an_account_ends_its_open_session_and_its_logins() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            var reader = TestAccounts.login(security, client, "docgia");
            assertTrue(page(anon, "/", reader).contains("Đăng xuất (docgia)"));
            Response off = submit(anon, "/admin/users/disable", admin, "name=docgia");
            assertEquals(303, off.code());
            assertTrue(page(anon, off.headers().get("Location").getFirst(), admin).contains("Đã khóa tài khoản docgia"));
            assertFalse(page(anon, "/", reader).contains("Đăng xuất"), "the open session has ended");
            assertEquals(401, submit(anon, "/logout", reader, "").code(), "its cookie no longer writes anything");
            Response login = anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "username=docgia&password=" + TestAccounts.PASSWORD)).header("Content-Type", "application/x-www-form-urlencoded"));
            assertEquals(401, login.code(), "a disabled account cannot log in");
            assertTrue(security.audit().lines().stream().anyMatch(l -> l.contains(
                    "\"user\":\"quantri\",\"action\":\"user-update\",\"target\":\"docgia\",\"detail\":\"disabled\"")));
            assertEquals(303, submit(anon, "/admin/users/enable", admin, "name=docgia").code());
            TestAccounts.login(security, client, "docgia");
            assertEquals(404, submit(anon, "/admin/users/disable", admin, "name=khong-co").code(), "an unknown user");
        });
    }

    @Test
    void lowering_a_clearance_hides_a_mat_document_from_that_users_next_search() {
        TestAccounts.account(security, "canbomat", Role.READER, Clearance.MAT);
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            var officer = TestAccounts.login(security, client, "canbomat");
            long everything = json(anon.request("/api/search", b -> b.header("Cookie", officer.cookie()))).path("total").asLong();
            assertEquals(1, json(anon.request("/api/search?q=" + SECRET_WORD, b -> b.header("Cookie", officer.cookie())))
                    .path("total").asLong(), "cleared for Mật, the officer finds it");
            assertEquals(200, anon.request("/documents/" + secretId, b -> b.header("Cookie", officer.cookie())).code());
            assertEquals(303, submit(anon, "/admin/users/update", admin, "name=canbomat&role=READER&clearance=NONE").code());
            var after = json(anon.request("/api/search", b -> b.header("Cookie", officer.cookie())));
            assertEquals(everything - 1, after.path("total").asLong(), "the same session, at its next request");
            long kinds = 0;
            for (var v : after.path("facets").path("kind")) {
                kinds += v.path("count").asLong();
            }
            assertEquals(everything - 1, kinds, "facet counts too");
            assertEquals(0, json(anon.request("/api/search?q=" + SECRET_WORD, b -> b.header("Cookie", officer.cookie())))
                    .path("total").asLong());
            assertEquals(404, anon.request("/documents/" + secretId, b -> b.header("Cookie", officer.cookie())).code());
            assertTrue(security.audit().lines().getLast().contains("\"detail\":\"clearance=NONE\""));
        });
    }

    @Test
    void the_last_enabled_admin_can_be_neither_disabled_nor_demoted() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            for (var attempt : List.of(new String[] {"/admin/users/disable", "name=quantri"},
                    new String[] {"/admin/users/update", "name=quantri&role=ARCHIVIST&clearance=TUYET_MAT"})) {
                Response r = submit(anon, attempt[0], admin, attempt[1]);
                assertEquals(409, r.code(), attempt[0]);
                assertTrue(r.body().string().contains("quản trị viên cuối cùng còn hoạt động"), "a clear message");
            }
            User still = security.users().find("quantri").orElseThrow();
            assertTrue(still.role() == Role.ADMIN && still.enabled());
            // a disabled admin does not count as a second one
            assertEquals(200, submit(anon, "/admin/users", admin, "name=phoquantri&role=ADMIN&clearance=NONE").code());
            assertEquals(303, submit(anon, "/admin/users/disable", admin, "name=phoquantri").code());
            assertEquals(409, submit(anon, "/admin/users/disable", admin, "name=quantri").code());
            assertEquals(303, submit(anon, "/admin/users/enable", admin, "name=phoquantri").code());
            assertEquals(303, submit(anon, "/admin/users/update", admin, "name=quantri&role=READER&clearance=NONE").code(),
                    "with another admin enabled, the first may step down");
            assertEquals(403, anon.request("/admin/users", b -> b.header("Cookie", admin.cookie())).code(),
                    "and loses the page at the next request");
        });
    }

    @Test
    void a_password_reset_shows_a_new_password_once_and_ends_the_old_one_and_its_sessions() {
        JavalinTest.test(app(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            var admin = TestAccounts.login(security, client, "quantri");
            var reader = TestAccounts.login(security, client, "docgia");
            Response r = submit(anon, "/admin/users/reset-password", admin, "name=docgia");
            assertEquals(200, r.code());
            String password = shownPassword(r);
            assertFalse(page(anon, "/", reader).contains("Đăng xuất"), "sessions opened with the old password end");
            assertEquals(401, anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "username=docgia&password=" + TestAccounts.PASSWORD)).header("Content-Type", "application/x-www-form-urlencoded")).code());
            assertNotNull(TestAccounts.login(security, client, "docgia", password));
            String audit = String.join("\n", security.audit().lines());
            assertTrue(audit.contains("\"user\":\"quantri\",\"action\":\"user-reset-password\",\"target\":\"docgia\""));
            assertFalse(audit.contains(password));
        });
    }

    /** Keeps the audit log's file name in sight: the account pages write to the same log as views and edits. */
    @Test
    void account_changes_go_to_the_archives_audit_log_file() throws IOException {
        security.accounts().update("quantri", "docgia", null, Clearance.MAT, null);
        List<String> lines = Files.readAllLines(accountsDir.resolve(AuditLog.FILE));
        assertTrue(lines.getLast().contains("\"action\":\"user-update\",\"target\":\"docgia\",\"detail\":\"clearance=MAT\""));
    }
}
