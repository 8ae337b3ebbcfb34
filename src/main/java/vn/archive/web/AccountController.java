package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import vn.archive.security.Accounts;
import vn.archive.security.Security;
import vn.archive.security.Sessions;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /account}: a logged-in user changes their own password (the first-run message points here). */
final class AccountController {
    static final String PATH = "/account";

    private final Security security;
    private final Views views;

    AccountController(Security security, Views views) {
        this.security = security;
        this.views = views;
    }

    void page(Context ctx) {
        if (loginFirst(ctx)) {
            return;
        }
        render(ctx, null, ctx.queryParam("done") != null);
    }

    void changePassword(Context ctx) throws IOException {
        if (loginFirst(ctx)) {
            return;
        }
        String name = LoginController.viewer(ctx).name();
        Optional<Accounts.PasswordRefusal> refused = security.accounts().changeOwnPassword(name,
                ctx.formParam("current"), ctx.formParam("password"), ctx.formParam("repeat"));
        if (refused.isPresent()) {
            ctx.status(refused.get() == Accounts.PasswordRefusal.WRONG_CURRENT ? HttpStatus.FORBIDDEN
                    : HttpStatus.BAD_REQUEST);
            render(ctx, refused.get(), false);
            return;
        }
        // every session of the account ended with the change; the person who changed it stays logged in
        Sessions.Session fresh = security.sessions().start(name);
        LoginController.sessionCookie(ctx, fresh);
        ctx.redirect(PATH + "?done", HttpStatus.SEE_OTHER);
    }

    /** A visitor is sent to the login page, which brings them back here. */
    private static boolean loginFirst(Context ctx) {
        if (LoginController.viewer(ctx).user() == null) {
            ctx.redirect("/login?next=" + Views.encode(PATH), HttpStatus.SEE_OTHER);
            return true;
        }
        return false;
    }

    private void render(Context ctx, Accounts.PasswordRefusal refusal, boolean done) {
        Locale locale = Messages.locale(Messages.language(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("refusal", refusal == null ? null
                : Messages.get(locale, "account.refused." + refusal.name(), UserStore.MIN_PASSWORD));
        model.put("done", done);
        model.put("minLength", UserStore.MIN_PASSWORD);
        model.put("pageTitle", Messages.get(locale, "account.title"));
        ctx.html(views.render(ctx, Views.ACCOUNT, model));
    }
}
