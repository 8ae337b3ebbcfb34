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
import vn.archive.graph.AdminUnits;
import vn.archive.graph.Tracker;
import vn.archive.graph.Tracking;
import vn.archive.model.Clearance;
import vn.archive.render.DocumentRenderer;
import vn.archive.graph.ClearedReferenceGraph;
import vn.archive.graph.ReferenceGraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Implementation tracking end to end on generated Party-format documents: a Lâm Đồng provincial letter to its
 * district committees with a reporting deadline (30/6/2020); Đơn Dương answers on time (a TXT and a DOCX of one
 * plan), Lâm Hà reports late, Đà Lạt answers through the provincial Ban Dân vận's guidance, Đức Trọng answers in a
 * classified letter, Di Linh's people's committee (not addressed) answers anyway, and the other districts are silent.
 * Over 300 lines because the fixture archive is imported once for every status, view and export it proves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";
    private static final String CITE = "Thực hiện Công văn số 99-CV/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy Lâm Đồng về "
            + "đẩy mạnh công tác dân vận chính quyền";

    @TempDir
    static Path temp;
    private Archive archive;

    private static String district(String committee, String number, String kind, String place, String date, String body,
                                   String mark) {
        return "ĐẢNG BỘ TỈNH LÂM ĐỒNG\n" + committee + "\n*\nSố " + number + "\n" + (mark == null ? "" : mark + "\n")
                + "\n" + PARTY + "\n" + place + ", ngày " + date + "\n\n" + kind + "\n\n" + body
                + "\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n";
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @BeforeAll
    void importFixtures() throws IOException {
        Path in = Files.createDirectories(temp.resolve("in"));
        write(in, "tu-99.txt", "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nBAN THƯỜNG VỤ TỈNH ỦY\n*\nSố 99-CV/TU\n"
                + "V/v đẩy mạnh công tác dân vận chính quyền năm 2020\n\n" + PARTY + "\nĐà Lạt, ngày 02 tháng 3 năm 2020\n\n"
                + "Kính gửi: Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy.\n\n"
                + "Thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI), Ban Thường vụ "
                + "Tỉnh ủy yêu cầu các huyện ủy, thành ủy xây dựng kế hoạch thực hiện và báo cáo kết quả về Ban Thường vụ "
                + "Tỉnh ủy (qua Ban Dân vận Tỉnh ủy) trước ngày 30/6/2020.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nTrần Văn Bình\n\n"
                + "Nơi nhận:\n- Như kính gửi,\n- Ban Dân vận Trung ương (b/c),\n- Lưu Văn phòng Tỉnh ủy.\n");
        String donDuong = district("HUYỆN ỦY ĐƠN DƯƠNG", "12-KH/HU", "KẾ HOẠCH\nthực hiện Công văn số 99-CV/TU", "Đơn Dương",
                "10 tháng 4 năm 2020", CITE + ", Ban Thường vụ Huyện ủy xây dựng kế hoạch thực hiện như sau.", null);
        write(in, "dondong-12.txt", donDuong);
        Files.write(in.resolve("dondong-12.docx"), DocumentRenderer.docx(donDuong));
        write(in, "lamha-30.txt", district("HUYỆN ỦY LÂM HÀ", "30-BC/HU", "BÁO CÁO\nkết quả thực hiện Công văn số 99-CV/TU",
                "Lâm Hà", "15 tháng 8 năm 2020", CITE + ", Ban Thường vụ Huyện ủy báo cáo kết quả như sau.", null));
        write(in, "bdvtu-5.txt", "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nBAN DÂN VẬN TỈNH ỦY\n*\nSố 5-HD/BDVTU\n\n" + PARTY
                + "\nĐà Lạt, ngày 16 tháng 3 năm 2020\n\nHƯỚNG DẪN\ntriển khai Công văn số 99-CV/TU\n\n" + CITE
                + ", Ban Dân vận Tỉnh ủy hướng dẫn các huyện ủy, thành ủy triển khai như sau.\n\nTRƯỞNG BAN\n\nLê Thị Cúc\n");
        write(in, "dalat-20.txt", district("THÀNH ỦY ĐÀ LẠT", "20-KH/ThU", "KẾ HOẠCH\ntriển khai Hướng dẫn số 5-HD/BDVTU",
                "Đà Lạt", "05 tháng 5 năm 2020", "Thực hiện Hướng dẫn số 5-HD/BDVTU ngày 16/3/2020 của Ban Dân vận Tỉnh ủy Lâm "
                        + "Đồng, Ban Thường vụ Thành ủy xây dựng kế hoạch như sau.", null));
        write(in, "ductrong-77.txt", district("HUYỆN ỦY ĐỨC TRỌNG", "77-CV/HU", "V/v thực hiện Công văn số 99-CV/TU",
                "Đức Trọng", "20 tháng 5 năm 2020", CITE + ", Ban Thường vụ Huyện ủy chỉ đạo như sau.", "MẬT"));
        write(in, "dilinh-44.txt", "ỦY BAN NHÂN DÂN\nHUYỆN DI LINH\n-------\nSố: 44/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "Độc lập - Tự do - Hạnh phúc\n---------------\nDi Linh, ngày 20 tháng 4 năm 2020\n\nKẾ HOẠCH\n"
                + "thực hiện Công văn số 99-CV/TU của Ban Thường vụ Tỉnh ủy Lâm Đồng\n\n" + CITE
                + ", Ủy ban nhân dân huyện Di Linh ban hành kế hoạch như sau.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhạm Văn Dũng\n");
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.SEEDS, Path.of("src/test/resources/refs/fixtures"), in), o -> { });
    }

    @AfterAll
    void close() throws IOException {
        if (archive != null) {
            archive.close();
        }
    }

    private static Map<String, JsonNode> byPlace(JsonNode t) {
        Map<String, JsonNode> out = new HashMap<>();
        t.path("expected").forEach(e -> out.put(e.path("place").asText(), e));
        return out;
    }

    @Test
    void each_status_of_the_provincial_letter_comes_through_the_api() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode t = JSON.readTree(client.get("/api/references/99-CV/TU/tracking").body().string());
            assertEquals("99-CV/TU", t.path("document").path("number").asText(), t.toString());
            assertEquals("2020-06-30", t.path("deadline").asText());
            Map<String, JsonNode> units = byPlace(t);
            assertEquals(12, units.size(), "Lâm Đồng's twelve district-level units of 2020: " + units.keySet());
            assertEquals("Huyện ủy Đơn Dương", units.get("Đơn Dương").path("unit").asText());
            assertEquals("responded", units.get("Đơn Dương").path("status").asText());
            assertEquals(1, units.get("Đơn Dương").path("responses").size(), "the TXT and the DOCX are one plan");
            assertTrue(units.get("Đơn Dương").path("responses").get(0).path("onTime").asBoolean());
            assertEquals("late", units.get("Lâm Hà").path("status").asText());
            assertFalse(units.get("Lâm Hà").path("responses").get(0).path("onTime").asBoolean());
            assertEquals("reports_on", units.get("Lâm Hà").path("responses").get(0).path("relation").asText(),
                    "a report on the results is a response");
            JsonNode daLat = units.get("Đà Lạt");
            assertEquals("Thành ủy Đà Lạt", daLat.path("unit").asText());
            assertEquals("responded", daLat.path("status").asText(), "through the Ban Dân vận's guidance");
            assertEquals("5-HD/BDVTU", daLat.path("responses").get(0).path("via").asText());
            assertEquals("overdue", units.get("Đam Rông").path("status").asText());
            assertEquals("overdue", units.get("Đức Trọng").path("status").asText(),
                    "an anonymous reader neither sees nor counts the classified answer");
            assertTrue(t.toString().contains("UBND huyện Di Linh") || t.path("unexpected").toString().contains("Di Linh"),
                    t.path("unexpected").toString());
            assertFalse(t.toString().contains("77-CV/HU"));
            assertEquals(1, t.path("unexpected").size(), "the provincial guidance is an intermediate, not a stranger: "
                    + t.path("unexpected"));
            assertTrue(t.path("unresolved").toString().contains("đảng ủy trực thuộc Tỉnh ủy"), t.path("unresolved").toString());
            JsonNode counts = t.path("counts");
            assertEquals(12, counts.path("expected").asInt());
            assertEquals(2, counts.path("responded").asInt());
            assertEquals(1, counts.path("late").asInt());
            assertEquals(9, counts.path("overdue").asInt());

            String page = client.get("/references/99-CV/TU").body().string();
            assertTrue(page.contains("Theo dõi thực hiện") && page.contains("3/12 đơn vị đã có văn bản, 9 quá hạn"), page);
            assertTrue(page.contains("class=\"tracking-overdue\""));
            String directive = t.path("document").path("id").asText();
            assertTrue(client.get("/documents/" + directive).body().string()
                    .contains("href=\"/documents/" + directive + "/tracking#tracking-heading\""),
                    "the directive's page links to its tracking, by id");
            assertEquals(t, JSON.readTree(client.get("/api/documents/" + directive + "/tracking").body().string()),
                    "tracked by id as by its number, which no namesake shares");
            String byId = client.get("/documents/" + directive + "/tracking").body().string();
            assertTrue(byId.contains("3/12 đơn vị đã có văn bản, 9 quá hạn")
                    && byId.contains("href=\"/api/documents/" + directive + "/tracking.csv\""), byId);
            assertEquals(404, client.get("/api/documents/no-such-directive/tracking").code());
            var csv = client.get("/api/references/99-CV/TU/tracking.csv");
            String text = csv.body().string();
            assertEquals('\uFEFF', text.charAt(0), "a byte order mark so Excel reads UTF-8");
            assertTrue(csv.headers().get("Content-Type").getFirst().startsWith("text/csv"));
            assertTrue(text.contains("Huyện ủy Đam Rông") && text.contains("Quá hạn") && text.contains("12-KH/HU"), text);
            String word = wordText(new java.io.ByteArrayInputStream(bytes(server.port(), "/api/references/99-CV/TU/tracking.docx")));
            assertTrue(word.contains("BÁO CÁO") && word.contains("theo dõi, đôn đốc thực hiện Công văn số 99-CV/TU"), word);
            assertTrue(word.indexOf("HUYỆN ỦY ĐAM RÔNG — QUÁ HẠN") < word.indexOf("Huyện ủy Đơn Dương — Kế hoạch 12-KH/HU"),
                    "overdue units first, in capitals");
            assertTrue(word.contains("Huyện ủy Lâm Hà — Báo cáo 30-BC/HU ngày 15/08/2020 (trễ hạn)"), word);
            try (var d = org.apache.pdfbox.Loader.loadPDF(bytes(server.port(), "/api/references/99-CV/TU/tracking.pdf"))) {
                assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(d).contains("Thành ủy Đà Lạt"));
            }
        });
    }

    @Test
    void a_reader_cleared_for_it_sees_the_classified_answer() throws IOException {
        Tracker tracker = new Tracker(AdminUnits.load(null), Clock.systemUTC());
        Tracking all = tracker.track("99-CV/TU", archive.references(), archive.search()).orElseThrow();
        Tracking anonymous = tracker.track("99-CV/TU", new ClearedReferenceGraph(archive.references(),
                archive.search().restrictedTo(Clearance.NONE)), archive.search().restrictedTo(Clearance.NONE)).orElseThrow();
        String ducTrong = all.expected().stream().filter(e -> e.place().equals("Đức Trọng")).findFirst().orElseThrow().status();
        assertEquals(Tracking.RESPONDED, ducTrong);
        assertEquals(all.counts().responded() - 1, anonymous.counts().responded());
    }

    @Test
    void a_directive_without_deadline_leaves_the_silent_units_pending() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode t = JSON.readTree(client.get("/api/references/352-CV/TU/tracking").body().string());
            assertTrue(t.path("deadline").isNull(), t.toString());
            Map<String, JsonNode> units = byPlace(t);
            assertEquals("responded", units.get("Bảo Lộc").path("status").asText(), t.toString());
            assertEquals("134-CV/ThU", units.get("Bảo Lộc").path("responses").get(0).path("number").asText());
            assertEquals("pending", units.get("Đam Rông").path("status").asText());
            assertEquals(404, client.get("/api/references/4242-NQ/TW/tracking").code());
        });
    }

    @Test
    void a_district_letter_to_its_peoples_committee_expects_that_one_unit() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode t = JSON.readTree(client.get("/api/references/374-CV/HU/tracking").body().string());
            assertEquals(List.of("UBND huyện Triệu Phong"), units(t));
            assertEquals("overdue", t.path("expected").get(0).path("status").asText(), "deadline 01/7/2020, no answer");
            assertTrue(t.path("unresolved").toString().contains("Các cấp ủy cơ sở"), "communes are shown as written");
        });
    }

    @Test
    void the_overdue_view_lists_directives_with_units_missing_newest_deadline_first_and_filters_by_year() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode all = JSON.readTree(client.get("/api/tracking").body().string());
            List<String> numbers = new java.util.ArrayList<>();
            all.forEach(t -> numbers.add(t.path("document").path("number").asText()));
            assertEquals(List.of("374-CV/HU", "99-CV/TU"), numbers, "01/7/2020 before 30/6/2020; 352-CV/TU has no deadline");
            assertEquals(9, all.get(1).path("counts").path("overdue").asInt());
            JsonNode of2019 = JSON.readTree(client.get("/api/tracking?year=2019").body().string());
            assertEquals(1, of2019.size());
            assertEquals("374-CV/HU", of2019.get(0).path("document").path("number").asText());
            String page = client.get("/tracking?year=2020").body().string();
            String id99 = all.get(1).path("document").path("id").asText();
            String id374 = all.get(0).path("document").path("id").asText();
            assertTrue(page.contains("Văn bản quá hạn thực hiện")
                    && page.contains("href=\"/documents/" + id99 + "/tracking#tracking-heading\""), page);
            assertFalse(page.contains("/documents/" + id374 + "/tracking"), "filtered to 2020");
        });
    }

    @Test
    void the_overdue_view_asks_the_index_for_passed_deadlines_and_answers_as_the_full_scan_did() throws Exception {
        Tracker tracker = new Tracker(AdminUnits.load(null), Clock.systemDefaultZone());
        vn.archive.graph.ReferenceGraph graph = archive.references();
        java.util.SortedSet<String> due = graph.deadlineBefore(java.time.LocalDate.now()).orElseThrow();
        assertTrue(!due.isEmpty() && due.size() < archive.search().count(),
                "the index names fewer documents than it holds: " + due.size() + " of " + archive.search().count());
        vn.archive.search.SearchRequest everything = vn.archive.search.SearchRequest.of("");
        vn.archive.search.SearchRequest of2019 = new vn.archive.search.SearchRequest("", Map.of("year", List.of("2019")),
                null, null, vn.archive.search.SearchRequest.Sort.RELEVANCE, 1, 20);
        for (vn.archive.search.SearchRequest r : List.of(everything, of2019)) {
            List<Tracking> asked = tracker.overdue(r, graph, archive.search());
            List<Tracking> scanned = tracker.overdueByScan(r, graph, archive.search());
            assertFalse(asked.isEmpty());
            assertEquals(vn.archive.config.Json.MAPPER.writeValueAsString(scanned),
                    vn.archive.config.Json.MAPPER.writeValueAsString(asked), "same answers for " + r);
        }
        assertEquals(1, tracker.overdue(of2019, graph, archive.search()).size(), "the filter still applies");
    }

    @Test
    void an_archivist_marks_units_on_paper_exempted_or_extended_and_a_visitor_cannot() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String path = "/api/references/352-CV/TU/tracking/marks";
            assertEquals(401, client.request(path, b -> b.post(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "place=L%C3%A2m+H%C3%A0&kind=paper")).header("Content-Type", "application/x-www-form-urlencoded")).code());
            var archivist = vn.archive.security.TestAccounts.archivist(archive.security(), client);
            for (String form : List.of("place=L%C3%A2m+H%C3%A0&kind=paper&note=C%C3%B4ng+v%C4%83n+gi%E1%BA%A5y+s%E1%BB%91+5",
                    "place=C%C3%A1t+Ti%C3%AAn&kind=exempted", "place=L%E1%BA%A1c+D%C6%B0%C6%A1ng&kind=extended&until=2020-01-01")) {
                var r = client.request(path, b -> archivist.sign(b.post(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")));
                assertEquals(303, r.code(), form + " → " + r.body().string());
            }
            var bad = client.request(path, b -> archivist.sign(b.post(java.net.http.HttpRequest.BodyPublishers.ofString(
                    "place=L%E1%BA%A1c+D%C6%B0%C6%A1ng&kind=extended")).header("Content-Type", "application/x-www-form-urlencoded")));
            assertEquals(400, bad.code(), "an extension without its date is refused with a reason");
            JsonNode t = JSON.readTree(client.get("/api/references/352-CV/TU/tracking").body().string());
            Map<String, JsonNode> units = byPlace(t);
            assertEquals("responded", units.get("Lâm Hà").path("status").asText(), "on paper");
            assertEquals("Công văn giấy số 5", units.get("Lâm Hà").path("mark").path("note").asText());
            assertEquals("luutru", units.get("Lâm Hà").path("mark").path("who").asText());
            assertEquals("exempted", units.get("Cát Tiên").path("status").asText());
            assertEquals("overdue", units.get("Lạc Dương").path("status").asText(), "its own deadline passed");
            assertEquals(units.size() - 1, t.path("counts").path("expected").asInt(), "an exempted unit is not counted");
            assertTrue(Files.readString(temp.resolve("data/audit.log"), StandardCharsets.UTF_8).contains("tracking-mark"));
            // on the directive's own page (by id) the form posts to its id, and the mark is that directive's
            String id = t.path("document").path("id").asText();
            assertTrue(client.get("/documents/" + id + "/tracking").body().string()
                    .contains("action=\"/api/documents/" + id + "/tracking/marks\""));
            var byId = client.request("/api/documents/" + id + "/tracking/marks", b -> archivist.sign(b.post(
                    java.net.http.HttpRequest.BodyPublishers.ofString("place=Di+Linh&kind=paper&note=S%E1%BB%91+9"))
                    .header("Content-Type", "application/x-www-form-urlencoded")));
            assertEquals(303, byId.code(), byId.body().string());
            assertEquals("/documents/" + id + "/tracking#tracking-heading", byId.headers().get("Location").getFirst());
            JsonNode own = byPlace(JSON.readTree(client.get("/api/documents/" + id + "/tracking").body().string()))
                    .get("Di Linh");
            assertEquals("Số 9", own.path("mark").path("note").asText(), own.toString());
            assertTrue(Files.readString(temp.resolve("data/tracking-marks.tsv"), StandardCharsets.UTF_8)
                    .contains("id:" + id + "\tDi Linh\tpaper"));
            // the test client keeps cookies across tests: end the session so the others read anonymously again
            assertEquals(303, client.request("/logout", b -> archivist.sign(b.post(
                    java.net.http.HttpRequest.BodyPublishers.ofString("")))).code());
        });
    }

    /** A binary answer's bytes (the test client reads bodies as strings only). */
    private static byte[] bytes(int port, String path) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    /** The text of a DOCX's paragraphs. */
    private static String wordText(java.io.InputStream in) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            StringBuilder s = new StringBuilder();
            doc.getParagraphs().forEach(p -> s.append(p.getText()).append('\n'));
            return s.toString();
        }
    }

    private static List<String> units(JsonNode t) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        t.path("expected").forEach(e -> out.add(e.path("unit").asText()));
        return out;
    }

    /**
     * Tracking takes the root directive's merged metadata from the tree's own view instead of reading the directive
     * again: for every document of the archive, by id and by number, the answer is the one built on the directive
     * read through the search service (a graph that gives trees only), for a reader cleared for all and for one who
     * is not.
     */
    @Test
    void tracking_on_the_trees_root_metadata_answers_as_tracking_on_the_directive_read_again() throws IOException {
        Tracker tracker = new Tracker(AdminUnits.load(null), Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC));
        List<String> ids = new java.util.ArrayList<>();
        archive.search().export(vn.archive.search.SearchRequest.of(""), d -> ids.add(d.id()));
        int rooted = 0;
        for (Clearance clearance : List.of(Clearance.TUYET_MAT, Clearance.NONE)) {
            vn.archive.search.SearchService search = archive.search().restrictedTo(clearance);
            ReferenceGraph graph = new ClearedReferenceGraph(archive.references(), search);
            ReferenceGraph treesOnly = treesOnly(graph);
            for (String id : ids) {
                Optional<ReferenceGraph.RootedTree> tree = graph.rootedImplementationsOf(id, ReferenceGraph.MAX_TREE_NODES);
                rooted += tree.isPresent() && tree.get().rootMetadata() != null ? 1 : 0;
                assertEquals(json(tracker.trackDirective(id, treesOnly, search)), json(tracker.trackDirective(id, graph, search)),
                        id + " for " + clearance);
                String number = archive.search().document(id).orElseThrow().metadata().number();
                if (number != null) {
                    assertEquals(json(tracker.track(number, treesOnly, search)), json(tracker.track(number, graph, search)),
                            number + " for " + clearance);
                }
            }
        }
        assertTrue(ids.size() >= 10 && rooted > ids.size(), ids.size() + " documents, " + rooted + " roots given by the tree");
    }

    private static String json(Optional<Tracking> t) throws IOException {
        return vn.archive.config.Json.MAPPER.writeValueAsString(t.orElse(null));
    }

    /** The graph's answers without the root's metadata: tracking then reads the directive through the search service. */
    private static ReferenceGraph treesOnly(ReferenceGraph g) {
        return new vn.archive.graph.ForwardingGraph(g);
    }
}
