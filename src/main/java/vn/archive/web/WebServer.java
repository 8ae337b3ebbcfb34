package vn.archive.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.ingest.ContentStore;
import vn.archive.curation.Corrections;
import vn.archive.search.ReferenceGraph;
import vn.archive.search.SearchService;
import vn.archive.security.Security;

import java.util.LinkedHashMap;
import java.util.Map;

/** All Javalin wiring: routes, JSON, static assets and error handling. Controllers only do HTTP in and out. */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    /** The JSON mapper of the API: ISO dates, nulls written out. */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Creates the app (not started), without references, corrections or uploads. */
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
            return new Security(vn.archive.security.UserStore.open(store.dataDir().resolve("no-accounts")),
                    new vn.archive.security.AuditLog(store.dataDir(), java.time.Clock.systemUTC()), true,
                    java.time.Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Creates the app (not started): every request passes the login guard, and every answer shows only what the
     * viewer's clearance allows.
     */
    public static Javalin create(SearchService search, ContentStore store, ReferenceGraph graph,
                                 Corrections corrections, Uploads uploads, Security security) {
        Views views = new Views();
        LoginController login = new LoginController(security, views);
        ObjectMapper json = objectMapper();
        ReferenceController refs = new ReferenceController(graph, views, search, store == null
                ? vn.archive.graph.TrackingMarks.none()
                : new vn.archive.graph.TrackingMarks(store.dataDir().resolve("tracking-marks.tsv")));
        TrackingController tracking = new TrackingController(refs, views);
        PageController pages = new PageController(search, store, views, refs);
        ApiController api = new ApiController(search, refs);
        CorrectionController fixes = corrections == null ? null : new CorrectionController(corrections, views, search);
        ExportController export = new ExportController(search, json);
        ImportBatches batches = uploads == null ? null : new ImportBatches(uploads.importer(), uploads.folder());
        long maxUpload = uploads == null ? Uploads.DEFAULT_MAX_BYTES : uploads.maxBytes();
        ImportController imports = new ImportController(batches, maxUpload, views);
        AdminController admin = new AdminController(security.accounts(), views);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
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
            config.routes.before(login::guard);
            config.routes.get("/login", login::page);
            config.routes.post("/login", login::login);
            config.routes.post("/logout", login::logout);
            config.routes.get("/", pages::searchPage);
            config.routes.get("/documents/{id}", pages::documentPage);
            config.routes.get("/documents/{id}/original", pages::original);
            config.routes.get("/documents/{id}/text", pages::text);
            config.routes.get("/browse/issuers", pages::browseIssuers);
            config.routes.get("/browse/years", pages::browseYears);
            config.routes.get("/browse/kinds", pages::browseKinds);
            config.routes.get("/import", imports::page);
            config.routes.post("/import", imports::upload);
            config.routes.get("/import/{id}", imports::batchPage);
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/documents/{id}", api::document);
            config.routes.get("/references/<number>", refs::numberPage);
            config.routes.get("/api/references/<number>/implementations", refs::implementationsApi);
            config.routes.get("/api/references/<number>/tracking.csv", tracking::csv);
            config.routes.get("/api/references/<number>/tracking.docx", tracking::docx);
            config.routes.get("/api/references/<number>/tracking.pdf", tracking::pdf);
            config.routes.get("/api/references/<number>/tracking", tracking::api);
            config.routes.get("/tracking", tracking::overduePage);
            config.routes.post("/api/references/<number>/tracking/marks", tracking::markPost);
            config.routes.get("/api/tracking", tracking::overdueApi);
            if (fixes != null) {
                config.routes.post("/documents/{id}/corrections", fixes::formPost);
                config.routes.get("/documents/{id}/corrections", fixes::historyPage);
                config.routes.post("/api/documents/{id}/corrections", fixes::apiPost);
                config.routes.get("/api/documents/{id}/corrections", fixes::apiHistory);
            }
            config.routes.get("/api/documents/{id}/similar", api::similar);
            config.routes.get("/api/browse/{dimension}", api::browse);
            config.routes.get("/api/export.csv", export::csv);
            config.routes.get("/api/export.json", export::json);
            config.routes.post("/api/imports", imports::uploadApi);
            config.routes.get("/api/imports/{id}", imports::batchJson);
            config.routes.get("/api/openapi.json", api::openApi);
            config.routes.get(AdminController.USERS, admin::list);
            config.routes.post(AdminController.USERS, admin::create);
            config.routes.post(AdminController.USERS + "/update", admin::update);
            config.routes.post(AdminController.USERS + "/enable", admin::enable);
            config.routes.post(AdminController.USERS + "/disable", admin::disable);
            config.routes.post(AdminController.USERS + "/reset-password", admin::resetPassword);

            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, views, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Request {} failed", ctx.path(), e);
                error(ctx, views, 500, "Lỗi máy chủ, vui lòng thử lại (internal error)");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, views, 404, "Không tìm thấy trang (not found)");
                }
            });
        });
    }

    private static void error(Context ctx, Views views, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.json(body);
        } else {
            ctx.html(views.render(ctx, Views.ERROR, Map.of("status", status, "message", message,
                    "pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "error.title", status))));
        }
    }
}
