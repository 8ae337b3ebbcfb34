package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import vn.archive.Archive;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.getJson;
import static vn.archive.web.WebTestSupport.links;

/** The HTML pages over the corpus archive: search states, document page, browse pages, languages and errors. */
class PortalIT {
    private final Archive archive = PortalFixture.corpus();

    @Test
    void the_search_page_shows_count_highlighted_snippets_facets_and_export_links() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var r = client.get("/?q=" + enc("dan van kheo"));
            assertEquals(200, r.code());
            String html = r.body().string();
            long total = getJson(client, "/api/search?q=" + enc("dan van kheo")).path("total").asLong();
            assertTrue(html.contains("Tìm thấy " + total + " văn bản cho “dan van kheo”"), html);
            assertTrue(html.contains("<mark>Dân</mark>") || html.contains("<mark>Dân vận khéo</mark>"),
                    "the original words are marked although the query had no diacritics");
            assertTrue(html.contains("id=\"facet-kind\""));
            assertTrue(html.contains("/api/export.csv?q=dan+van+kheo"));
            assertTrue(html.contains("<html lang=\"vi\">"));
        });
    }

    @Test
    void a_facet_link_narrows_the_results_to_that_value_and_its_chip_restores_them() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String html = client.get("/").body().string();
            List<String> kindLinks = links(html, "data-dim=\"kind\"");
            assertFalse(kindLinks.isEmpty());
            String narrowed = kindLinks.stream().filter(l -> l.contains("kind=C%C3%B4ng+v%C4%83n")).findFirst().orElseThrow();
            JsonNode all = getJson(client, "/api/search");
            JsonNode only = getJson(client, "/api/search" + narrowed.substring(1));
            long expected = facetCount(all, "kind", "Công văn");
            assertEquals(expected, only.path("total").asLong());
            assertTrue(only.path("total").asLong() < all.path("total").asLong());
            only.path("hits").forEach(h -> assertEquals("Công văn", h.path("kind").asText()));

            String narrowedHtml = client.get(narrowed).body().string();
            assertTrue(narrowedHtml.contains("class=\"chip\""), "the selected facet shows as a chip");
            List<String> remove = links(narrowedHtml, "class=\"remove\"");
            assertEquals(List.of("/"), remove);
            assertTrue(client.get(remove.getFirst()).body().string().contains(all.path("total").asText()));
        });
    }

    @Test
    void a_date_range_keeps_only_documents_issued_inside_it_and_shows_as_chips() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode r = getJson(client, "/api/search?from=2019-01-01&to=2020-12-31&size=100");
            assertTrue(r.path("total").asLong() > 0);
            r.path("hits").forEach(h -> {
                LocalDate d = LocalDate.parse(h.path("date").asText());
                assertFalse(d.isBefore(LocalDate.of(2019, 1, 1)) || d.isAfter(LocalDate.of(2020, 12, 31)), d.toString());
            });
            String html = client.get("/?from=2019-01-01&to=2020-12-31").body().string();
            assertEquals(List.of("/?to=2020-12-31", "/?from=2019-01-01"), links(html, "class=\"remove\""));
            assertTrue(html.contains("value=\"01/01/2019\""), "the date box keeps its value, day first");
        });
    }

    @Test
    void date_boxes_are_written_day_first_whatever_the_browsers_locale_and_read_as_iso_dates_are() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode iso = getJson(client, "/api/search?from=2019-07-30&to=2020-12-31&size=100");
            JsonNode dayFirst = getJson(client, "/api/search?from=30/07/2019&to=31-12-2020&size=100");
            assertTrue(iso.path("total").asLong() > 0);
            assertEquals(iso.path("hits"), dayFirst.path("hits"));
            String html = client.get("/?from=30/7/2019").body().string();
            assertTrue(html.contains("id=\"from\" name=\"from\" type=\"text\""), "a text box, not the browser's date box");
            assertTrue(html.contains("value=\"30/07/2019\""), html);
            assertEquals(List.of("/"), links(html, "class=\"remove\""), "the date's chip removes it");
            assertEquals(400, client.get("/api/search?from=31/02/2020").code(), "31 February is no date");
            assertEquals(400, client.get("/api/search?from=07/30/2019").code(), "month first is refused, not guessed");
        });
    }

    @Test
    void newest_and_oldest_orders_sort_by_date_of_issue() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            List<LocalDate> newest = dates(getJson(client, "/api/search?sort=newest&size=30"));
            List<LocalDate> oldest = dates(getJson(client, "/api/search?sort=oldest&size=30"));
            assertEquals(newest.stream().sorted(java.util.Comparator.reverseOrder()).toList(), newest);
            assertEquals(oldest.stream().sorted().toList(), oldest);
            assertTrue(newest.getFirst().isAfter(oldest.getFirst()));
            String html = client.get("/?sort=newest").body().string();
            assertTrue(html.contains("<option value=\"newest\" selected>"));
        });
    }

    @Test
    void pages_are_disjoint_cover_the_total_and_link_to_each_other() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            long total = getJson(client, "/api/search").path("total").asLong();
            Set<String> ids = new HashSet<>();
            int pages = (int) ((total + 19) / 20);
            for (int p = 1; p <= pages; p++) {
                getJson(client, "/api/search?page=" + p).path("hits").forEach(h -> assertTrue(ids.add(h.path("id").asText())));
            }
            assertEquals(total, ids.size());
            String second = client.get("/?page=2").body().string();
            assertTrue(second.contains("Hiển thị 21–40 trong " + total + " kết quả"), second);
            assertEquals(List.of("/"), links(second, "rel=\"prev\""));
            assertEquals(List.of("/?page=3"), links(second, "rel=\"next\""));
            String past = client.get("/?page=50").body().string();
            assertTrue(past.contains("Trang này không còn kết quả."));
            assertTrue(past.contains("<a href=\"/?page=" + pages + "\">Về trang cuối</a>"), past);
        });
    }

    @Test
    void no_results_suggest_each_filter_whose_removal_gives_results_with_the_count() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String html = client.get("/?q=" + enc("dan van kheo") + "&kind=" + enc("Luật")).body().string();
            long withoutKind = getJson(client, "/api/search?q=" + enc("dan van kheo")).path("total").asLong();
            assertTrue(html.contains("Không tìm thấy văn bản phù hợp."));
            assertTrue(html.contains("<a href=\"/?q=dan+van+kheo\">Bỏ lọc Loại văn bản: “Luật”</a> — " + withoutKind
                    + " văn bản"), html);
            String oldDates = client.get("/?q=" + enc("dan van kheo") + "&from=1990-01-01&to=1990-12-31").body().string();
            assertTrue(oldDates.contains("<a href=\"/?q=dan+van+kheo\">Bỏ khoảng thời gian</a> — " + withoutKind
                    + " văn bản"), oldDates);
            String nothing = client.get("/?q=xyzzyqwerty").body().string();
            assertTrue(nothing.contains("Mẹo:"), "without filters there is nothing to drop, only tips");
            assertFalse(nothing.contains("class=\"suggestions\""));
        });
    }

    @Test
    void the_document_page_shows_metadata_actions_similar_documents_and_warnings() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String id = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0).path("id").asText();
            String html = client.get("/documents/" + id).body().string();
            assertTrue(html.contains("<td class=\"doc-number\">374-CV/HU"));
            assertTrue(html.contains("30/07/2019"));
            assertTrue(html.contains("<td>Đảng</td>"), "the sector is shown in Vietnamese, not as its code");
            assertTrue(html.contains("href=\"/documents/" + id + "/original\""));
            assertTrue(html.contains("href=\"/documents/" + id + "/text\""));
            assertTrue(html.contains("Văn bản tương tự"));
            List<String> similar = links(html.substring(html.indexOf("similar-list")), "href=\"/documents/");
            assertFalse(similar.isEmpty());
            assertFalse(similar.contains("/documents/" + id), "a document is not similar to itself");
            String plan = null;
            for (JsonNode hit : getJson(client, "/api/search?q=dan+van+kheo&size=50").path("hits")) {
                if (hit.path("number").isNull() && "Kế hoạch".equals(hit.path("kind").asText())) {
                    plan = hit.path("id").asText();
                }
            }
            assertTrue(plan != null, "the Đơn Dương plan, which has no number, is found");
            assertTrue(client.get("/documents/" + plan).body().string().contains("Cảnh báo chất lượng dữ liệu"),
                    "a plan without number or date is flagged");
            assertTrue(html.contains("Phan Văn Linh"), "the full text is on the page");
        });
    }

    @Test
    void the_original_downloads_as_an_attachment_and_the_text_as_plain_text() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String id = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0).path("id").asText();
            var original = client.get("/documents/" + id + "/original");
            assertEquals(200, original.code());
            assertTrue(original.headers().get("Content-Disposition").getFirst().startsWith("attachment;"));
            var text = client.get("/documents/" + id + "/text");
            assertTrue(text.headers().get("Content-Type").getFirst().startsWith("text/plain"));
            assertTrue(text.body().string().contains("Số 374 - CV/HU"));
        });
    }

    @Test
    void browse_pages_count_what_the_search_finds() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String years = client.get("/browse/years").body().string();
            long in2019 = getJson(client, "/api/search?year=2019").path("total").asLong();
            assertTrue(in2019 > 0);
            assertTrue(years.contains("<a href=\"/?year=2019\">2019</a> <span class=\"n\">" + in2019 + "</span>"), years);
            String kinds = client.get("/browse/kinds").body().string();
            long laws = getJson(client, "/api/search?kind=" + enc("Luật")).path("total").asLong();
            assertTrue(kinds.contains(">Luật</a> <span class=\"n\">" + laws + "</span>"));
            assertEquals(200, client.get("/browse/issuers").code());
            String home = client.get("/").body().string();
            assertTrue(home.contains("<a href=\"/browse/years\">Xem tất cả</a>"),
                    "more years than the facet shows: a link to all of them");
        });
    }

    @Test
    void the_english_switch_translates_the_page_and_is_remembered_by_a_cookie() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var en = client.get("/?q=" + enc("dan van kheo") + "&lang=en");
            String html = en.body().string();
            assertTrue(html.contains("<html lang=\"en\">"));
            assertTrue(html.contains("Found "));
            assertTrue(en.headers().get("Set-Cookie").getFirst().startsWith("lang=en"));
            assertTrue(html.contains("href=\"/?q=dan+van+kheo&amp;lang=vi\""), "the switch goes back to Vietnamese");
            String remembered = client.get("/browse/years", b -> b.header("Cookie", "lang=en")).body().string();
            assertTrue(remembered.contains("Browse by year"));
            // the test client keeps cookies across tests: switch back before anything else runs
            assertTrue(client.get("/?lang=vi").body().string().contains("<html lang=\"vi\">"));
            assertTrue(client.get("/?lang=xx").body().string().contains("<html lang=\"vi\">"), "unknown languages are ignored");
        });
    }

    @Test
    void every_page_renders_in_both_languages() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String id = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0).path("id").asText();
            List<String> pages = List.of("/", "/?q=" + enc("dan van kheo") + "&kind=" + enc("Luật") + "&from=2019-01-01",
                    "/documents/" + id, "/browse/issuers", "/browse/years", "/browse/kinds", "/import");
            for (String lang : List.of("en", "vi")) {
                for (String page : pages) {
                    String sep = page.contains("?") ? "&" : "?";
                    var r = client.get(page + sep + "lang=" + lang);
                    assertEquals(200, r.code(), page);
                    assertTrue(r.body().string().contains("<html lang=\"" + lang + "\">"), page);
                }
            }
            var missing = client.get("/documents/none?lang=en");
            assertEquals(404, missing.code());
            assertTrue(missing.body().string().contains("Error 404"));
            client.get("/?lang=vi");
        });
    }

    @Test
    void user_text_is_escaped_everywhere_it_is_shown() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String html = client.get("/?q=" + enc("<script>alert(1)</script>") + "&kind=" + enc("\"><b>x")).body().string();
            assertFalse(html.contains("<script>alert(1)"));
            assertFalse(html.contains("\"><b>x"));
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        });
    }

    @Test
    void unknown_pages_and_bad_parameters_get_vietnamese_error_pages_with_the_right_status() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var missing = client.get("/documents/doesnotexist");
            assertEquals(404, missing.code());
            assertTrue(missing.body().string().contains("Không tìm thấy văn bản [doesnotexist]"));
            assertEquals(404, client.get("/documents/doesnotexist/original").code());
            assertEquals(404, client.get("/documents/doesnotexist/text").code());
            assertEquals(404, client.get("/no/such/page").code());
            String english = WebTestSupport.inEnglish(client, "/no/such/page");
            String tree = WebTestSupport.inEnglish(client, "/references/352-CV/TU");
            assertTrue(english.contains("Not found") && !english.contains("Không tìm thấy trang"), english);
            assertTrue(tree.contains("Implementation tree: 352-CV/TU") && tree.contains(">implements<")
                    && !tree.contains("Cây thực hiện") && !tree.contains("chưa có trong kho"), tree);
            var bad = client.get("/api/search?from=hôm-qua");
            assertEquals(400, bad.code());
            assertTrue(bad.body().string().contains("phải là ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD"));
            assertEquals(400, client.get("/api/search?page=0").code());
            assertEquals(400, client.get("/api/search?sort=random").code());
            assertEquals(400, client.get("/api/search?from=2021-01-01&to=2020-01-01").code());
            assertEquals(400, client.get("/api/search?q=" + enc("?!… — ;")).code(), "no searchable word");
        });
    }

    @Test
    void bad_search_parameters_are_explained_on_the_same_page_keeping_the_query_and_filters() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var reversed = client.get("/?q=" + enc("dân vận") + "&kind=" + enc("Công văn")
                    + "&from=2021-01-01&to=2019-01-01");
            assertEquals(200, reversed.code());
            String page = reversed.body().string();
            assertTrue(page.contains("đã đổi chỗ hai ngày"), page);
            assertTrue(page.contains("value=\"dân vận\""), "the query is kept in the box");
            assertTrue(page.contains("value=\"2019-01-01\"") && page.contains("value=\"2021-01-01\""),
                    "the range is kept, swapped");
            assertTrue(page.contains("data-value=\"Công văn\""), "the filter is kept as a chip");
            assertTrue(page.contains("374-CV/HU"), "and the search ran: Triệu Phong's 374-CV/HU (2019) is listed");

            String english = WebTestSupport.inEnglish(client, "/?from=hôm-qua&q=" + enc("dân vận"));
            assertTrue(english.contains("is not a valid date"), english);
            assertFalse(english.contains("phải là ngày"), "the page speaks its own language");

            String pasted = "Quán triệt sâu sắc chủ trương của Đảng về công tác dân vận ".repeat(12);
            var longQuery = client.get("/?q=" + enc(pasted));
            assertEquals(200, longQuery.code());
            String longPage = longQuery.body().string();
            assertTrue(longPage.contains("chỉ tìm theo phần đầu"), longPage);
            assertTrue(longPage.contains(pasted.strip()), "the pasted paragraph is kept in the box");

            var punctuation = client.get("/?q=" + enc("?!… — ;"));
            assertEquals(200, punctuation.code());
            String none = punctuation.body().string();
            assertTrue(none.contains("không có chữ hay số nào để tìm"), none);
            assertFalse(none.contains("class=\"hit\""), "a query of punctuation alone finds nothing");
            assertTrue(client.get("/?page=0").body().string().contains("Chỉ xem được đến trang"));
            assertTrue(client.get("/?sort=random").body().string().contains("không hợp lệ; đã sắp theo mức liên quan"));
        });
    }

    @Test
    void pages_load_only_local_assets_and_no_inline_script() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            for (String path : List.of("/", "/browse/issuers", "/import", "/?q=" + enc("dân vận"))) {
                String html = client.get(path).body().string();
                assertFalse(html.contains("http://") || html.contains("https://"), path + " refers to another host");
                assertFalse(html.matches("(?s).*<script>.*"), path + " has an inline script, which the CSP forbids");
            }
            assertTrue(client.get("/assets/style.css").body().string().contains(".chip"));
            assertTrue(client.get("/assets/app.js").body().string().contains("data-autosubmit"));
            assertTrue(client.get("/").headers().get("Content-Security-Policy").getFirst().contains("script-src 'self'"));
        });
    }

    private static long facetCount(JsonNode response, String dim, String value) {
        for (JsonNode c : response.path("facets").path(dim)) {
            if (c.path("value").asText().equals(value)) {
                return c.path("count").asLong();
            }
        }
        throw new AssertionError("no facet value " + value);
    }

    private static List<LocalDate> dates(JsonNode response) {
        List<LocalDate> out = new java.util.ArrayList<>();
        response.path("hits").forEach(h -> {
            if (!h.path("date").isNull()) {
                out.add(LocalDate.parse(h.path("date").asText()));
            }
        });
        return out;
    }
}
