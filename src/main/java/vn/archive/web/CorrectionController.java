package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import vn.archive.curation.Correction;
import vn.archive.curation.Corrections;
import vn.archive.model.ArchivedDocument;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Archivists' corrections over HTTP: the document page's form, its history page, and the JSON variant. */
final class CorrectionController {
    /** The template of the history page. */
    static final String HISTORY = "corrections-history";

    /** The JSON body of {@code POST /api/documents/{id}/corrections}; {@code who} is the logged-in user, whatever it says. */
    record CorrectionRequest(String field, String value, String who) { }

    /** Renders the document page with the correction form as the user filled it and why it was refused. */
    @FunctionalInterface
    interface RefusedForm {
        void render(Context ctx, String field, String value, String error) throws IOException;
    }

    private final Corrections corrections;
    private final Views views;
    private final RefusedForm refused;
    private final WithdrawalController withdrawals;

    CorrectionController(Corrections corrections, Views views, RefusedForm refused, WithdrawalController withdrawals) {
        this.corrections = corrections;
        this.views = views;
        this.refused = refused;
        this.withdrawals = withdrawals;
    }

    /** A document above the viewer's clearance cannot be corrected or its history read: it is "not found". */
    private void requireVisible(Context ctx, String id) throws IOException {
        if (LoginController.search(ctx).document(id).isEmpty()) {
            throw new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)");
        }
    }

    /** The history is read by whoever sees the document, and of a withdrawn one by the archivists who may see it. */
    private void requireHistoryVisible(Context ctx, String id) throws IOException {
        if (LoginController.search(ctx).document(id).isEmpty()
                && !(LoginController.viewerCanWrite(ctx) && withdrawals.withdrawn(ctx, id).isPresent())) {
            throw new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)");
        }
    }

    /**
     * The document page's form. A refused value brings the page back with the field and the value as typed and the
     * reason, so nothing typed is lost.
     */
    void formPost(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String field = ctx.formParam("field");
        String value = ctx.formParam("value");
        try {
            correct(ctx, id, field, value);
        } catch (BadRequestResponse e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            refused.render(ctx, field, value, e.getMessage());
            return;
        }
        ctx.redirect("/documents/" + id + "/corrections", HttpStatus.SEE_OTHER);
    }

    void apiPost(Context ctx) throws IOException {
        CorrectionRequest body;
        try {
            body = ctx.bodyAsClass(CorrectionRequest.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("Cần JSON {\"field\", \"value\", \"who\"} (expected a JSON object)");
        }
        Correction c = correct(ctx, ctx.pathParam("id"), body.field(), body.value());
        ctx.status(HttpStatus.CREATED).json(c);
    }

    void apiHistory(Context ctx) throws IOException {
        requireHistoryVisible(ctx, ctx.pathParam("id"));
        ctx.json(corrections.history(ctx.pathParam("id")));
    }

    void historyPage(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        requireHistoryVisible(ctx, id);
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("history", corrections.history(id));
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "fix.historyTitle"));
        ctx.html(views.render(ctx, HISTORY, model));
    }

    /** The correction is recorded under the logged-in user's name (the guard lets only archivists write). */
    private Correction correct(Context ctx, String id, String field, String value) throws IOException {
        String who = LoginController.viewer(ctx).name();
        requireVisible(ctx, id);
        if (field == null) {
            throw new BadRequestResponse("Cần chọn trường cần sửa (field is required)");
        }
        Optional<Correction> c;
        try {
            c = corrections.correct(id, field, value, who);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        Correction done = c.orElseThrow(() -> new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)"));
        LoginController.viewer(ctx).security().audit().record(LoginController.viewer(ctx).name(), "correct", id,
                field + "=" + value);
        // a correction is of the directive: its other renditions take it too (each audited), so none disagrees
        for (String other : LoginController.search(ctx).renditions(id).stream().map(ArchivedDocument::id)
                .filter(o -> !o.equals(id)).toList()) {
            corrections.correct(other, field, value, who);
            LoginController.viewer(ctx).security().audit().record(LoginController.viewer(ctx).name(), "correct", other,
                    field + "=" + value + " (bản khác của " + id + ")");
        }
        return done;
    }
}
