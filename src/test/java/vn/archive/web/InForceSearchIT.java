package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.model.Clearance;
import vn.archive.search.FacetCount;
import vn.archive.search.FacetDimensions;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-force facet and filter of the search, on real documents: Quyết định 232/QĐ-UBND of Ninh Bình (real 053)
 * replaces 1649/QĐ-UBND, Nghị định 48/2013/NĐ-CP (real 054) amends 63/2010/NĐ-CP, and a classified decree made here
 * replaces 63/2010/NĐ-CP for those cleared to read it only. The status is decided per query, so a replacing document
 * imported after the replaced one changes the facet without re-indexing it.
 */
class InForceSearchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DECREE_63 = """
            CHÍNH PHỦ
            Số: 63/2010/NĐ-CP
            Hà Nội, ngày 08 tháng 6 năm 2010
            NGHỊ ĐỊNH
            VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
            Điều 1. Nghị định này quy định về kiểm soát thủ tục hành chính.
            Điều 40. Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2010.
            """;
    private static final String SECRET_REPLACING_63 = """
            MẬT
            CHÍNH PHỦ
            Số: 92/2017/NĐ-CP
            Hà Nội, ngày 07 tháng 8 năm 2017
            NGHỊ ĐỊNH
            VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH
            Điều 1. Nghị định này quy định về kiểm soát thủ tục hành chính.
            Điều 2. Nghị định này có hiệu lực thi hành kể từ ngày ký và thay thế Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính.
            """;

    @Test
    void replaced_amended_and_unknown_documents_are_counted_and_filtered_by_their_status(@TempDir Path temp)
            throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("old.txt"), InForceIT.OLD, StandardCharsets.UTF_8);
        Files.copy(Path.of("src/test/resources/real/053.txt"), in.resolve("053.txt"));
        Files.copy(Path.of("src/test/resources/real/054.txt"), in.resolve("054.txt"));
        Files.writeString(in.resolve("63.txt"), DECREE_63, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(in), o -> { });
            SearchService all = archive.search();
            assertEquals(Set.of("1649/QĐ-UBND"), numbers(all, "expired"));
            assertEquals(Set.of("63/2010/NĐ-CP"), numbers(all, "partly_expired"));
            assertEquals(Set.of("232/QĐ-UBND"), numbers(all, "in_force"));
            assertEquals(Set.of("48/2013/NĐ-CP"), numbers(all, "unknown"), "its text gives no effective date");
            assertEquals(Set.of("1649/QĐ-UBND", "232/QĐ-UBND"), numbers(all, "expired", "in_force"),
                    "values of one dimension are or-ed");
            Map<String, Long> counts = counts(all.search(request(Map.of())));
            assertEquals(Map.of("expired", 1L, "partly_expired", 1L, "in_force", 1L, "unknown", 1L), counts);
            assertEquals(counts, counts(all.search(request(Map.of(FacetDimensions.IN_FORCE, List.of("expired"))))),
                    "the facet counts what the other filters leave, so a selected status can be widened");
        }
    }

    @Test
    void a_classified_replacing_decree_ends_the_old_one_only_for_readers_who_may_see_it(@TempDir Path temp)
            throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(Path.of("src/test/resources/real/054.txt"), in.resolve("054.txt"));
        Files.writeString(in.resolve("63.txt"), DECREE_63, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(in), o -> { });
            assertEquals(Set.of("63/2010/NĐ-CP"), numbers(archive.search(), "partly_expired"));
            // the replacing decree arrives later: the old one's status follows without re-indexing it
            Path later = Files.createDirectories(temp.resolve("later"));
            Files.writeString(later.resolve("92.txt"), SECRET_REPLACING_63, StandardCharsets.UTF_8);
            archive.pipeline().run(List.of(later), o -> { });
            assertEquals(Set.of("63/2010/NĐ-CP"), numbers(archive.search(), "expired"), "seen by a cleared reader");
            SearchService pub = archive.search().restrictedTo(Clearance.NONE);
            assertEquals(Set.of("63/2010/NĐ-CP"), numbers(pub, "partly_expired"),
                    "a reader who may not see the secret decree sees only the public amendment");
            assertEquals(Set.of(), numbers(pub, "expired"));
            JavalinTest.test(archive.webApp(), (server, client) -> {
                JsonNode api = JSON.readTree(client.get("/api/search?in_force=expired").body().string());
                assertEquals(0, api.path("total").asLong(), api.toString());
                JsonNode partly = JSON.readTree(client.get("/api/search?in_force=partly_expired").body().string());
                assertEquals("63/2010/NĐ-CP", partly.path("hits").get(0).path("number").asText(), partly.toString());
                String id = partly.path("hits").get(0).path("id").asText();
                JsonNode doc = JSON.readTree(client.get("/api/documents/" + id).body().string());
                assertEquals("partly_expired", doc.path("inForce").path("status").asText(),
                        "the document object agrees with the filter for the same reader");
                List<String> shown = partly.path("facets").path("in_force").findValuesAsText("value");
                assertEquals(List.of("partly_expired", "unknown"), shown,
                        "no expired count gives the secret decree away");
                assertEquals(400, client.get("/api/search?in_force=valid").code());
                String page = client.get("/?in_force=partly_expired").body().string();
                assertTrue(page.contains("Hiệu lực") && page.contains("Hết hiệu lực một phần"), page);
                String english = WebTestSupport.inEnglish(client, "/?in_force=partly_expired");
                assertTrue(english.contains("In force") && english.contains("Partly expired"), english);
            });
        }
    }

    @Test
    void a_decree_whose_effective_date_is_ahead_is_not_yet_in_force(@TempDir Path temp)
            throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("63.txt"), DECREE_63.replace("ngày 14 tháng 10 năm 2010",
                "ngày 01 tháng 01 năm 2099"), StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(in), o -> { });
            assertEquals(Set.of("63/2010/NĐ-CP"), numbers(archive.search(), "not_yet"));
            assertEquals(Set.of(), numbers(archive.search(), "in_force"));
        }
    }

    private static SearchRequest request(Map<String, List<String>> filters) {
        return new SearchRequest("", filters, null, null, SearchRequest.Sort.RELEVANCE, 1, 50);
    }

    private static Set<String> numbers(SearchService search, String... statuses) throws Exception {
        return search.search(request(Map.of(FacetDimensions.IN_FORCE, List.of(statuses)))).hits().stream()
                .map(SearchHit::number).collect(Collectors.toSet());
    }

    private static Map<String, Long> counts(vn.archive.search.SearchResponse response) {
        return response.facets().get(FacetDimensions.IN_FORCE).stream()
                .collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    }
}
