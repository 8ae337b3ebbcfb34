package vn.archive.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Pebble templates from {@code templates/}, with strict variables so a typo fails loudly. */
public final class Views {
    /** Template names, in one place. */
    public static final String SEARCH = "search";
    public static final String DOCUMENT = "document";
    public static final String ERROR = "error";
    /** The page of a cited number: implementation tree and timeline. */
    public static final String REFERENCE = "refs/number";

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
                .build();
    }

    /** Renders a template with the model plus the shared base model. */
    public String render(String template, Map<String, Object> model) {
        Map<String, Object> context = new HashMap<>(model);
        context.putIfAbsent("pageTitle", "Kho văn bản chỉ đạo");
        context.putIfAbsent("q", "");
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, context, VI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
