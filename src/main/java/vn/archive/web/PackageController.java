package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import vn.archive.archival.ArchivalPackage;
import vn.archive.curation.CorrectionStore;
import vn.archive.storage.ContentStore;
import vn.archive.model.Clearance;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The portal's archival package export: an archivist's search, with what the archivist's clearance may see. */
final class PackageController {
    private final SearchService search;
    private final ContentStore store;

    PackageController(SearchService search, ContentStore store) {
        this.search = search;
        this.store = store;
    }

    void export(Context ctx) throws IOException {
        LoginController.Viewer viewer = LoginController.viewer(ctx);
        if (viewer.user() == null) {
            throw new UnauthorizedResponse("Cần đăng nhập (login required)");
        }
        if (!viewer.user().role().canWrite()) {
            throw new ForbiddenResponse("Chỉ cán bộ lưu trữ được xuất gói lưu trữ (archivists only)");
        }
        SearchRequest request = SearchParams.read(ctx, PageController.PAGE_SIZE);
        Clearance clearance = viewer.clearance();
        SearchService view = search.restrictedTo(clearance);
        Path tmp = Files.createTempFile("package-", ".zip");
        try {
            ArchivalPackage.Summary s = ArchivalPackage.export(view, store, new CorrectionStore(store.dataDir()),
                    clearance, request, null, new ArchivalPackage.FileLabel(label(ctx, "fileCode", 50),
                            label(ctx, "fileTitle", 1000), label(ctx, "retention", 30)), tmp);
            for (String id : s.ids()) {
                view.document(id).ifPresent(d -> viewer.auditIfClassified(d, "export-package"));
            }
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", ContentDisposition.attachment("goi-luu-tru.zip"));
            ctx.header("X-Package-Documents", String.valueOf(s.documents()));
            ctx.header("X-Package-Highest-Classification", s.highest().name());
            ctx.result(Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A label of the file (hồ sơ) from the query, null when absent; longer than the element allows is a 400. */
    private static String label(Context ctx, String name, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new BadRequestResponse(name + ": tối đa " + max + " ký tự (at most " + max
                    + " characters)");
        }
        return value.strip();
    }
}
