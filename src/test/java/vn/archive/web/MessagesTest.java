package vn.archive.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message bundles: both languages say everything, and every literal key a template uses exists. */
class MessagesTest {
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Locale EN = Locale.forLanguageTag("en");

    @Test
    void vietnamese_and_english_bundles_have_the_same_keys() throws IOException {
        assertEquals(keys("vi"), keys("en"));
    }

    @Test
    void every_literal_message_key_in_the_templates_exists() throws IOException {
        Set<String> known = keys("vi");
        Pattern call = Pattern.compile("t\\(\"([A-Za-z.]+)\"[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".peb")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !known.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing messages: " + missing);
    }

    @Test
    void arguments_are_formatted_in_the_language_of_the_page() {
        assertEquals("Tìm thấy 1.234 văn bản cho “dân vận”", Messages.get(VI, "search.found", 1234L, "dân vận"));
        assertEquals("Found 1,234 documents for “dân vận”", Messages.get(EN, "search.found", 1234L, "dân vận"));
    }

    @Test
    void a_missing_key_fails_loudly_rather_than_showing_nothing() {
        assertThrows(IllegalArgumentException.class, () -> Messages.get(VI, "no.such.key"));
    }

    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void a_bilingual_error_message_shows_only_the_part_in_the_pages_language() {
        assertEquals("Không tìm thấy trang", Messages.inLanguage("Không tìm thấy trang (not found)", "vi"));
        assertEquals("Not found", Messages.inLanguage("Không tìm thấy trang (not found)", "en"));
        assertEquals("Chỉ quản trị viên được quản lý tài khoản",
                Messages.inLanguage("Chỉ quản trị viên được quản lý tài khoản (admins only)", "vi"));
        assertEquals("Không tìm thấy văn bản [abc]", Messages.inLanguage("Không tìm thấy văn bản [abc]", "en"),
                "a message without an English part is shown as it is");
        assertEquals("Lỗi (Điều 5)", Messages.inLanguage("Lỗi (Điều 5)", "en"), "a Vietnamese parenthesis stays");
    }
}
