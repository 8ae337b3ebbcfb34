package vn.archive.web;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.router.ParsedEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.model.Clearance;
import vn.archive.security.Role;
import vn.archive.security.Security;
import vn.archive.security.TestAccounts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the portal, walked from the router (so a page added later is walked too) plus its error and edge
 * states, read in English and in Vietnamese, by a visitor and by an admin: no piece of interface text of the other
 * language is left. Interface text is what the message bundles say in one language and not in the other; document
 * content (the full text, snippets, names, numbers) and identifiers ({@code <code>}) are not judged: a short piece counts only when it is the whole text
 * of an element, a long one wherever it appears.
 */
class LanguageWalkIT {
    /** Long enough that document content does not hold it by chance, so it is looked for inside any text. */
    private static final int LONG = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Pattern EDGES = Pattern.compile("^[\\p{Punct}\\s·…“”«»→↓–—]+|[\\p{Punct}\\s·…“”«»→↓–—]+$");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<script.*?</script>|<style.*?</style>|<pre.*?</pre>|<code.*?</code>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern READ_ATTRIBUTE = Pattern.compile("(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"");

    @TempDir
    Path temp;

    @Test
    void no_page_in_english_or_vietnamese_holds_interface_text_of_the_other_language() throws IOException {
        Archive corpus = PortalFixture.corpus();
        Security accounts = Security.open(temp.resolve("accounts"));
        TestAccounts.account(accounts, "quantri", Role.ADMIN, Clearance.TUYET_MAT);
        Javalin app = WebServer.create(corpus.search(), corpus.store(), corpus.references(), corpus.corrections(),
                null, accounts);
        List<String> paths = pages(app, corpus);
        Set<String> vietnamese = interfaceText("vi", "en");
        Set<String> english = interfaceText("en", "vi");
        JavalinTest.test(app, (server, client) -> {
            String admin = TestAccounts.login(accounts, client, "quantri").cookie();
            HttpClient plain = SecurityIT.anonymous(server);
            List<String> found = new ArrayList<>();
            int judged = 0;
            for (String path : paths) {
                for (String session : new String[] {null, admin}) {
                    for (String lang : List.of("en", "vi")) {
                        String cookie = (session == null ? "" : session + "; ") + "lang=" + lang;
                        Response r = plain.request(path, b -> b.header("Cookie", cookie));
                        String type = String.valueOf(r.headers().get("Content-Type"));
                        if (!type.contains("text/html")) {
                            continue;
                        }
                        judged++;
                        String page = r.body().string();
                        assertTrue(page.contains("<html lang=\"" + lang + "\""), path + " is not in " + lang);
                        for (String piece : otherLanguage(page, lang.equals("en") ? vietnamese : english)) {
                            found.add(lang + (session == null ? " visitor " : " admin ") + path + ": «" + piece + "»");
                        }
                    }
                }
            }
            assertTrue(judged >= 4 * 15, "the walk judged only " + judged + " pages");
            assertTrue(found.isEmpty(), "interface text of the other language:\n" + String.join("\n", found));
        });
    }

    @Test
    void the_walk_sees_vietnamese_interface_text_on_a_page_read_as_english() {
        Set<String> vietnamese = interfaceText("vi", "en");
        String page = "<html lang=\"en\"><body><h2>" + Messages.get(Locale.forLanguageTag("vi"), "refs.warnings")
                + "</h2><ul><li>" + Messages.get(Locale.forLanguageTag("vi"), "warn.dangling", 2, "25-NQ/TW")
                + "</li></ul><span class=\"refs-level\">Trung ương</span><pre>văn bản được dẫn chiếu chưa có trong kho"
                + "</pre></body></html>";
        List<String> found = otherLanguage(page, vietnamese);
        assertTrue(found.contains("Cảnh báo về dẫn chiếu") || found.size() >= 3, "found " + found);
        assertTrue(found.stream().anyMatch(f -> f.contains("chưa có trong kho")), "a warning built in Java: " + found);
        assertTrue(found.stream().anyMatch(f -> f.equalsIgnoreCase("trung ương")), "a level chip: " + found);
        assertFalse(otherLanguage("<p>Ban Chấp hành Trung ương Đảng</p><p>UBND huyện</p>", vietnamese).stream()
                .anyMatch(f -> f.equalsIgnoreCase("trung ương") || f.equals("huyện")), "names are not judged");
    }

    /** The GET pages of the router with sample values, plus the states a visitor meets by mistake. */
    static List<String> pages(Javalin app, Archive corpus) throws IOException {
        String id = corpus.search().search(vn.archive.search.SearchRequest.of("374-CV/HU"))
                .hits().getFirst().id();
        Set<String> out = new LinkedHashSet<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            String path = p.endpoint.path;
            if (!p.endpoint.method.name().equals("GET") || path.startsWith("/api/") || path.contains("*")) {
                continue;
            }
            if (path.contains("<number>")) {
                out.add(path.replace("<number>", "25-NQ/TW"));
                out.add(path.replace("<number>", "374-CV/HU"));
                out.add(path.replace("<number>", "352-CV/TU"));
            } else {
                out.add(path.replace("{id}", id));
            }
        }
        out.addAll(List.of("/?q=dan+van+kheo", "/?level=" + WebTestSupport.enc("huyện"), "/?q=d%C3%A2n+v%E1%BA%ADn&page=99",
                "/?from=2020-01-01&to=2019-01-01", "/?q=...", "/?q=zzqqxx", "/documents/doesnotexist",
                "/references/not-a-number", "/nowhere"));
        return List.copyOf(out);
    }

    /**
     * The pieces of interface text of {@code language}: each bundle message that differs from the other language's,
     * cut at its placeholders, without the pieces the other language's messages also hold.
     */
    static Set<String> interfaceText(String language, String other) {
        Properties mine = bundle(language);
        Properties theirs = bundle(other);
        Set<String> theirPieces = new LinkedHashSet<>();
        theirs.stringPropertyNames().forEach(k -> theirPieces.addAll(pieces(theirs.getProperty(k))));
        Set<String> out = new LinkedHashSet<>();
        for (String key : mine.stringPropertyNames()) {
            String value = mine.getProperty(key);
            if (value.equals(theirs.getProperty(key))) {
                continue;
            }
            for (String piece : pieces(value)) {
                boolean vietnameseOnly = !piece.chars().allMatch(c -> c < 128);
                if (piece.codePoints().filter(Character::isLetter).count() >= 3
                        && (language.equals("vi") ? vietnameseOnly : !vietnameseOnly)
                        && theirPieces.stream().noneMatch(t -> t.equalsIgnoreCase(piece))) {
                    out.add(piece);
                }
            }
        }
        return out;
    }

    private static List<String> pieces(String message) {
        List<String> out = new ArrayList<>();
        for (String part : PLACEHOLDER.split(message.replace("''", "'"))) {
            String piece = EDGES.matcher(Normalizer.normalize(part, Normalizer.Form.NFC)).replaceAll("");
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out;
    }

    /** The pieces of {@code interfaceText} a page shows to be read (its text and readable attributes). */
    static List<String> otherLanguage(String page, Set<String> interfaceText) {
        String shown = HIDDEN.matcher(page).replaceAll(" ");
        List<String> texts = new ArrayList<>();
        Matcher attribute = READ_ATTRIBUTE.matcher(shown);
        while (attribute.find()) {
            texts.add(unescape(attribute.group(1)));
        }
        for (String t : TAG.split(shown)) {
            texts.add(unescape(t));
        }
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            String whole = EDGES.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFC)).replaceAll("");
            if (whole.isEmpty()) {
                continue;
            }
            for (String piece : interfaceText) {
                boolean hit = piece.length() >= LONG ? whole.contains(piece)
                        : whole.toLowerCase(Locale.ROOT).equals(piece.toLowerCase(Locale.ROOT));
                if (hit) {
                    found.add(piece.length() >= LONG ? whole : piece);
                }
            }
        }
        return found;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#34;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static Properties bundle(String language) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(LanguageWalkIT.class.getResourceAsStream(
                "/" + Messages.BUNDLE + "_" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
