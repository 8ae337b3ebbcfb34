package vn.archive.web;

import io.javalin.testtools.HttpClient;
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
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.search.IssuerGroup;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.net.http.HttpRequest;
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
 * An archivist withdraws a seed from its page: it leaves every reader's search, counts, facets, tree and API, the
 * archivist still sees it marked with who, when and why, a re-import of its file does not bring it back, and the
 * undo does; both are audited and in its corrections trail.
 */
class WithdrawalIT {
    private static final String REASON = "Tệp nhập nhầm, thử nghiệm";

    @TempDir
    static Path temp;
    private static Archive archive;
    private static String id;

    @BeforeAll
    static void importSeeds() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
        id = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
        TestAccounts.account(archive.security(), "docgia", Role.READER, Clearance.TUYET_MAT);
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
    }

    @Test
    void a_withdrawn_seed_leaves_every_readers_view_stays_withdrawn_on_reimport_and_comes_back_on_undo() throws Exception {
        SearchService anonymous = archive.search().restrictedTo(Clearance.NONE);
        long total = anonymous.count();
        long treeTotal = treeSum(anonymous.issuerTree());
        assertEquals(1, anonymous.visibleAmong(List.of(id)).size(), "the seed is visible before");
        assertTrue(treeIds().contains(id), "the seed implements 352-CV/TU in its tree before");
        JavalinTest.test(archive.webApp(), (server, client) -> {
            HttpClient anon = SecurityIT.anonymous(server);
            long apiTotal = json(anon.get("/api/search")).path("total").asLong();
            assertEquals(200, anon.get("/api/documents/" + id).code());
            var as = TestAccounts.archivist(archive.security(), client);
            var reader = TestAccounts.login(archive.security(), client, "docgia");
            String page = anon.request("/documents/" + id, b -> b.header("Cookie", as.cookie())).body().string();
            assertTrue(page.contains("action=\"/documents/" + id + "/withdraw\""), "the archivist's page has the form");
            assertFalse(anon.request("/documents/" + id, b -> reader.sign(b.get())).body().string()
                    .contains("/withdraw\""), "a reader's page has no form");

            assertEquals(403, post(anon, reader, "reason=" + enc(REASON) + "&_csrf=" + reader.csrf()).code(),
                    "a reader cannot withdraw");
            assertEquals(403, anon.request("/documents/" + id + "/withdraw", b -> b.post(HttpRequest.BodyPublishers
                    .ofString("reason=x")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", as.cookie())).code(), "no CSRF token, no withdrawal");
            Response noReason = post(anon, as, "reason=+&_csrf=" + as.csrf());
            assertEquals(400, noReason.code());
            assertTrue(noReason.body().string().contains("lý do"), "the refusal says a reason is needed");
            assertEquals(1, anonymous.visibleAmong(List.of(id)).size(), "nothing withdrawn yet");

            assertEquals(303, post(anon, as, "reason=" + enc(REASON) + "&_csrf=" + as.csrf()).code());
            assertEquals(total - 1, anonymous.count(), "reader counts leave it out");
            assertEquals(apiTotal - 1, json(anon.get("/api/search")).path("total").asLong());
            assertEquals(apiTotal - 1, facetSum(json(anon.get("/api/search")).path("facets").path("kind")),
                    "facet counts too");
            assertFalse(anon.get("/api/search?q=" + enc("134-CV/ThU")).body().string().contains(id),
                    "its own number does not find it");
            assertEquals(treeTotal - 1, treeSum(anonymous.issuerTree()), "the issuer tree leaves it out");
            assertFalse(treeIds().contains(id), "the implementation tree (and its tracking) leaves it out");
            assertTrue(archive.search().document(id).isEmpty(), "even the highest clearance does not find it");
            assertEquals(404, anon.get("/api/documents/" + id).code());
            Response gone = anon.get("/documents/" + id);
            assertEquals(404, gone.code());
            assertTrue(gone.body().string().contains("đã được rút"), "a reader is told it was withdrawn");

            String marked = anon.request("/documents/" + id, b -> b.header("Cookie", as.cookie())).body().string();
            assertTrue(marked.contains("Đã rút") && marked.contains(REASON) && marked.contains("Rút bởi luutru"),
                    "the archivist sees it marked with who and why");
            String history = anon.request("/documents/" + id + "/corrections", b -> b.header("Cookie", as.cookie()))
                    .body().string();
            assertTrue(history.contains("Rút khỏi kho") && history.contains(REASON), "its history lists the withdrawal");
            assertEquals(404, anon.get("/documents/" + id + "/corrections").code(), "not for readers");
            String english = anon.request("/documents/" + id + "?lang=en", b -> b.header("Cookie", as.cookie()))
                    .body().string();
            anon.request("/?lang=vi", b -> b.header("Cookie", as.cookie()));
            assertTrue(english.contains("Withdrawn by luutru") && english.contains("Restore the document"), english);

            // the archivists' list: the seed with who, when and why, in both languages; not for readers
            String listed = anon.request("/withdrawn", b -> b.header("Cookie", as.cookie())).body().string();
            assertTrue(listed.contains("href=\"/documents/" + id + "\"") && listed.contains(REASON)
                    && listed.contains("luutru") && listed.contains("Văn bản đã rút khỏi kho"), listed);
            assertTrue(listed.contains("href=\"/withdrawn\" aria-current=\"page\""), "the archivist's menu leads there");
            String listedEn = anon.request("/withdrawn?lang=en", b -> b.header("Cookie", as.cookie())).body().string();
            anon.request("/?lang=vi", b -> b.header("Cookie", as.cookie()));
            assertTrue(listedEn.contains("Documents withdrawn from the archive") && listedEn.contains("Withdrawn by")
                    && listedEn.contains(REASON), listedEn);
            assertEquals(403, anon.request("/withdrawn", b -> b.header("Cookie", reader.cookie())).code(),
                    "a reader does not get the list");
            assertFalse(anon.request("/", b -> b.header("Cookie", reader.cookie())).body().string()
                    .contains("href=\"/withdrawn\""), "nor the menu entry");

            List<IngestOutcome> again = new ArrayList<>();
            archive.pipeline().run(List.of(TestCorpus.BAO_LOC), again::add);
            assertEquals(IngestStatus.DUPLICATE, again.getFirst().status());
            assertTrue(again.getFirst().reason().contains("đã bị rút"), again.getFirst().reason());
            assertTrue(anonymous.visibleAmong(List.of(id)).isEmpty(), "re-importing its file does not bring it back");

            assertEquals(303, post(anon, as, "undo=1&_csrf=" + as.csrf()).code());
            assertEquals(total, anonymous.count());
            assertEquals(treeTotal, treeSum(anonymous.issuerTree()));
            assertTrue(treeIds().contains(id), "back in the implementation tree");
            assertFalse(anon.request("/withdrawn", b -> b.header("Cookie", as.cookie())).body().string()
                    .contains("href=\"/documents/" + id + "\""), "restored: off the list");
            assertEquals(200, anon.get("/api/documents/" + id).code());
        });
        List<String> audit = archive.security().audit().lines().stream().filter(l -> l.contains(id)).toList();
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"withdraw\"") && l.contains(REASON)), audit.toString());
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"restore\"")), audit.toString());
        assertEquals(List.of(REASON, "—"), archive.corrections().history(id).stream()
                .map(c -> c.newValue() == null ? "—" : c.newValue()).toList(), "both are in its corrections trail");
    }

    @Test
    void withdrawing_one_rendition_keeps_the_directive_found_through_the_other(@TempDir Path own) throws IOException {
        Path pdf = TestCorpus.ROOT.resolve("rendered/003_4653ab8526411b1c.pdf");
        String pdfId = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(pdf)));
        try (Archive a = Archive.open(AppConfig.forData(own.resolve("data")))) {
            a.pipeline().run(List.of(TestCorpus.BAO_LOC, pdf), o -> { });
            SearchService anonymous = a.search().restrictedTo(Clearance.NONE);
            assertEquals(2, anonymous.renditions(id).size(), "the text and its PDF are one directive");
            long total = anonymous.count();
            a.corrections().withdraw(id, "Giữ bản PDF", "luutru");
            assertEquals(total, anonymous.count(), "the directive is still counted, through its PDF");
            assertEquals(java.util.Set.of(pdfId), anonymous.visibleAmong(List.of(id, pdfId)));
            assertTrue(anonymous.document(pdfId).isPresent(), "the other rendition stays");
            assertTrue(anonymous.document(id).isEmpty(), "the withdrawn one is gone");
            var hits = anonymous.search(new SearchRequest("134-CV/ThU", null, null, null, SearchRequest.Sort.NEWEST, 1, 20))
                    .hits();
            assertEquals(List.of(pdfId), hits.stream().map(vn.archive.search.SearchHit::id).toList(),
                    "its number finds the directive through the PDF");
        }
    }

    private static Response post(HttpClient client, TestAccounts.Login as, String form) {
        return client.request("/documents/" + id + "/withdraw", b -> b.post(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", as.cookie()));
    }

    /** The ids of the nodes of the implementation tree of 352-CV/TU, which the Bảo Lộc seed implements. */
    private static List<String> treeIds() throws IOException {
        List<String> ids = new ArrayList<>();
        archive.references().implementations("352-CV/TU").ifPresent(n -> collect(n, ids));
        return ids;
    }

    private static void collect(vn.archive.graph.ReferenceGraph.ImplementationNode n, List<String> ids) {
        if (n.id() != null) {
            ids.add(n.id());
        }
        n.children().forEach(c -> collect(c, ids));
    }

    private static long treeSum(List<IssuerGroup> tree) {
        return tree.stream().mapToLong(IssuerGroup::count).sum();
    }

    private static long facetSum(com.fasterxml.jackson.databind.JsonNode values) {
        long sum = 0;
        for (var v : values) {
            sum += v.path("count").asLong();
        }
        return sum;
    }
}
