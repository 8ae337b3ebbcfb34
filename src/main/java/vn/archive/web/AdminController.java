package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import vn.archive.model.Clearance;
import vn.archive.security.AccountException;
import vn.archive.security.Accounts;
import vn.archive.security.Role;
import vn.archive.security.User;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin's account pages: list, create, change role and clearance, disable and enable, reset a password. The
 * routes declare {@link Access#ADMIN}, so only admins get in, and every form's CSRF token is checked; a generated password is
 * shown once, on the answer to the form that made it, and is neither stored in clear nor logged.
 */
final class AdminController {
    /** Where the account pages live (each route declares {@link Access#ADMIN}). */
    static final String ROOT = "/admin";
    static final String USERS = ROOT + "/users";

    private final Accounts accounts;
    private final Views views;

    AdminController(Accounts accounts, Views views) {
        this.accounts = accounts;
        this.views = views;
    }

    void list(Context ctx) {
        String done = ctx.queryParam("done");
        String user = ctx.queryParam("user");
        String notice = null;
        if (done != null && user != null && List.of("updated", "enabled", "disabled").contains(done)) {
            notice = Messages.get(locale(ctx), "admin.done." + done, user);
        }
        renderList(ctx, notice, null);
    }

    void create(Context ctx) throws IOException {
        String name = ctx.formParam("name");
        name = name == null ? null : name.strip();
        try {
            String password = accounts.create(actor(ctx), name, role(ctx), clearance(ctx));
            render(ctx, password, name, "admin.password.created");
        } catch (AccountException e) {
            refuse(ctx, e);
        }
    }

    void update(Context ctx) throws IOException {
        change(ctx, "updated", role(ctx), clearance(ctx), null);
    }

    void enable(Context ctx) throws IOException {
        change(ctx, "enabled", null, null, true);
    }

    void disable(Context ctx) throws IOException {
        change(ctx, "disabled", null, null, false);
    }

    void resetPassword(Context ctx) throws IOException {
        String name = ctx.formParam("name");
        try {
            String password = accounts.resetPassword(actor(ctx), name);
            render(ctx, password, name, "admin.password.reset");
        } catch (AccountException e) {
            refuse(ctx, e);
        }
    }

    private void change(Context ctx, String done, Role role, Clearance clearance, Boolean enabled) throws IOException {
        String name = ctx.formParam("name");
        try {
            accounts.update(actor(ctx), name, role, clearance, enabled);
            ctx.redirect(USERS + "?done=" + done + "&user=" + Views.encode(name), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            refuse(ctx, e);
        }
    }

    /** The page that shows a generated password, once: never cached, never put in a URL. */
    private void render(Context ctx, String password, String name, String key) {
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> model = new HashMap<>();
        model.put("account", name);
        model.put("password", password);
        model.put("heading", Messages.get(locale(ctx), key, name));
        model.put("pageTitle", Messages.get(locale(ctx), "admin.title"));
        ctx.html(views.render(ctx, Views.ADMIN_PASSWORD, model));
    }

    private void refuse(Context ctx, AccountException e) {
        ctx.status(e.reason() == AccountException.Reason.UNKNOWN_USER ? HttpStatus.NOT_FOUND
                : e.reason() == AccountException.Reason.INVALID_NAME ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT);
        renderList(ctx, null, Messages.get(locale(ctx), "admin.error." + e.reason(), e.user() == null ? "" : e.user()));
    }

    private void renderList(Context ctx, String notice, String error) {
        List<Map<String, Object>> rows = accounts.list().stream().map(AdminController::row).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", rows);
        model.put("roles", Arrays.stream(Role.values()).map(Role::name).toList());
        model.put("clearances", Arrays.stream(Clearance.values()).map(Clearance::name).toList());
        model.put("notice", notice);
        model.put("error", error);
        model.put("pageTitle", Messages.get(locale(ctx), "admin.title"));
        ctx.html(views.render(ctx, Views.ADMIN_USERS, model));
    }

    private static Map<String, Object> row(User u) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", u.name());
        r.put("role", u.role().name());
        r.put("clearance", u.clearance().name());
        r.put("enabled", u.enabled());
        return r;
    }

    private static String actor(Context ctx) {
        return LoginController.viewer(ctx).name();
    }

    private static Role role(Context ctx) {
        String value = ctx.formParam("role");
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Vai trò không hợp lệ [" + value + "], chọn một trong " + Arrays.toString(Role.values())
                    + " (unknown role)");
        }
    }

    private static Clearance clearance(Context ctx) {
        String value = ctx.formParam("clearance");
        try {
            return Clearance.parse(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Mức mật không hợp lệ [" + value + "], chọn một trong "
                    + Arrays.toString(Clearance.values()) + " (unknown clearance)");
        }
    }

    private static Locale locale(Context ctx) {
        return Messages.locale(Messages.language(ctx));
    }
}
