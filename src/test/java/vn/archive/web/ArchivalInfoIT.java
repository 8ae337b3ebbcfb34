package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.getJson;

/** The document page's "Thông tin lưu trữ" block, and an audited correction changing an element. */
class ArchivalInfoIT {
    @Test
    void the_document_page_shows_the_archival_elements_and_a_correction_changes_them(@TempDir Path tmp)
            throws Exception {
        try (Archive archive = Archive.open(AppConfig.forData(tmp.resolve("data")))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            JavalinTest.test(archive.webApp(), (server, client) -> {
                String id = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0).path("id").asText();
                String html = client.get("/documents/" + id).body().string();
                assertTrue(html.contains("Thông tin lưu trữ"), "the block is on the page");
                assertTrue(row(html, "codeNumber").contains(">374"), row(html, "codeNumber"));
                assertTrue(row(html, "codeNotation").contains("CV/HU"), row(html, "codeNotation"));
                assertTrue(row(html, "issuedDate").contains("30/07/2019"));
                assertTrue(row(html, "mode").contains("01 · Công khai"), row(html, "mode"));
                assertTrue(row(html, "confidenceLevel").contains("01 · Gốc điện tử"));
                String english = WebTestSupport.inEnglish(client, "/documents/" + id);
                assertTrue(english.contains("Archival information"), "English complete");

                archive.corrections().correct(id, "number", "375-CV/HU", "Lan");
                String after = client.get("/documents/" + id).body().string();
                assertTrue(row(after, "codeNumber").contains(">375"), row(after, "codeNumber"));
                assertTrue(client.get("/api/documents/" + id + "/corrections").body().string().contains("375-CV/HU"),
                        "the change is in the audited history");
            });
        }
    }

    private static String row(String html, String element) {
        int at = html.indexOf("id=\"archival-" + element + "\"");
        assertTrue(at >= 0, "row " + element);
        return html.substring(at, html.indexOf("</tr>", at));
    }
}
