package vn.archive.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fixed piece of interface text comes from the message bundles, so that both languages are complete: once the
 * Pebble expressions, tags and comments are taken out of a template, what is left may hold only the names that read
 * the same in both languages (JSON, CSV, API, PDF, DOCX). Attribute values a person reads (labels, titles,
 * placeholders) must come from the bundles too.
 */
class TemplateTextTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Set<String> SAME_IN_BOTH = Set.of("JSON", "CSV", "API", "PDF", "DOCX");
    private static final Pattern PEBBLE = Pattern.compile("(?s)\\{#.*?#}|\\{\\{.*?}}|\\{%.*?%}");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    private static final Pattern READ_ATTRIBUTE =
            Pattern.compile("(aria-label|title|placeholder|alt)=\"([^\"{]*\\p{L}[^\"{]*)\"");

    @Test
    void no_template_holds_fixed_interface_text_outside_the_message_bundles() throws IOException {
        List<String> fixed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".peb")).sorted().toList()) {
                String template = PEBBLE.matcher(Files.readString(f)).replaceAll("");
                Matcher attribute = READ_ATTRIBUTE.matcher(template);
                while (attribute.find()) {
                    fixed.add(TEMPLATES.relativize(f) + ": " + attribute.group());
                }
                Matcher word = WORD.matcher(TAG.matcher(template).replaceAll(" "));
                while (word.find()) {
                    if (!SAME_IN_BOTH.contains(word.group())) {
                        fixed.add(TEMPLATES.relativize(f) + ": " + word.group());
                    }
                }
            }
        }
        assertTrue(fixed.isEmpty(), "fixed text in templates (use t(\"key\") and both bundles): " + fixed);
    }

    @Test
    void the_check_sees_fixed_text_where_there_is_some() {
        String template = "<p title=\"Xem thêm\">Cây thực hiện {{ t(\"refs.treeHeading\") }}</p>";
        String stripped = TAG.matcher(PEBBLE.matcher(template).replaceAll("")).replaceAll(" ");
        assertTrue(WORD.matcher(stripped).find(), "a fixed word is found");
        assertTrue(READ_ATTRIBUTE.matcher(PEBBLE.matcher(template).replaceAll("")).find(), "a fixed title is found");
    }
}
