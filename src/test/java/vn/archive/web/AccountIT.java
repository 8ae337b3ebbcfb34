package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.model.Clearance;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /account}: every logged-in user changes their own password; sessions survive a restart. */
class AccountIT {
    @TempDir
    Path temp;
    private Archive archive;

    @BeforeEach
    void open() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        TestAccounts.account(archive.security(), "docgia", Role.READER, Clearance.NONE);
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    private static Response change(io.javalin.testtools.HttpClient client, TestAccounts.Login as, String current,
                                   String chosen, String repeated) {
        String form = "_csrf=" + as.csrf() + "&current=" + enc(current) + "&password=" + enc(chosen)
                + "&repeat=" + enc(repeated);
        return client.request(AccountController.PATH, b -> b.post(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", as.cookie()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void a_reader_changes_their_own_password_and_stays_logged_in_while_other_sessions_end() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            var here = TestAccounts.login(archive.security(), client, "docgia");
            var elsewhere = TestAccounts.login(archive.security(), client, "docgia");
            String page = anon.request("/account", b -> b.header("Cookie", here.cookie())).body().string();
            assertTrue(page.contains("Đổi mật khẩu") && page.contains("docgia"), page);
            assertTrue(page.contains("<a href=\"/account\" aria-current=\"page\">"), "the header marks the page");

            Response wrong = change(anon, here, "khong-dung", "mat-khau-moi-123", "mat-khau-moi-123");
            assertEquals(403, wrong.code());
            assertTrue(wrong.body().string().contains("Mật khẩu hiện tại không đúng"));
            Response mismatch = change(anon, here, TestAccounts.PASSWORD, "mat-khau-moi-123", "mat-khau-moi-124");
            assertEquals(400, mismatch.code());
            assertTrue(mismatch.body().string().contains("không khớp"));
            assertEquals(400, change(anon, here, TestAccounts.PASSWORD, "ngan", "ngan").code());

            Response done = change(anon, here, TestAccounts.PASSWORD, "mat-khau-moi-123", "mat-khau-moi-123");
            assertEquals(303, done.code());
            String fresh = done.headers().get("Set-Cookie").getFirst();
            String cookie = fresh.substring(0, fresh.indexOf(';'));
            assertTrue(anon.request("/account?done", b -> b.header("Cookie", cookie)).body().string()
                    .contains("Đã đổi mật khẩu"), "the person who changed it stays logged in");
            assertEquals(303, anon.request("/account", b -> b.header("Cookie", elsewhere.cookie())).code(),
                    "the account's other sessions ended");
            TestAccounts.login(archive.security(), client, "docgia", "mat-khau-moi-123");
            assertTrue(archive.security().users().authenticate("docgia", TestAccounts.PASSWORD).isEmpty());
        });
    }

    @Test
    void a_visitor_is_sent_to_log_in_and_back_and_cannot_post() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            Response page = anon.get("/account");
            assertEquals(303, page.code());
            assertEquals("/login?next=%2Faccount", page.headers().get("Location").getFirst());
            assertEquals(401, anon.request("/account", b -> b.post(HttpRequest.BodyPublishers.ofString(
                    "current=x&password=yyyyyyyyyy&repeat=yyyyyyyyyy"))
                    .header("Content-Type", "application/x-www-form-urlencoded")).code());
        });
    }

    @Test
    void a_session_survives_a_restart_of_the_portal() throws IOException {
        TestAccounts.Login[] as = new TestAccounts.Login[1];
        JavalinTest.test(archive.webApp(), (server, client) -> as[0] = TestAccounts.login(archive.security(), client,
                "docgia"));
        archive.close();
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = SecurityIT.anonymous(server);
            Response page = anon.request("/account", b -> b.header("Cookie", as[0].cookie()));
            assertEquals(200, page.code(), "still logged in after the restart");
            assertTrue(page.body().string().contains("docgia"));
        });
    }
}
