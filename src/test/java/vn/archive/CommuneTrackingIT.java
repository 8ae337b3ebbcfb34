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
 * ủy xã Ái Tử is filed under xã Ái Tử (not under the former huyện Triệu Phong or any namesake); likewise a 2026 letter
 * of Tỉnh ủy Lâm Đồng expects its 124 units and files Đảng ủy xã Tân Hội's report under it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommuneTrackingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";

    @TempDir
    static Path temp;
    private Archive archive;

    /** A 2026 letter of a provincial standing committee to every commune's Party committee, with a deadline. */
    private static String letter(String province, String number, String subject, String date, String deadline,
                                 String via, String signer) {
        return "ĐẢNG BỘ TỈNH " + province.toUpperCase(java.util.Locale.ROOT) + "\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố " + number
                + "\nV/v " + subject + "\n\n" + PARTY + "\n" + province + ", ngày " + date + "\n\n"
                + "Kính gửi: Đảng ủy các xã, phường, đặc khu.\n\n"
                + "Ban Thường vụ Tỉnh ủy yêu cầu các đảng ủy xây dựng kế hoạch thực hiện và báo cáo kết quả về Ban Thường vụ "
                + "Tỉnh ủy (qua " + via + ") trước ngày " + deadline + ".\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n" + signer + "\n\n"
                + "Nơi nhận:\n- Như kính gửi,\n- Lưu Văn phòng Tỉnh ủy.\n";
    }

    /** A xã's Party committee reports on the letter. */
    private static String report(String province, String xa, String number, String date, String cited, String signer) {
        return "ĐẢNG BỘ TỈNH " + province.toUpperCase(java.util.Locale.ROOT) + "\nĐẢNG ỦY XÃ " + xa.toUpperCase(java.util.Locale.ROOT)
                + "\n*\nSố " + number + "\n\n" + PARTY + "\n" + xa + ", ngày " + date + "\n\nBÁO CÁO\nkết quả thực hiện "
                + cited.substring(0, cited.indexOf(" ngày ")) + "\n\nThực hiện " + cited + ", Ban Thường vụ Đảng ủy xã báo cáo "
                + "kết quả như sau.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n" + signer + "\n";
    }

    @BeforeAll
    void importFixtures() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.writeString(in.resolve("tu-88.txt"), letter("Quảng Trị", "88-CV/TU", "đẩy mạnh công tác dân vận năm 2026",
                "02 tháng 3 năm 2026", "30/4/2026", "Ban Dân vận Tỉnh ủy", "Trần Văn Bình"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("aitu-15.txt"), report("Quảng Trị", "Ái Tử", "15-BC/ĐU", "20 tháng 4 năm 2026",
                "Công văn số 88-CV/TU ngày 02/3/2026 của Ban Thường vụ Tỉnh ủy Quảng Trị về đẩy mạnh công tác dân vận năm 2026",
                "Nguyễn Văn An"), StandardCharsets.UTF_8);
        // Lâm Đồng after the reform (NQ 1671/NQ-UBTVQH15): the new province's 124 communes, one xã answering
        Files.writeString(in.resolve("ld-tu-90.txt"), letter("Lâm Đồng", "90-CV/TU", "chuyển đổi số ở cơ sở năm 2026",
                "05 tháng 3 năm 2026", "15/5/2026", "Văn phòng Tỉnh ủy", "Lê Văn Cường"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("ld-tanhoi-7.txt"), report("Lâm Đồng", "Tân Hội", "7-BC/ĐU", "10 tháng 5 năm 2026",
                "Công văn số 90-CV/TU ngày 05/3/2026 của Ban Thường vụ Tỉnh ủy Lâm Đồng về chuyển đổi số ở cơ sở năm 2026",
                "Phạm Thị Hoa"), StandardCharsets.UTF_8);
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

    @Test
    void a_2026_lam_dong_letter_to_its_communes_expects_its_124_units_and_files_a_xas_report_under_it() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode t = JSON.readTree(client.get("/api/references/90-CV/TU/tracking").body().string());
            assertEquals("2026-05-15", t.path("deadline").asText(), t.toString());
            Map<String, JsonNode> units = new HashMap<>();
            t.path("expected").forEach(e -> units.put(e.path("unit").asText(), e));
            assertEquals(124, units.size(), "Lâm Đồng's 124 units of Nghị quyết 1671/NQ-UBTVQH15: " + units.keySet());
            assertTrue(units.containsKey("Đảng ủy phường Lang Biang - Đà Lạt"), units.keySet().toString());
            assertTrue(units.containsKey("Đảng ủy đặc khu Phú Quý"), units.keySet().toString());
            assertTrue(units.containsKey("Đảng ủy xã Đam Rông 1"), units.keySet().toString());
            assertEquals(0, t.path("unresolved").size(), t.path("unresolved").toString());
            JsonNode tanHoi = units.get("Đảng ủy xã Tân Hội");
            assertEquals("responded", tanHoi.path("status").asText(), tanHoi.toString());
            assertEquals("7-BC/ĐU", tanHoi.path("responses").get(0).path("number").asText());
            assertEquals(1, t.path("counts").path("responded").asInt());
            assertEquals(123, t.path("counts").path("overdue").asInt() + t.path("counts").path("pending").asInt());
        });
    }
}
