package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.LuceneIndex;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.Signer;
import vn.archive.model.SourceInfo;
import vn.archive.search.LuceneSearchService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.getJson;
import static vn.archive.web.WebTestSupport.links;

/**
 * Facets and browsing that need metadata the sample corpus does not carry yet on every document (issuer and parent
 * body, level, signer, campaigns, cited numbers): documents built in code, indexed in memory, served over HTTP.
 */
class FacetFixtureIT {
    @TempDir
    Path temp;
    private LuceneIndex index;
    private LuceneSearchService search;

    @BeforeEach
    void index() throws Exception {
        index = LuceneIndex.open(new ByteBuffersDirectory());
        add("Kế hoạch thực hiện phong trào Dân vận khéo", "12-KH/HU", LocalDate.of(2020, 3, 2),
                "Ban Thường vụ Huyện ủy Đơn Dương", "Đảng bộ tỉnh Lâm Đồng", "huyện", "Nguyễn Văn A",
                List.of("Dân vận khéo"), "25-NQ/TW");
        add("Công văn đẩy mạnh phong trào Dân vận khéo", "374-CV/HU", LocalDate.of(2019, 7, 30),
                "Ban Thường vụ Huyện ủy Triệu Phong", "Đảng bộ tỉnh Quảng Trị", "huyện", "Phan Văn Linh",
                List.of("Dân vận khéo"), "25-NQ/TW");
        add("Công văn tiếp tục phong trào Dân vận khéo", "134-CV/ThU", LocalDate.of(2020, 4, 28),
                "Ban Thường vụ Thành ủy Bảo Lộc", "Đảng bộ tỉnh Lâm Đồng", "huyện", "Trần Thị B",
                List.of("Dân vận khéo", "Toàn dân đoàn kết xây dựng nông thôn mới"), null);
        add("Nghị quyết về công tác dân vận", "25-NQ/TW", LocalDate.of(2013, 6, 3),
                "Ban Chấp hành Trung ương", null, "trung ương", null, List.of(), null);
        index.commit();
        search = new LuceneSearchService(index);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void add(String title, String number, LocalDate date, String issuer, String parent, String level,
                     String signer, List<String> campaigns, String cites) throws Exception {
        String text = title + "\nSố " + number + "\n" + (cites == null ? "" : "Thực hiện Nghị quyết số " + cites
                + " về công tác dân vận.\n") + "Phong trào thi đua, công tác dân vận, cán bộ, đảng viên.";
        String sha = ContentStore.sha256(text.getBytes(StandardCharsets.UTF_8));
        DocumentMetadata m = DocumentMetadata.builder().title(title).number(number).date(date).issuer(issuer)
                .parentIssuer(parent).level(level).kind(title.split(" ")[0] + " " + title.split(" ")[1])
                .signer(signer == null ? null : new Signer(signer, "Phó Bí thư", "T/M Ban Thường vụ"))
                .campaigns(campaigns)
                .references(cites == null ? List.of() : List.of(new Reference("Nghị quyết", cites, null, null,
                        Relation.IMPLEMENTS, "Nghị quyết số " + cites, 0, 10)))
                .build();
        index.upsert(new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                new SourceInfo(number + ".txt", sha, "text/plain", false, text.length(), List.of(number + ".txt")),
                text, List.of()));
    }

    @Test
    void campaign_signer_level_and_cited_document_are_facets_with_counts() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode facets = getJson(client, "/api/search").path("facets");
            assertEquals(3, count(facets, "campaign", "Dân vận khéo"));
            assertEquals(1, count(facets, "campaign", "Toàn dân đoàn kết xây dựng nông thôn mới"));
            assertEquals(3, count(facets, "level", "huyện"));
            assertEquals(1, count(facets, "signer", "Phan Văn Linh"));
            assertEquals(2, count(facets, "cites", "25/NQ-TW"));

            JsonNode citing = getJson(client, "/api/search?cites=" + enc("25-NQ/TW"));
            assertEquals(2, citing.path("total").asLong(), "any spelling of the number filters");
            String cited = client.get("/?cites=" + enc("25-NQ/TW")).body().string();
            assertEquals(List.of("/"), links(cited, "class=\"remove\""));
            assertTrue(cited.contains("data-value=\"25/NQ-TW\" class=\"selected\""), "the listed value is the selected one");
            assertFalse(cited.contains("data-value=\"25-NQ/TW\""), "the spelled and the listed number are one value");
            String html = client.get("/?campaign=" + enc("Dân vận khéo")).body().string();
            assertTrue(html.contains("Phong trào, cuộc vận động: <strong>Dân vận khéo</strong>"), "shown as a chip");
            assertTrue(html.contains("id=\"facet-cites\""));
        });
    }

    @Test
    void two_values_of_one_facet_widen_and_two_facets_narrow() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals(2, getJson(client, "/api/search?signer=" + enc("Phan Văn Linh") + "&signer="
                    + enc("Trần Thị B")).path("total").asLong());
            assertEquals(1, getJson(client, "/api/search?level=" + enc("huyện") + "&year=2019").path("total").asLong());
            String html = client.get("/?level=" + enc("huyện") + "&year=2019").body().string();
            assertEquals(List.of("/?year=2019", "/?level=" + enc("huyện")), links(html, "class=\"remove\""));
        });
    }

    @Test
    void the_issuer_tree_groups_issuers_under_their_parent_body() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode tree = getJson(client, "/api/browse/issuers");
            JsonNode lamDong = tree.get(0);
            assertEquals("Đảng bộ tỉnh Lâm Đồng", lamDong.path("parent").asText());
            assertEquals(2, lamDong.path("count").asLong());
            assertEquals(2, lamDong.path("issuers").size());
            assertTrue(tree.get(tree.size() - 1).path("parent").isNull(), "unknown parents come last");
            String html = client.get("/browse/issuers").body().string();
            // the page puts a committee's board under the committee its name gives (IssuerParents), the API as stored
            assertTrue(html.contains("<span class=\"parent-name\">Huyện ủy Triệu Phong</span>"), html);
            assertTrue(html.contains("href=\"/?issuer=" + enc("Ban Thường vụ Huyện ủy Triệu Phong · Đảng bộ tỉnh Quảng Trị") + "\""),
                    "the link selects the issuer under the parent its header names");
            assertTrue(html.contains("<span class=\"parent-name\">Cơ quan trung ương</span>"), "the central group");
            assertFalse(html.contains("Chưa rõ cơ quan cấp trên"), "no issuer here is of unknown parent");
        });
    }

    @Test
    void the_document_page_lists_campaigns_signer_and_parent_body() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            String id = getJson(client, "/api/search?q=134-CV/ThU").path("hits").get(0).path("id").asText();
            String html = client.get("/documents/" + id).body().string();
            assertTrue(html.contains("href=\"/?campaign=D%C3%A2n+v%E1%BA%ADn+kh%C3%A9o\""));
            assertTrue(html.contains("Đảng bộ tỉnh Lâm Đồng"));
            assertTrue(html.contains("href=\"/?signer=Tr%E1%BA%A7n+Th%E1%BB%8B+B\""));
        });
    }

    @Test
    void one_printed_issuer_name_under_two_parent_bodies_is_two_facet_values_and_two_links() throws Exception {
        add("Hướng dẫn tuyên truyền kỷ niệm ngày thành lập Đảng", "15-HD/BTGTU", LocalDate.of(2021, 1, 5),
                "Ban Tuyên giáo", "Tỉnh ủy Lâm Đồng", "tỉnh", null, List.of(), null);
        add("Hướng dẫn tuyên truyền Đại hội Đảng bộ tỉnh", "20-HD/BTGTU", LocalDate.of(2020, 6, 9),
                "Ban Tuyên giáo", "Tỉnh ủy Quảng Trị", "tỉnh", null, List.of(), null);
        index.commit();
        search = new LuceneSearchService(index);
        String lamDong = "Ban Tuyên giáo · Tỉnh ủy Lâm Đồng";
        JavalinTest.test(app(), (server, client) -> {
            JsonNode facets = getJson(client, "/api/search").path("facets");
            assertEquals(1, count(facets, "issuer", lamDong));
            assertEquals(1, count(facets, "issuer", "Ban Tuyên giáo · Tỉnh ủy Quảng Trị"));
            assertEquals(0, count(facets, "issuer", "Ban Tuyên giáo"), "no value merges the two");
            assertEquals(1, count(facets, "issuer", "Ban Chấp hành Trung ương"), "an issuer without parent is its name");
            JsonNode hits = getJson(client, "/api/search?issuer=" + enc(lamDong)).path("hits");
            assertEquals(1, hits.size());
            assertEquals("15-HD/BTGTU", hits.get(0).path("number").asText());
            String html = client.get("/browse/issuers").body().string();
            assertTrue(html.contains("href=\"/?issuer=" + enc(lamDong) + "\""), html);
            assertTrue(html.contains("href=\"/?issuer=" + enc("Ban Tuyên giáo · Tỉnh ủy Quảng Trị") + "\""));
            String id = hits.get(0).path("id").asText();
            assertTrue(client.get("/documents/" + id).body().string().contains("href=\"/?issuer=" + enc(lamDong) + "\""),
                    "the document page links to its own issuer under its own parent");
        });
    }

    private io.javalin.Javalin app() throws java.io.IOException {
        return WebServer.create(search, new ContentStore(temp));
    }

    private static long count(JsonNode facets, String dim, String value) {
        for (JsonNode c : facets.path(dim)) {
            if (c.path("value").asText().equals(value)) {
                return c.path("count").asLong();
            }
        }
        return 0;
    }
}
