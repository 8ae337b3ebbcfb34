package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.json;

/**
 * The reference graph's data-quality warnings on a document anyone may read must not speak of a classified document
 * the reader may not see: not its date (a citation "dated after" this one), not its id (a "duplicate number", or
 * the processing note that links two renditions of one directive).
 */
class ClassifiedWarningsIT {
    @TempDir
    Path temp;

    @Test
    void warnings_name_no_date_or_id_of_a_classified_document_the_reader_may_not_see() throws Exception {
        Path fixtures = Files.createDirectories(temp.resolve("fixtures"));
        // the Lâm Đồng letter the Bảo Lộc seed implements, classified, and dated in the archive neither as the seed
        // cites it (13/04/2021, in the seed's own text, which anyone may read) nor before the seed: a warning
        Path cited = fixtures.resolve("352.txt");
        Files.writeString(cited, """
                MẬT

                ĐẢNG BỘ TỈNH LÂM ĐỒNG
                BAN THƯỜNG VỤ TỈNH ỦY
                Số 352-CV/TU
                V/v tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo"

                ĐẢNG CỘNG SẢN VIỆT NAM
                Đà Lạt, ngày 15 tháng 5 năm 2021

                Ban Thường vụ Tỉnh ủy đề nghị các huyện ủy, thành ủy tiếp tục đẩy mạnh phong trào.

                T/M BAN THƯỜNG VỤ
                PHÓ BÍ THƯ
                Trần Văn Kín
                """, StandardCharsets.UTF_8);
        // a classified letter given the Bảo Lộc seed's own number in the same year (a duplicate-number warning)
        Path twin = fixtures.resolve("134-mat.txt");
        Files.writeString(twin, "MẬT\n\n" + TestCorpus.read(TestCorpus.BAO_LOC)
                .replace("V/v", "V/v phương án nội bộ, V/v"), StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS, fixtures), o -> { });
            String baoLoc = id(TestCorpus.BAO_LOC);
            String twinId = id(twin);
            TestAccounts.account(archive.security(), "canbomat", Role.READER, Clearance.MAT);
            JavalinTest.test(archive.webApp(), (server, client) -> {
                var cleared = TestAccounts.login(archive.security(), client, "canbomat");
                String seen = json(client.request("/api/documents/" + baoLoc, b -> cleared.sign(b.get())))
                        .path("warnings").toString();
                assertTrue(seen.contains("15/05/2021"), "a cleared reader is warned of the later date: " + seen);
                assertTrue(seen.contains(twinId), "and of the duplicate number: " + seen);
                String clearedPage = client.request("/documents/" + baoLoc, b -> cleared.sign(b.get())).body().string();
                assertTrue(clearedPage.contains(twinId), "the cleared reader's page names the other rendition");

                var anon = SecurityIT.anonymous(server);
                JsonNode doc = json(anon.get("/api/documents/" + baoLoc));
                String warnings = doc.path("warnings").toString();
                assertFalse(warnings.contains("15/05/2021"), warnings);
                assertFalse(warnings.contains(twinId), warnings);
                assertFalse(doc.toString().contains(twinId), "no field of the document object names it: " + doc.path("notes"));
                String page = anon.get("/documents/" + baoLoc).body().string();
                assertFalse(page.contains("15/05/2021"), "the page neither");
                assertFalse(page.contains(twinId), "nor its note on the other rendition");
            });
        }
    }

    private static String id(Path file) throws java.io.IOException {
        return ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(file)));
    }
}
