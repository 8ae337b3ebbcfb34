package vn.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.AppConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracking after the 2025 reform, end to end: a 2026 letter of Tỉnh ủy Quảng Trị to "Đảng ủy các xã, phường, đặc
 * khu" expects each of the province's 78 commune-level units of index-config/communes.tsv, and the report of Đảng
 * ủy xã Ái Tử is filed under xã Ái Tử (not under the former huyện Triệu Phong or any namesake).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommuneTrackingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";

    @TempDir
    static Path temp;
    private Archive archive;

    @BeforeAll
    void importFixtures() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("tu-88.txt"), "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố 88-CV/TU\n"
                + "V/v đẩy mạnh công tác dân vận năm 2026\n\n" + PARTY + "\nQuảng Trị, ngày 02 tháng 3 năm 2026\n\n"
                + "Kính gửi: Đảng ủy các xã, phường, đặc khu.\n\n"
                + "Ban Thường vụ Tỉnh ủy yêu cầu các đảng ủy xây dựng kế hoạch thực hiện và báo cáo kết quả về Ban Thường vụ "
                + "Tỉnh ủy (qua Ban Dân vận Tỉnh ủy) trước ngày 30/4/2026.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nTrần Văn Bình\n\n"
                + "Nơi nhận:\n- Như kính gửi,\n- Lưu Văn phòng Tỉnh ủy.\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("aitu-15.txt"), "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nĐẢNG ỦY XÃ ÁI TỬ\n*\nSố 15-BC/ĐU\n\n" + PARTY
                + "\nÁi Tử, ngày 20 tháng 4 năm 2026\n\nBÁO CÁO\nkết quả thực hiện Công văn số 88-CV/TU\n\n"
                + "Thực hiện Công văn số 88-CV/TU ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy Quảng Trị về đẩy mạnh công tác dân "
                + "vận năm 2026, Ban Thường vụ Đảng ủy xã báo cáo kết quả như sau.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n"
                + "Nguyễn Văn An\n", StandardCharsets.UTF_8);
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(in), o -> { });
    }

    @AfterAll
    void close() throws IOException {
        if (archive != null) {
            archive.close();
        }
    }

    @Test
    void a_2026_provincial_letter_to_its_communes_expects_each_commune_and_files_a_communes_report_under_it()
            throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode t = JSON.readTree(client.get("/api/references/88-CV/TU/tracking").body().string());
            assertEquals("2026-04-30", t.path("deadline").asText(), t.toString());
            Map<String, JsonNode> units = new HashMap<>();
            t.path("expected").forEach(e -> units.put(e.path("unit").asText(), e));
            assertEquals(78, units.size(), "Quảng Trị's 78 units of Nghị quyết 1680/NQ-UBTVQH15: " + units.keySet());
            assertTrue(units.containsKey("Đảng ủy phường Đông Hà"), units.keySet().toString());
            assertTrue(units.containsKey("Đảng ủy đặc khu Cồn Cỏ"), units.keySet().toString());
            JsonNode aiTu = units.get("Đảng ủy xã Ái Tử");
            assertEquals("responded", aiTu.path("status").asText(), aiTu.toString());
            assertEquals("15-BC/ĐU", aiTu.path("responses").get(0).path("number").asText());
            assertEquals("overdue", units.get("Đảng ủy xã Triệu Phong").path("status").asText());
            assertEquals(0, t.path("unexpected").size(), t.path("unexpected").toString());
            assertEquals(1, t.path("counts").path("responded").asInt());
            assertEquals(77, t.path("counts").path("overdue").asInt());
        });
    }
}
