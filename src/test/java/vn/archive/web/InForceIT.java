package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.search.SearchRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-force status in the API's document object and on the document page, from a later replacing decision. */
class InForceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String OLD = """
            ỦY BAN NHÂN DÂN
            TỈNH NINH BÌNH
            Số: 1649/QĐ-UBND
            Ninh Bình, ngày 02 tháng 12 năm 2016
            QUYẾT ĐỊNH
            VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO
            Điều 1. Công bố Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của sở Giáo dục và Đào tạo.
            Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
            """;
    private static final String NEW = """
            ỦY BAN NHÂN DÂN
            TỈNH NINH BÌNH
            Số: 232/QĐ-UBND
            Ninh Bình, ngày 12 tháng 4 năm 2019
            QUYẾT ĐỊNH
            VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN THEO CƠ CHẾ MỘT CỬA
            Điều 1. Công bố Danh mục thủ tục hành chính thực hiện theo cơ chế một cửa.
            Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 1649/QĐ-UBND ngày 02/12/2016 của Chủ tịch UBND tỉnh Ninh Bình về việc công bố danh mục các thủ tục hành chính.
            """;

    @Test
    void a_decision_replaced_by_a_later_one_in_the_archive_is_expired_with_a_link_to_it(@TempDir Path temp) throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("old.txt"), OLD, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("new.txt"), NEW, StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(in), o -> { });
            String oldId = idOf(archive, "1649/QĐ-UBND");
            String newId = idOf(archive, "232/QĐ-UBND");
            JavalinTest.test(archive.webApp(), (server, client) -> {
                JsonNode old = JSON.readTree(client.get("/api/documents/" + oldId).body().string());
                JsonNode status = old.path("inForce");
                assertEquals("expired", status.path("status").asText(), old.toString());
                assertEquals("2016-12-02", status.path("effectiveFrom").asText(), "from the day it was signed");
                assertEquals(newId, status.path("changedBy").get(0).path("id").asText());
                assertEquals("replaces", status.path("changedBy").get(0).path("relation").asText());
                JsonNode replacing = JSON.readTree(client.get("/api/documents/" + newId).body().string());
                assertEquals("in_force", replacing.path("inForce").path("status").asText());
                assertTrue(replacing.path("inForce").path("changedBy").isEmpty());
                String page = client.get("/documents/" + oldId).body().string();
                assertTrue(page.contains("Hết hiệu lực toàn bộ") && page.contains("Bị thay thế bởi"), page);
                assertTrue(page.contains("href=\"/documents/" + newId + "\""), "a link to the replacing decision");
            });
        }
    }

    private static String idOf(Archive archive, String number) throws Exception {
        return archive.search().search(new SearchRequest("\"" + number + "\"", Map.of(), null, null,
                SearchRequest.Sort.RELEVANCE, 1, 10)).hits().stream()
                .filter(h -> number.equals(h.number())).findFirst().orElseThrow().id();
    }
}
