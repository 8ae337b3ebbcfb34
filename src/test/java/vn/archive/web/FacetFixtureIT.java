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
            assertTrue(html.contains("href=\"/?issuer=Ban+Th%C6%B0%E1%BB%9Dng+v%E1%BB%A5+Huy%E1%BB%87n+%E1%BB%A7y+Tri%E1%BB%87u+Phong\""));
            assertTrue(html.contains("<span class=\"parent-name\">Cơ quan trung ương</span>"), "the central group");
            assertFalse(html.contains("Chưa rõ cơ quan cấp trên"), "no issuer here is of unknown parent");
            // three levels: the province's committee, the district's committee, its board
            int province = html.indexOf("<span class=\"parent-name\">Tỉnh ủy Lâm Đồng</span>");
            int district = html.indexOf("<span class=\"parent-name\">Thành ủy Bảo Lộc</span>");
            int board = html.indexOf(">Ban Thường vụ Thành ủy Bảo Lộc</a>");
            int next = html.indexOf("<span class=\"parent-name\">", district + 1);
            assertTrue(province >= 0 && province < district && district < board && (next < 0 || board < next), html);
            assertTrue(html.indexOf("class=\"district\"", province) < district, "the district is nested: " + html);
            String english = WebTestSupport.inEnglish(client, "/browse/issuers");
            assertTrue(english.contains("<span class=\"parent-name\">Tỉnh ủy Quảng Trị</span>"), english);
            assertTrue(english.contains("<span class=\"parent-name\">Huyện ủy Triệu Phong</span>"), english);
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

    /**
     * Counts estimated from a sample (a search matching over 100,000 documents) read as such: "≈" before each count and
     * "khoảng" / "about" before the total, and {@code estimated} in the JSON; exact counts read as before. The service
     * answers as the real one over this index, its answers marked estimated as the sample would mark them (this index
     * is far below the bound).
     */
    @Test
    void estimated_counts_read_as_about_in_both_languages_and_exact_ones_do_not() throws Exception {
        JavalinTest.test(app(), (server, client) -> {
            assertFalse(getJson(client, "/api/search?q=" + enc("dân vận")).path("estimated").asBoolean(true));
            String exact = client.get("/?q=" + enc("dân vận")).body().string();
            assertFalse(exact.contains("≈") || exact.contains("khoảng"), "exact counts carry no estimate sign");
        });
        JavalinTest.test(WebServer.create(estimated(search), new ContentStore(temp)), (server, client) -> {
            assertTrue(getJson(client, "/api/search?q=" + enc("dân vận")).path("estimated").asBoolean(false));
            String html = client.get("/?q=" + enc("dân vận")).body().string();
            assertTrue(html.contains("Tìm thấy khoảng 4 văn bản"), html);
            assertTrue(html.contains("<span class=\"n\">≈3</span>"), "each count shown as an estimate");
            String english = WebTestSupport.inEnglish(client, "/?q=" + enc("dân vận"));
            assertTrue(english.contains("Found about 4 documents"), english);
            assertTrue(client.get("/?level=" + enc("huyện")).body().string().contains("Có khoảng 3 văn bản"));
        });
    }

    /** The service with every search answer marked estimated, its clearance views too. */
    private static vn.archive.search.SearchService estimated(vn.archive.search.SearchService real) {
        return (vn.archive.search.SearchService) java.lang.reflect.Proxy.newProxyInstance(
                FacetFixtureIT.class.getClassLoader(), new Class<?>[] {vn.archive.search.SearchService.class},
                (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (answer instanceof vn.archive.search.SearchResponse r) {
                        return new vn.archive.search.SearchResponse(r.query(), r.total(), r.page(), r.size(), r.hits(),
                                r.facets(), true);
                    }
                    return answer instanceof vn.archive.search.SearchService view && view != real ? estimated(view)
                            : answer == real ? proxy : answer;
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
