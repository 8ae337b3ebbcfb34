package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import vn.archive.curation.Correction;
import vn.archive.curation.Corrections;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Withdrawing a document from its page (and bringing it back): recorded in the corrections trail, audited, and
 * applied through the clearance filter, which hides a withdrawn document from every reader. Only this rendition is
 * withdrawn: the directive's other renditions stay.
 */
final class WithdrawalController {
    /** The archivists' list of withdrawn documents. */
    static final String LIST = "/withdrawn";
    private final Corrections corrections;
    private final Views views;

    WithdrawalController(Corrections corrections, Views views) {
        this.corrections = corrections;
        this.views = views;
    }

    /**
     * {@code GET /withdrawn}: the documents withdrawn now that the archivist's clearance allows, latest first, each with
     * who withdrew it, when and why, and a link to its page (where it can be restored).
     */
    void list(Context ctx) throws IOException {
        Clearance clearance = LoginController.viewer(ctx).clearance();
        List<ArchivedDocument> shown = corrections.withdrawnDocuments().stream()
                .filter(d -> clearance.allows(Clearance.ofClassification(d.metadata().classification()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("documents", shown);
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "withdrawn.title"));
        ctx.html(views.render(ctx, Views.WITHDRAWN, model));
    }

    /** {@code POST /documents/{id}/withdraw}: {@code reason} withdraws, {@code undo} brings the document back. */
    void formPost(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        boolean undo = ctx.formParam("undo") != null;
        String reason = ctx.formParam("reason");
        if (withdrawn(ctx, id).isEmpty() && LoginController.search(ctx).document(id).isEmpty()) {
            throw new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)");
        }
        LoginController.Viewer viewer = LoginController.viewer(ctx);
        Optional<Correction> done;
        try {
            done = corrections.withdraw(id, undo ? null : reason == null ? "" : reason, viewer.name());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        Correction c = done.orElseThrow(() -> new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)"));
        viewer.security().audit().record(viewer.name(), undo ? "restore" : "withdraw", id,
                undo ? "" : c.newValue());
        ctx.redirect("/documents/" + id, HttpStatus.SEE_OTHER);
    }

    /**
     * A withdrawn document the viewer's clearance would allow, whatever its withdrawal (empty when it is not
     * withdrawn): archivists see it marked, readers are told it was withdrawn.
     */
    Optional<ArchivedDocument> withdrawn(Context ctx, String id) throws IOException {
        Clearance clearance = LoginController.viewer(ctx).clearance();
        return corrections.withdrawnDocument(id)
                .filter(d -> clearance.allows(Clearance.ofClassification(d.metadata().classification())));
    }
}
