package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI's words, from the message bundles {@code i18n/messages_vi.properties} and {@code _en}. Vietnamese is the
 * default; a {@code lang} parameter switches and a cookie keeps the choice.
 */
final class Messages {
    /** The bundle's base name on the class path. */
    static final String BUNDLE = "i18n/messages";
    /** Languages the UI speaks, the first being the default. */
    static final List<String> LANGUAGES = List.of("vi", "en");
    static final String COOKIE = "lang";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The language of this request: a valid {@code lang} parameter (remembered in a cookie), the cookie, or vi. */
    static String language(Context ctx) {
        String known = ctx.attribute(COOKIE);
        if (known != null) {
            return known;
        }
        String lang = resolve(ctx);
        ctx.attribute(COOKIE, lang);
        return lang;
    }

    private static String resolve(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            Cookie cookie = new Cookie(COOKIE, asked);
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            ctx.cookie(cookie);
            return asked;
        }
        String remembered = ctx.cookie(COOKIE);
        return remembered != null && LANGUAGES.contains(remembered) ? remembered : LANGUAGES.getFirst();
    }

    /** The message with this key, its {0}-style arguments filled in. A missing key fails loudly. */
    static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message [" + key + "] for language [" + locale + "]", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Error messages raised below the pages follow one convention, "Vietnamese text (English text)", so that the
     * API's JSON carries both; a page shows only the part in its own language. A message without the English part
     * is shown as it is.
     */
    static String inLanguage(String bilingual, String language) {
        if (bilingual == null) {
            return "";
        }
        Matcher m = BILINGUAL.matcher(bilingual.strip());
        if (!m.matches()) {
            return bilingual;
        }
        String english = m.group(2);
        return language.equals("en") ? Character.toUpperCase(english.charAt(0)) + english.substring(1) : m.group(1);
    }

    /** "… (…)" at the end, the parenthesis holding no further parenthesis and starting with a Latin letter. */
    private static final Pattern BILINGUAL = Pattern.compile("(?s)(.+?)\\s*\\(([A-Za-z][^()]*)\\)\\s*[.:]?");

    /** A locale of a supported language. */
    static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }
}
