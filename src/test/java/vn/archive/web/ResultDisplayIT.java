package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results read like a portal's on the sample corpus: titles by kind in sentence case while the API keeps the header's
 * own, snippets from the body without header lines or Markdown, cited numbers in their issuer's form.
 */
class ResultDisplayIT {
    private static final Pattern HIT_TITLE = Pattern.compile("(?s)<li class=\"hit\">\\s*<h2><a [^>]*>(.*?)</a></h2>");
    private static final Pattern SNIPPET = Pattern.compile("(?s)<p class=\"snippet\">(.*?)</p>");
    private static final Pattern FACET_LABEL = Pattern.compile(
            "(?s)data-dim=\"cites\" data-value=\"([^\"]*)\".*?<span class=\"label\">(.*?)</span>");

    @Test
    void a_law_in_capitals_is_listed_by_kind_in_sentence_case_and_the_api_keeps_the_header_title() {
        JavalinTest.test(PortalFixture.corpus().webApp(), (server, client) -> {
            JsonNode api = WebTestSupport.getJson(client, "/api/search?q=" + WebTestSupport.enc("Luật Căn cước") + "&size=50");
            boolean stored = false;
            for (JsonNode hit : api.path("hits")) {
                stored |= hit.path("title").asText().equals("CĂN CƯỚC");
            }
            assertTrue(stored, "the API gives the title as the header wrote it");
            List<String> titles = all(HIT_TITLE, client.get("/?size=100&kind=" + WebTestSupport.enc("Luật")).body().string());
            assertTrue(titles.contains("Luật Căn cước"), titles.toString());
            assertTrue(titles.contains("Luật Giao dịch điện tử"), titles.toString());
            assertFalse(titles.stream().anyMatch(t -> t.equals(t.toUpperCase(java.util.Locale.ROOT))), titles.toString());
            assertTrue(titles.stream().allMatch(t -> t.startsWith("Luật ")), titles.toString());
        });
    }

    @Test
    void snippets_without_a_query_open_on_the_body_not_on_header_lines_or_markup() {
        JavalinTest.test(PortalFixture.corpus().webApp(), (server, client) -> {
            List<String> snippets = all(SNIPPET, client.get("/?size=100").body().string());
            assertTrue(snippets.size() >= 50, "snippets: " + snippets.size());
            for (String s : snippets) {
                assertFalse(s.contains("CỘNG HÒA XÃ HỘI") || s.contains("CỘNG HOÀ XÃ HỘI") || s.contains("Độc lập - Tự do"), s);
                assertFalse(s.contains("**") || s.contains("\\*"), s);
            }
        });
    }

    @Test
    void party_numbers_in_the_cited_document_facet_and_chip_are_written_the_partys_way() {
        JavalinTest.test(PortalFixture.corpus().webApp(), (server, client) -> {
            String page = client.get("/?q=" + WebTestSupport.enc("dân vận khéo")).body().string();
            Matcher m = FACET_LABEL.matcher(page);
            List<String> labels = new ArrayList<>();
            while (m.find()) {
                labels.add(m.group(2).strip());
            }
            assertTrue(labels.contains("25-NQ/TW"), labels.toString());
            assertFalse(labels.stream().anyMatch(l -> l.matches("\\d+/[A-Z]+-(TW|TU|HU|THU)")), labels.toString());
            String filtered = client.get("/?cites=" + WebTestSupport.enc("25-NQ/TW")).body().string();
            assertTrue(filtered.contains("<strong>25-NQ/TW</strong>"), "the chip names 25-NQ/TW");
            assertEquals(WebTestSupport.getJson(client, "/api/search?cites=25-NQ/TW").path("total").asLong(),
                    WebTestSupport.getJson(client, "/api/search?cites=25/NQ-TW").path("total").asLong(),
                    "the filter value itself is unchanged");
        });
    }

    private static List<String> all(Pattern p, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) {
            out.add(m.group(1).strip().replace("&amp;", "&"));
        }
        return out;
    }
}
