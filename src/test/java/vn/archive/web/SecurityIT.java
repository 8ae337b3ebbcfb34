package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.storage.ContentStore;
import vn.archive.search.SearchRequest;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.json;

/**
 * Classified documents (a "MẬT" / "TỐI MẬT" stamp found by extraction, or a classification set by an archivist)
 * are invisible to whoever lacks the clearance, everywhere; every view of one is audited.
 */
class SecurityIT {
    /** A word only the classified fixtures contain. */
    private static final String SECRET_WORD = "quyenmatthu";

    @TempDir
    static Path temp;
    private static Archive archive;
    private static String secretId;
    private static String topSecretId;
    private static String baoLocId;

    @BeforeAll
    static void importCorpusWithClassifiedFixtures() throws IOException {
        Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
        String baoLoc = TestCorpus.read(TestCorpus.BAO_LOC);
        String secret = "MẬT\n\n" + baoLoc.replace("134-CV/ThU", "135-CV/ThU")
                + "\n\nGhi chú nội bộ: " + SECRET_WORD + " kế hoạch tuyệt đối không công bố.\n";
        Path secretFile = fixtures.resolve("mat.txt");
        Files.writeString(secretFile, secret, StandardCharsets.UTF_8);
        String topSecret = """
                TỐI MẬT

                ĐẢNG BỘ TỈNH LÂM ĐỒNG
                THÀNH ỦY BẢO LỘC
                Số 136-CV/ThU
                V/v triển khai phương án bảo vệ đặc biệt

                ĐẢNG CỘNG SẢN VIỆT NAM
                Bảo Lộc, ngày 10 tháng 5 năm 2020

                Thực hiện Công văn số 134-CV/ThU ngày 28/4/2020 của Ban Thường vụ Thành ủy Bảo Lộc về tiếp tục
                lãnh đạo, chỉ đạo đẩy mạnh phong trào thi đua "Dân vận khéo", Ban Thường vụ Thành ủy yêu cầu
                triển khai phương án %s theo đúng kế hoạch.

                T/M BAN THƯỜNG VỤ
                PHÓ BÍ THƯ
                Nguyễn Văn Mật
                """.formatted(SECRET_WORD);
        Path topSecretFile = fixtures.resolve("toi-mat.txt");
        Files.writeString(topSecretFile, topSecret, StandardCharsets.UTF_8);
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.SEEDS, fixtures), o -> { });
        secretId = idOf(secretFile);
        topSecretId = idOf(topSecretFile);
        baoLocId = idOf(TestCorpus.BAO_LOC);
        TestAccounts.account(archive.security(), "docgia", Role.READER, Clearance.NONE);
        TestAccounts.account(archive.security(), "canbomat", Role.READER, Clearance.MAT);
        TestAccounts.account(archive.security(), "canbotoimat", Role.READER, Clearance.TOI_MAT);
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
    }

    private static String idOf(Path file) throws IOException {
        return ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(file)));
    }

    @Test
    void the_extracted_stamp_becomes_the_documents_classification() throws IOException {
        assertEquals("Mật", archive.search().document(secretId).orElseThrow().metadata().classification());
        assertEquals("Tối mật", archive.search().document(topSecretId).orElseThrow().metadata().classification());
    }

    @Test
    void hits_totals_and_facet_counts_only_count_what_the_clearance_allows() throws IOException {
        SearchRequest all = new SearchRequest("", null, null, null, SearchRequest.Sort.NEWEST, 1, 20);
        long everything = archive.search().search(all).total();
        assertEquals(everything - 2, archive.search().restrictedTo(Clearance.NONE).search(all).total());
        assertEquals(everything - 1, archive.search().restrictedTo(Clearance.MAT).search(all).total());
        assertEquals(everything - 2, archive.search().restrictedTo(Clearance.NONE).count());
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            assertEquals(0, json(anon.get("/api/search?q=" + SECRET_WORD)).path("total").asLong());
            JsonNode anonymous = json(anon.get("/api/search"));
            assertEquals(everything - 2, anonymous.path("total").asLong());
            assertEquals(everything - 2, facetSum(anonymous.path("facets").path("kind")),
                    "facet counts leave classified documents out");
            assertEquals(everything - 2, facetSum(json(anon.get("/api/browse/kind"))), "browse counts too");
            assertFalse(anon.get("/?q=" + SECRET_WORD).body().string().contains(SECRET_WORD + "</mark>"),
                    "no snippet of a classified document");

            var mat = TestAccounts.login(archive.security(), client, "canbomat");
            JsonNode cleared = json(client.request("/api/search?q=" + SECRET_WORD, b -> mat.sign(b.get())));
            assertEquals(1, cleared.path("total").asLong(), "Mật clearance sees the Mật document only");
            assertEquals(secretId, cleared.path("hits").get(0).path("id").asText());
            var top = TestAccounts.login(archive.security(), client, "canbotoimat");
            JsonNode both = json(client.request("/api/search", b -> top.sign(b.get())));
            assertEquals(everything, both.path("total").asLong());
            assertEquals(everything, facetSum(both.path("facets").path("kind")));
        });
    }

    @Test
    void visible_among_answers_what_document_by_id_answers_for_every_clearance() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        archive.search().export(new SearchRequest("", null, null, null, SearchRequest.Sort.NEWEST, 1, 20),
                d -> ids.add(d.id()));
        ids.add("khong-co-van-ban-nay");
        assertTrue(ids.containsAll(List.of(secretId, topSecretId, baoLocId)));
        for (Clearance c : Clearance.values()) {
            var view = archive.search().restrictedTo(c);
            java.util.Set<String> expected = new java.util.HashSet<>();
            for (String id : ids) {
                if (view.document(id).isPresent()) {
                    expected.add(id);
                }
            }
            assertEquals(expected, view.visibleAmong(ids), "clearance " + c);
        }
        assertFalse(archive.search().restrictedTo(Clearance.NONE).visibleAmong(ids).contains(secretId));
        assertTrue(archive.search().restrictedTo(Clearance.MAT).visibleAmong(ids).contains(secretId));
        assertFalse(archive.search().restrictedTo(Clearance.MAT).visibleAmong(ids).contains(topSecretId));
    }

    @Test
    void a_classified_document_is_not_found_for_a_reader_without_clearance_anywhere() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            var reader = TestAccounts.login(archive.security(), client, "docgia");
            for (String path : List.of("/api/documents/" + secretId, "/documents/" + secretId,
                    "/documents/" + secretId + "/original", "/documents/" + secretId + "/text",
                    "/api/documents/" + secretId + "/similar", "/api/documents/" + secretId + "/corrections",
                    "/documents/" + secretId + "/corrections")) {
                Response direct = anon.get(path);
                assertEquals(404, direct.code(), "anonymous " + path);
                assertFalse(direct.body().string().contains(SECRET_WORD), path);
                assertEquals(404, client.request(path, b -> reader.sign(b.get())).code(), "reader without clearance " + path);
            }
            String csv = anon.get("/api/export.csv?q=" + enc("Dân vận khéo")).body().string();
            String exported = anon.get("/api/export.json").body().string();
            for (String out : List.of(csv, exported)) {
                assertFalse(out.contains("135-CV/ThU") || out.contains("136-CV/ThU") || out.contains(secretId),
                        "exports leave classified documents out");
            }
            var top = TestAccounts.login(archive.security(), client, "canbotoimat");
            assertEquals(200, client.request("/api/documents/" + secretId, b -> top.sign(b.get())).code());
            assertEquals(200, client.request("/documents/" + topSecretId + "/original", b -> top.sign(b.get())).code());
            assertTrue(client.request("/api/export.json", b -> top.sign(b.get())).body().string().contains(secretId));
        });
    }

    @Test
    void similar_documents_never_include_a_classified_one() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            var top = TestAccounts.login(archive.security(), client, "canbotoimat");
            String cleared = client.request("/api/documents/" + baoLocId + "/similar", b -> top.sign(b.get())).body().string();
            assertTrue(cleared.contains(secretId), "the classified copy is the most similar for a cleared reader");
            assertFalse(anon.get("/api/documents/" + baoLocId + "/similar").body().string().contains(secretId));
            assertFalse(anon.get("/documents/" + baoLocId).body().string().contains(secretId));
        });
    }

    @Test
    void cited_by_lists_and_implementation_trees_show_a_restricted_document_without_its_title_or_number() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            var top = TestAccounts.login(archive.security(), client, "canbotoimat");
            JsonNode cleared = json(client.request("/api/documents/" + baoLocId, b -> top.sign(b.get())));
            assertTrue(cleared.path("citedBy").toString().contains(topSecretId), "the cleared reader sees who cites");
            JsonNode anonymous = json(anon.get("/api/documents/" + baoLocId));
            assertFalse(anonymous.toString().contains(topSecretId));
            assertFalse(anonymous.toString().contains("136-CV/ThU"));
            String page = anon.get("/documents/" + baoLocId).body().string();
            assertTrue(page.contains("1 văn bản mật"), "the page says a restricted document cites this one");
            assertFalse(page.contains(topSecretId) || page.contains("136-CV/ThU") || page.contains("phương án bảo vệ đặc biệt"));

            String tree = anon.get("/api/references/" + enc("352-CV/TU") + "/implementations").body().string();
            String clearedTree = client.request("/api/references/" + enc("352-CV/TU") + "/implementations",
                    b -> top.sign(b.get())).body().string();
            assertTrue(clearedTree.contains(secretId), "the classified copy implements 352-CV/TU");
            assertFalse(tree.contains(secretId) || tree.contains("135-CV/ThU"));
            assertTrue(tree.contains("1 văn bản mật"));
        });
    }

    @Test
    void views_downloads_and_metadata_changes_are_appended_to_the_audit_log() throws IOException {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            var top = TestAccounts.login(archive.security(), client, "canbotoimat");
            int before = archive.security().audit().lines().size();
            client.request("/documents/" + secretId, b -> top.sign(b.get()));
            client.request("/documents/" + topSecretId + "/original", b -> top.sign(b.get()));
            anon.get("/documents/" + baoLocId);
            List<String> added = new ArrayList<>(archive.security().audit().lines().subList(before,
                    archive.security().audit().lines().size()));
            assertEquals(2, added.size(), "one line per classified view or download, none for open documents: " + added);
            assertTrue(added.get(0).contains("\"canbotoimat\"") && added.get(0).contains("\"view\"") && added.get(0).contains(secretId));
            assertTrue(added.get(1).contains("download-original") && added.get(1).contains(topSecretId));
        });
    }

    @Test
    void an_archivist_marking_a_document_secret_hides_it_and_the_change_is_audited() throws IOException {
        String target = idOf(TestCorpus.DON_DUONG);
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var anon = anonymous(server);
            assertEquals(200, anon.get("/api/documents/" + target).code());
            var as = TestAccounts.archivist(archive.security(), client);
            Response r = client.request("/api/documents/" + target + "/corrections", b -> as.sign(b.post(
                    HttpRequest.BodyPublishers.ofString("{\"field\":\"classification\",\"value\":\"Mật\",\"who\":\"Lan\"}")))
                    .header("Content-Type", "application/json"));
            assertEquals(201, r.code(), r.body().string());
            assertEquals(404, anon.get("/api/documents/" + target).code(), "now hidden from anonymous readers");
            assertEquals(200, client.request("/api/documents/" + target, b -> as.sign(b.get())).code());
            List<String> audit = archive.security().audit().lines();
            assertTrue(audit.stream().anyMatch(l -> l.contains("\"correct\"") && l.contains(target) && l.contains("\"luutru\"")));
            // put it back for the other tests
            Response back = client.request("/api/documents/" + target + "/corrections", b -> as.sign(b.post(
                    HttpRequest.BodyPublishers.ofString("{\"field\":\"classification\",\"value\":\"\",\"who\":\"Lan\"}")))
                    .header("Content-Type", "application/json"));
            assertEquals(201, back.code(), back.body().string());
            assertEquals(200, anon.get("/api/documents/" + target).code(), "visible again");
        });
    }

    /** A client without a cookie jar: the test client keeps the cookies of every login. */
    static io.javalin.testtools.HttpClient anonymous(io.javalin.Javalin server) {
        return new io.javalin.testtools.HttpClient(server, java.net.http.HttpClient.newHttpClient());
    }

    private static long facetSum(JsonNode values) {
        long sum = 0;
        for (JsonNode v : values) {
            sum += v.path("count").asLong();
        }
        return sum;
    }
}
