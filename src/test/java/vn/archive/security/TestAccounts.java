package vn.archive.security;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Request;
import io.javalin.testtools.Response;
import vn.archive.model.Clearance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Test accounts and logging in through the real login form, so tests write the way an archivist does. */
public final class TestAccounts {
    /** The password of every test account. */
    public static final String PASSWORD = "mat-khau-thu-nghiem";

    private TestAccounts() {
    }

    /**
     * A logged-in session: its cookie and CSRF token.
     *
     * @param cookie value for the Cookie header
     * @param csrf   the session's CSRF token
     */
    public record Login(String cookie, String csrf) {
        /** Adds the session cookie and CSRF header to a request. */
        public Request.Builder sign(Request.Builder b) {
            return b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        }
    }

    /** Creates (or replaces) an account. */
    public static void account(Security security, String name, Role role, Clearance clearance) {
        try {
            security.users().put(name, role, clearance, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an archivist cleared for everything and logs in as them. */
    public static Login archivist(Security security, HttpClient client) {
        account(security, "luutru", Role.ARCHIVIST, Clearance.TUYET_MAT);
        return login(security, client, "luutru");
    }

    /** Logs in through {@code POST /login}. */
    public static Login login(Security security, HttpClient client, String name) {
        return login(security, client, name, PASSWORD);
    }

    /** Logs in through {@code POST /login} with this password (a generated one). */
    public static Login login(Security security, HttpClient client, String name, String password) {
        Response r = client.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                        "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(303, r.code(), "login of " + name);
        String setCookie = r.headers().get("Set-Cookie").getFirst();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String sid = cookie.substring(cookie.indexOf('=') + 1);
        var session = security.sessions().find(sid).orElse(null);
        assertNotNull(session, "session of " + name);
        return new Login(cookie, session.csrf());
    }
}
