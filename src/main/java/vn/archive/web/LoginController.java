package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.search.SearchService;
import vn.archive.security.Role;
import vn.archive.security.Security;
import vn.archive.security.Sessions;
import vn.archive.security.User;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Login, logout and access: before every request it finds the session and the viewer's view of the archive; before
 * every matched route it enforces the route's declared {@link Access}: refuses writes to anyone but an archivist or
 * admin, checks the CSRF token of every write, and (when anonymous reading is off) sends visitors to the login page.
 */
final class LoginController {
    /** The session cookie. */
    static final String COOKIE = "sid";
    /** Header carrying the CSRF token for JSON and multipart API calls. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Form field carrying the CSRF token. */
    static final String CSRF_FIELD = "_csrf";
    private static final String VIEWER = "viewer";
    private static final String SEARCH = "search";

    /**
     * Who is asking.
     *
     * @param user    the logged-in account, or null for an anonymous visitor
     * @param session the session, or null
     */
    record Viewer(User user, Sessions.Session session, Security security) {
        Clearance clearance() {
            return user == null ? Clearance.NONE : user.clearance();
        }

        String name() {
            return user == null ? null : user.name();
        }

        /** Records a view or download of a classified document in the audit log. */
        void auditIfClassified(ArchivedDocument doc, String action) {
            if (Clearance.ofClassification(doc.metadata().classification()) != Clearance.NONE) {
                security.audit().record(name(), action, doc.id(), doc.metadata().classification());
            }
        }
    }

    private final Security security;
    private final Views views;
    private final SearchService search;

    LoginController(Security security, Views views, SearchService search) {
        this.security = security;
        this.views = views;
        this.search = search;
    }

    /** The viewer of a request (anonymous when the guard did not run). */
    static Viewer viewer(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        if (v == null) {
            throw new IllegalStateException("The login guard did not run for " + ctx.path());
        }
        return v;
    }

    /** The archive as the request's viewer may see it: the search service restricted to their clearance. */
    static SearchService search(Context ctx) {
        SearchService s = ctx.attribute(SEARCH);
        if (s == null) {
            throw new IllegalStateException("The login guard did not run for " + ctx.path());
        }
        return s;
    }

    /** The CSRF token to put in this request's forms, or "" when not logged in. */
    static String csrf(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v == null || v.session() == null ? "" : v.session().csrf();
    }

    /** Whether the request's viewer is an admin, for the header's link to account management. */
    /** Whether the viewer may import and correct (an archivist or admin), so pages offer those forms. */
    static boolean viewerCanWrite(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v != null && v.user() != null && v.user().role().canWrite();
    }

    static boolean viewerIsAdmin(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v != null && v.user() != null && v.user().role() == Role.ADMIN;
    }

    /** The logged-in user's name for the page header, or "". */
    static String viewerName(Context ctx) {
        Viewer v = ctx.attribute(VIEWER);
        return v == null || v.name() == null ? "" : v.name();
    }

    /**
     * Finds who is asking (before every request, matched or not, so that error pages know the viewer too) and puts
     * the search service restricted to their clearance on the request.
     */
    void identify(Context ctx) {
        Optional<Sessions.Session> session = security.sessions().find(ctx.cookie(COOKIE));
        User user = session.flatMap(s -> security.users().find(s.user())).orElse(null);
        if (user != null && !user.enabled()) {
            // disabled meanwhile (maybe by the users verb in another process): the session ends here
            security.sessions().end(session.get().id());
            user = null;
        }
        Viewer viewer = new Viewer(user, user == null ? null : session.get(), security);
        ctx.attribute(VIEWER, viewer);
        ctx.attribute(SEARCH, search.restrictedTo(viewer.clearance()));
    }

    /**
     * The access check of every matched route, from the one {@link Access} role it declares: login, role, and the
     * CSRF token of every write. A route without a role is refused.
     */
    void check(Context ctx) {
        Access access = accessOf(ctx.routeRoles()).orElseThrow(() -> new ForbiddenResponse(
                "Đường dẫn chưa khai báo quyền truy cập (route declares no access)"));
        Viewer viewer = viewer(ctx);
        User user = viewer.user();
        boolean write = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")
                && !ctx.method().name().equals("OPTIONS");
        if (access == Access.LOCAL) {
            return; // no session: the local import channel checks its own secret and that the request is local
        }
        if (access == Access.PUBLIC) {
            if (write && !sameOrigin(ctx)) {
                throw new ForbiddenResponse("Yêu cầu không cùng nguồn (cross-origin request refused)");
            }
            return;
        }
        if (user == null && (write || access.needsLogin(security.anonymousRead()))) {
            if (!write && !ctx.path().startsWith("/api/")) {
                ctx.redirect("/login?next=" + Views.encode(ctx.path()), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("Cần đăng nhập (login required)");
        }
        if (access == Access.ADMIN && user.role() != Role.ADMIN) {
            throw new ForbiddenResponse("Chỉ quản trị viên được quản lý tài khoản (admins only)");
        }
        if (access == Access.ARCHIVIST_READ && (user == null || !user.role().canWrite())) {
            // a batch lists the files and documents it imported, classified ones included
            throw new NotFoundResponse("Không tìm thấy đợt nhập (no such import batch)");
        }
        if (write) {
            String token = ctx.header(CSRF_HEADER);
            if (token == null && isForm(ctx)) {
                token = ctx.formParam(CSRF_FIELD);
            }
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    viewer.session().csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new ForbiddenResponse("Thiếu hoặc sai mã chống giả mạo yêu cầu (missing or wrong CSRF token)");
            }
        }
        if ((access == Access.ARCHIVIST || (write && access == Access.READ)) && !user.role().canWrite()) {
            throw new ForbiddenResponse("Chỉ cán bộ lưu trữ được thay đổi kho (archivists only)");
        }
    }

    /** The one {@link Access} among a route's roles, or empty when it declares none (or several). */
    static Optional<Access> accessOf(Set<? extends RouteRole> roles) {
        List<Access> found = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    void page(Context ctx) {
        render(ctx, null);
    }

    void login(Context ctx) {
        String name = ctx.formParam("username");
        String password = ctx.formParam("password");
        String nameKey = "user:" + (name == null ? "" : name.strip());
        String ipKey = "ip:" + ctx.ip();
        if (security.throttle().blocked(nameKey) || security.throttle().blocked(ipKey)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            render(ctx, Messages.get(Messages.locale(Messages.language(ctx)), "login.throttled"));
            return;
        }
        Optional<User> user = security.users().authenticate(name == null ? null : name.strip(), password);
        if (user.isEmpty()) {
            security.throttle().failed(nameKey);
            security.throttle().failed(ipKey);
            security.audit().record(name, "login-failed", "-", ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, Messages.get(Messages.locale(Messages.language(ctx)), "login.failed"));
            return;
        }
        security.throttle().succeeded(nameKey);
        security.throttle().succeeded(ipKey);
        Sessions.Session s = security.sessions().start(user.get().name());
        security.audit().record(user.get().name(), "login", "-", ctx.ip());
        sessionCookie(ctx, s);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        Viewer v = viewer(ctx);
        if (v.session() != null) {
            security.sessions().end(v.session().id());
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** Gives the browser this session's cookie. */
    static void sessionCookie(Context ctx, Sessions.Session s) {
        ctx.header("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
    }

    private void render(Context ctx, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("loginError", error);
        model.put("next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")));
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "login.title"));
        ctx.html(views.render(ctx, "login", model));
    }

    /** Only local paths, so the login page cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    /** A login form posted from another site is refused (login CSRF); no Origin header means a non-browser client. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
