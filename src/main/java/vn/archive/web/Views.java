package vn.archive.web;

import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Pebble templates from {@code templates/}, with strict variables so a typo fails loudly. */
public final class Views {
    /** Template names, in one place. */
    public static final String SEARCH = "search";
    public static final String DOCUMENT = "document";
    public static final String ERROR = "error";
    /** The page of a cited number: implementation tree and timeline. */
    public static final String REFERENCE = "refs/number";
    /** The archive's overdue list: directives whose deadline passed with units missing. */
    public static final String TRACKING = "tracking";
    public static final String BROWSE = "browse";
    public static final String BROWSE_ISSUERS = "browse_issuers";
    public static final String IMPORT = "import";
    public static final String IMPORT_BATCH = "import_batch";
    /** Account management (admins only), and the page that shows a generated password once. */
    public static final String ADMIN_USERS = "admin_users";
    public static final String ADMIN_PASSWORD = "admin_password";
    public static final String ACCOUNT = "account";
    public static final String WITHDRAWN = "withdrawn";

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PebbleEngine engine;

    public Views() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates/");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .defaultLocale(VI)
                .extension(new MessagesExtension())
                .build();
    }

    /** Renders a page for this request: the model plus the shared base model, in the request's language. */
    public String render(Context ctx, String template, Map<String, Object> model) {
        String lang = Messages.language(ctx);
        Map<String, Object> context = new HashMap<>(model);
        context.put("lang", lang);
        context.put("csrf", LoginController.csrf(ctx));
        context.put("viewerName", LoginController.viewerName(ctx));
        context.put("viewerIsAdmin", LoginController.viewerIsAdmin(ctx));
        context.put("viewerCanWrite", LoginController.viewerCanWrite(ctx));
        context.put("section", section(ctx.path()));
        String other = lang.equals("vi") ? "en" : "vi";
        context.put("otherLang", other);
        context.put("otherLangUrl", withParam(ctx, "lang", other));
        return render(template, context, Messages.locale(lang));
    }

    /** Renders a template with the model plus defaults, in Vietnamese (no request at hand). */
    public String render(String template, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.putIfAbsent("lang", "vi");
        context.putIfAbsent("csrf", "");
        context.putIfAbsent("viewerName", "");
        context.putIfAbsent("viewerCanWrite", false);
        context.putIfAbsent("viewerIsAdmin", false);
        context.putIfAbsent("section", "");
        context.putIfAbsent("otherLang", "en");
        context.putIfAbsent("otherLangUrl", "/?lang=en");
        return render(template, context, VI);
    }

    private String render(String template, Map<String, Object> context, Locale locale) {
        context.putIfAbsent("pageTitle", Messages.get(locale, "site.name"));
        context.putIfAbsent("q", "");
        context.putIfAbsent("refresh", false);
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The part of the site a path belongs to, for marking the current navigation link. */
    static String section(String path) {
        if (path.equals("/")) {
            return "search";
        }
        if (path.startsWith("/browse/")) {
            return path.substring("/browse/".length());
        }
        if (path.equals(AdminController.ROOT) || path.startsWith(AdminController.ROOT + "/")) {
            return "admin";
        }
        if (path.equals("/tracking")) {
            return "tracking";
        }
        if (path.equals(AccountController.PATH)) {
            return "account";
        }
        if (path.equals(WithdrawalController.LIST)) {
            return "withdrawn";
        }
        return path.startsWith("/import") ? "import" : "";
    }

    /** This request's URL with one query parameter set (others kept, in order). */
    static String withParam(Context ctx, String name, String value) {
        StringJoiner query = new StringJoiner("&");
        ctx.queryParamMap().forEach((k, values) -> {
            if (!k.equals(name)) {
                values.forEach(v -> query.add(encode(k) + "=" + encode(v)));
            }
        });
        query.add(encode(name) + "=" + encode(value));
        return ctx.path() + "?" + query;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
