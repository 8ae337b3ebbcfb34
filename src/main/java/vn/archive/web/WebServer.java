package vn.archive.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.config.Json;
import vn.archive.graph.TrackingMarks;
import vn.archive.security.AuditLog;
import vn.archive.security.UserStore;
import vn.archive.storage.ContentStore;
import vn.archive.curation.Corrections;
import vn.archive.graph.ReferenceGraph;
import vn.archive.search.SearchService;
import vn.archive.security.Security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** All Javalin wiring: routes, JSON, static assets and error handling. Controllers only do HTTP in and out. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    /** Creates the app (not started), without references, corrections or uploads. */
    private static final String NOT_FOUND = "Không tìm thấy trang (not found)";

    public static Javalin create(SearchService search, ContentStore store) {
        return create(search, store, ReferenceGraph.EMPTY, null, null);
    }

    /** Creates the app (not started); with uploads, the import page runs batches in the background. */
    public static Javalin create(SearchService search, ContentStore store, Uploads uploads) {
        return create(search, store, ReferenceGraph.EMPTY, null, uploads);
    }

    /**
     * Creates the app (not started) with cross-references resolved by this graph. Corrections may be null when the
     * archive takes none; uploads may be null, and then the import page says so.
     */
    public static Javalin create(SearchService search, ContentStore store, ReferenceGraph graph,
                                 Corrections corrections, Uploads uploads) {
        return create(search, store, graph, corrections, uploads, noAccounts(store));
    }

    /** Creates the app (not started) with uploads, guarded by this security. */
    public static Javalin create(SearchService search, ContentStore store, Uploads uploads, Security security) {
        return create(search, store, ReferenceGraph.EMPTY, null, uploads, security);
    }

    /** An app built without accounts can be read anonymously but never written: no one can log in. */
    private static Security noAccounts(ContentStore store) {
        try {
            return new Security(UserStore.open(store.dataDir().resolve("no-accounts")),
                    new AuditLog(store.dataDir(), Clock.systemUTC()), true,
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the app (not started): every request passes the login guard, and every answer shows only what the
     * viewer's clearance allows.
     */
    public static Javalin create(SearchService search, ContentStore store, ReferenceGraph graph,
                                 Corrections corrections, Uploads uploads, Security security) {
        Views views = new Views();
        LoginController login = new LoginController(security, views, search);
        ObjectMapper json = Json.MAPPER;
        ReferenceController refs = new ReferenceController(graph, views, store == null
                ? TrackingMarks.none()
                : new TrackingMarks(store.dataDir().resolve("tracking-marks.tsv")));
        TrackingController tracking = new TrackingController(refs, views);
        WithdrawalController withdrawals = corrections == null ? null : new WithdrawalController(corrections, views);
        PageController pages = new PageController(store, views, refs, withdrawals);
        ApiController api = new ApiController(refs);
        CorrectionController fixes = corrections == null ? null : new CorrectionController(corrections, views,
                pages::refusedCorrection, withdrawals);
        ExportController export = new ExportController(json);
        ImportBatches batches = uploads == null ? null : new ImportBatches(uploads.importer(), uploads.folder());
        long maxUpload = uploads == null ? Uploads.DEFAULT_MAX_BYTES : uploads.maxBytes();
        ImportController imports = new ImportController(batches, uploads == null ? null : uploads.importer(), maxUpload,
                views);
        LocalImports local = new LocalImports(batches, uploads == null ? null : uploads.localToken(),
                corrections);
        AdminController admin = new AdminController(security.accounts(), views);
        AccountController account = new AccountController(security, views);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.PUBLIC); // style and script: the login page needs them too
            });
            config.http.defaultContentType = "text/plain; charset=utf-8";
            config.jetty.multipartConfig.maxFileSize(maxUpload, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUpload, SizeUnit.BYTES);
            if (batches != null) {
                config.events.serverStopped(batches::close);
            }
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            });
            config.routes.before(login::identify);
            config.routes.beforeMatched(login::check);
            config.routes.get("/login", login::page, Access.PUBLIC);
            config.routes.post("/login", login::login, Access.PUBLIC);
            config.routes.post("/logout", login::logout, Access.SIGNED_IN);
            config.routes.get(AccountController.PATH, account::page, Access.SIGNED_IN);
            config.routes.post(AccountController.PATH, account::changePassword, Access.SIGNED_IN);
            config.routes.get("/", pages::searchPage, Access.READ);
            config.routes.get("/documents/{id}", pages::documentPage, Access.READ);
            config.routes.get("/documents/{id}/original", pages::original, Access.READ);
            config.routes.get("/documents/{id}/pdfa", pages::pdfa, Access.READ);
            config.routes.get("/api/export.package.zip", new PackageController(search, store)::export,
                    Access.ARCHIVIST);
            config.routes.get("/documents/{id}/text", pages::text, Access.READ);
            config.routes.get("/browse/issuers", pages::browseIssuers, Access.READ);
            config.routes.get("/browse/years", pages::browseYears, Access.READ);
            config.routes.get("/browse/kinds", pages::browseKinds, Access.READ);
            config.routes.get("/import", imports::page, Access.READ);
            config.routes.post("/import", imports::upload, Access.ARCHIVIST);
            config.routes.get("/import/{id}", imports::batchPage, Access.ARCHIVIST_READ);
            config.routes.get("/api/search", api::search, Access.READ);
            config.routes.get("/api/documents/{id}", api::document, Access.READ);
            config.routes.get("/references/<number>", refs::numberPage, Access.READ);
            config.routes.get("/api/references/<number>/implementations", refs::implementationsApi, Access.READ);
            config.routes.get("/api/references/<number>/tracking.csv", tracking::csv, Access.READ);
            config.routes.get("/api/references/<number>/tracking.docx", tracking::docx, Access.READ);
            config.routes.get("/api/references/<number>/tracking.pdf", tracking::pdf, Access.READ);
            config.routes.get("/api/references/<number>/tracking", tracking::api, Access.READ);
            // tracking one directive by id: its number may be shared by namesakes elsewhere (API.md)
            config.routes.get("/documents/{id}/tracking", refs::directivePage, Access.READ);
            config.routes.get("/api/documents/{id}/tracking.csv", tracking::csv, Access.READ);
            config.routes.get("/api/documents/{id}/tracking.docx", tracking::docx, Access.READ);
            config.routes.get("/api/documents/{id}/tracking.pdf", tracking::pdf, Access.READ);
            config.routes.get("/api/documents/{id}/tracking", tracking::api, Access.READ);
            config.routes.get("/tracking", tracking::overduePage, Access.READ);
            config.routes.post("/api/references/<number>/tracking/marks", tracking::markPost, Access.ARCHIVIST);
            config.routes.post("/api/documents/{id}/tracking/marks", tracking::markPost, Access.ARCHIVIST);
            config.routes.get("/api/tracking", tracking::overdueApi, Access.READ);
            if (fixes != null) {
                config.routes.post("/documents/{id}/corrections", fixes::formPost, Access.ARCHIVIST);
                config.routes.post("/documents/{id}/withdraw", withdrawals::formPost, Access.ARCHIVIST);
                config.routes.get(WithdrawalController.LIST, withdrawals::list, Access.ARCHIVIST);
                config.routes.get("/documents/{id}/corrections", fixes::historyPage, Access.READ);
                config.routes.post("/api/documents/{id}/corrections", fixes::apiPost, Access.ARCHIVIST);
                config.routes.get("/api/documents/{id}/corrections", fixes::apiHistory, Access.READ);
            }
            config.routes.get("/api/documents/{id}/similar", api::similar, Access.READ);
            config.routes.get("/api/browse/{dimension}", api::browse, Access.READ);
            config.routes.get("/api/export.csv", export::csv, Access.READ);
            config.routes.get("/api/export.json", export::json, Access.READ);
            config.routes.post("/api/imports", imports::uploadApi, Access.ARCHIVIST);
            config.routes.get("/api/imports/{id}", imports::batchJson, Access.ARCHIVIST_READ);
            config.routes.post(LocalImports.PREFIX, local::start, Access.LOCAL);
            config.routes.get(LocalImports.PREFIX + "/{id}", local::follow, Access.LOCAL);
            config.routes.post(LocalImports.WITHDRAWALS, local::withdraw, Access.LOCAL);
            config.routes.get("/api/openapi.json", api::openApi, Access.READ);
            config.routes.get(AdminController.USERS, admin::list, Access.ADMIN);
            config.routes.post(AdminController.USERS, admin::create, Access.ADMIN);
            config.routes.post(AdminController.USERS + "/update", admin::update, Access.ADMIN);
            config.routes.post(AdminController.USERS + "/enable", admin::enable, Access.ADMIN);
            config.routes.post(AdminController.USERS + "/disable", admin::disable, Access.ADMIN);
            config.routes.post(AdminController.USERS + "/reset-password", admin::resetPassword, Access.ADMIN);

            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, views, e.getStatus(),
                    // Javalin's own answer to an unknown route is English ("Endpoint GET /x not found")
                    e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ") ? NOT_FOUND : e.getMessage()));
            // a backend that cannot answer a valid request says so in words (the in-force filter on SolrCloud)
            config.routes.exception(UnsupportedOperationException.class, (e, ctx) -> {
                if (e.getMessage() == null) {
                    LOG.error("Request {} failed", ctx.path(), e);
                    error(ctx, views, 500, "Lỗi máy chủ, vui lòng thử lại (internal error)");
                } else {
                    error(ctx, views, 400, e.getMessage());
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} failed", ctx.path(), e);
                error(ctx, views, 500, "Lỗi máy chủ, vui lòng thử lại (internal error)");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, views, 404, NOT_FOUND);
                }
            });
        });
        requireAccessOnEveryRoute(app);
        return app;
    }

    /** Refuses an app with a route that declares no {@link Access}: it would be open to anyone by mistake. */
    static void requireAccessOnEveryRoute(Javalin app) {
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = e.endpoint;
            if (!endpoint.method.isHttpMethod()) {
                continue;
            }
            Roles roles = endpoint.metadata(Roles.class);
            if (roles == null || LoginController.accessOf(roles.getRoles()).isEmpty()) {
                throw new IllegalStateException("Route " + endpoint.method + " " + endpoint.path
                        + " declares no Access role, expected one of " + Arrays.toString(Access.values()));
            }
        }
    }

    private static void error(Context ctx, Views views, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.json(body);
        } else {
            String language = Messages.language(ctx);
            String next = ctx.method().name().equals("GET") ? ctx.path() : "/";
            ctx.html(views.render(ctx, Views.ERROR, Map.of("status", status,
                    "message", Messages.inLanguage(message, language), "next", next,
                    "pageTitle", Messages.get(Messages.locale(language), "error.title", status))));
        }
    }
}
