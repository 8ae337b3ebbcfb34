package vn.archive.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.security.Security;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route of the real app, walked from the router itself, so that a route added later is checked too: each
 * declares its {@link Access}, every write and admin route declares one that needs a login, and an anonymous
 * request to each is turned away.
 */
class RouteAccessIT {
    /** What a write may declare: each needs a login (the login form itself aside). */
    private static final Set<Access> WRITE_ACCESS = EnumSet.of(Access.ARCHIVIST, Access.ADMIN, Access.SIGNED_IN);

    @TempDir
    Path temp;
    private Archive archive;

    @BeforeEach
    void open() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    @Test
    void every_write_and_admin_route_declares_a_role_that_needs_a_login_and_turns_anonymous_visitors_away() {
        Javalin app = archive.webApp();
        List<Route> routes = routes(app);
        assertTrue(routes.stream().anyMatch(r -> r.access() == Access.ADMIN), "the walk sees the admin routes");
        assertTrue(routes.stream().anyMatch(r -> r.method().equals(HandlerType.POST)), "and the writes");
        JavalinTest.test(app, (server, client) -> {
            HttpClient anonymous = SecurityIT.anonymous(server);
            List<String> open = new ArrayList<>();
            for (Route r : routes) {
                boolean write = !r.method().equals(HandlerType.GET);
                if (r.path().equals("/login")) {
                    assertEquals(Access.PUBLIC, r.access(), "only the login page and form are public");
                    continue;
                }
                assertFalse(r.access() == Access.PUBLIC, r + " is public");
                if (r.access() == Access.LOCAL) {
                    // the import verb's channel: no session, but nothing without the portal's own secret
                    int code = request(anonymous, r).code();
                    assertTrue(code == 403 || code == 404, r + " answered " + code + " without the secret");
                    continue;
                }
                if (write) {
                    assertTrue(WRITE_ACCESS.contains(r.access()), r + " is a write without a login role");
                }
                if (!write && r.access() == Access.READ) {
                    continue; // anonymous reading is on in this archive
                }
                Response answer = request(anonymous, r);
                int code = answer.code();
                boolean turnedAway = code == 401 || (code == 303 && String.valueOf(answer.headers().get("Location"))
                        .contains("/login")) || (code == 404 && r.access() == Access.ARCHIVIST_READ);
                if (!turnedAway) {
                    open.add(r + " answered " + code);
                }
            }
            assertTrue(open.isEmpty(), "open to anonymous visitors: " + open);
        });
    }

    @Test
    void with_anonymous_reading_off_no_route_but_the_login_page_answers_an_anonymous_visitor() throws IOException {
        Security closed = Security.open(temp.resolve("data"), false);
        Javalin app = WebServer.create(archive.search(), archive.store(), archive.references(), archive.corrections(),
                new Uploads((inputs, listener) -> archive.pipeline().run(inputs, listener), temp.resolve("uploads"),
                        Uploads.DEFAULT_MAX_BYTES), closed);
        List<Route> routes = routes(app);
        JavalinTest.test(app, (server, client) -> {
            HttpClient anonymous = SecurityIT.anonymous(server);
            List<String> open = new ArrayList<>();
            for (Route r : routes) {
                if (r.path().equals("/login")) {
                    continue;
                }
                int code = request(anonymous, r).code();
                boolean localRefused = r.access() == Access.LOCAL && (code == 403 || code == 404);
                if (code != 401 && code != 303 && !localRefused) {
                    open.add(r + " answered " + code);
                }
            }
            assertTrue(open.isEmpty(), "open to anonymous visitors: " + open);
            assertEquals(200, anonymous.get("/assets/style.css").code(), "the login page's style is public");
        });
    }

    @Test
    void an_app_with_a_route_that_declares_no_role_is_refused_when_it_is_built() {
        Javalin forgetful = Javalin.create(config -> config.routes.post("/api/forgotten", ctx -> ctx.result("written")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WebServer.requireAccessOnEveryRoute(forgetful));
        assertTrue(e.getMessage().contains("POST /api/forgotten"), e.getMessage());
    }

    private record Route(HandlerType method, String path, Access access) {
        String samplePath() {
            return path.replaceAll("\\{[^}]+}|<[^>]+>", "x");
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + access + ")";
        }
    }

    private static List<Route> routes(Javalin app) {
        List<Route> out = new ArrayList<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint e = p.endpoint;
            if (!e.method.isHttpMethod()) {
                continue;
            }
            Roles roles = e.metadata(Roles.class);
            Access access = roles == null ? null : LoginController.accessOf(roles.getRoles()).orElse(null);
            assertTrue(access != null, e.method + " " + e.path + " declares no Access");
            out.add(new Route(e.method, e.path, access));
        }
        return out;
    }

    private static Response request(HttpClient client, Route r) {
        if (r.method().equals(HandlerType.GET)) {
            return client.get(r.samplePath());
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("x=1");
        return client.request(r.samplePath(), b -> {
            switch (r.method().name()) {
                case "POST" -> b.post(body);
                case "PUT" -> b.put(body);
                case "PATCH" -> b.patch(body);
                case "DELETE" -> b.delete(body);
                default -> throw new AssertionError("no request for " + r);
            }
            b.header("Content-Type", "application/x-www-form-urlencoded");
        });
    }
}
