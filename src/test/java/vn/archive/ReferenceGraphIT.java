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
import vn.archive.graph.ReferenceGraph;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference graph through the real pipeline, index and portal: two archives get the same documents in opposite
 * orders (the cited fixtures after the citing seeds in one, before them and file by file in reverse in the other)
 * and must hold the same graph.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceGraphIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 16;
    private static final Path FIXTURES = Path.of("src/test/resources/refs/fixtures");

    @TempDir
    static Path temp;
    private Archive forward;
    private Archive reverse;
    private Map<String, List<String>> beforeFixtures;

    @BeforeAll
    void importBothWays() throws IOException {
        forward = Archive.open(AppConfig.forData(temp.resolve("forward")));
        forward.pipeline().run(List.of(TestCorpus.ROOT), o -> { });
        beforeFixtures = graph(forward);
        forward.pipeline().run(List.of(FIXTURES), o -> { });

        reverse = Archive.open(AppConfig.forData(temp.resolve("reverse")));
        List<Path> files = new ArrayList<>(files(TestCorpus.ROOT));
        files.addAll(files(FIXTURES));
        Collections.reverse(files); // the cited fixtures first, then the corpus from its last file to its first
        // several commits, so cited documents really arrive in earlier index generations than their citers
        for (int from = 0; from < files.size(); from += BATCH) {
            reverse.pipeline().run(files.subList(from, Math.min(files.size(), from + BATCH)), o -> { });
        }
    }

    @AfterAll
    void close() throws IOException {
        if (forward != null) {
            forward.close();
        }
        if (reverse != null) {
            reverse.close();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
    }

    private static List<String> ids(Archive a) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<SearchHit> hits = a.search().search(new SearchRequest("", Map.of(), null, null,
                    SearchRequest.Sort.RELEVANCE, page, 100)).hits();
            hits.forEach(h -> ids.add(h.id()));
            if (hits.size() < 100) {
                return ids.stream().sorted().toList();
            }
        }
    }

    /** The whole graph as the interface shows it: per document, what it cites and who cites it. */
    private static Map<String, List<String>> graph(Archive a) throws IOException {
        ReferenceGraph g = a.references();
        Map<String, List<String>> out = new TreeMap<>();
        for (String id : ids(a)) {
            List<String> lines = new ArrayList<>();
            g.cites(id).forEach(c -> lines.add("cites " + c.relation() + " " + c.key()));
            g.citedBy(id).forEach(c -> lines.add("citedBy " + c.relation() + " " + c.id()));
            out.put(id, lines);
        }
        return out;
    }

    private String idOf(Archive a, String number, String filenameEnd) throws IOException {
        return a.search().search(new SearchRequest(number, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 50))
                .hits().stream().filter(h -> number.equals(h.number()))
                .map(SearchHit::id).filter(id -> renditionFiles(a, id).stream().anyMatch(f -> f.endsWith(filenameEnd)))
                .findFirst().orElseThrow(() -> new AssertionError(number + " not found"));
    }

    /** The file names of a directive's renditions (a search hit is a directive; its renditions are its files). */
    private static List<String> renditionFiles(Archive a, String id) {
        try {
            return a.search().renditions(id).stream().map(d -> d.source().filename()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The directive one of whose renditions is this file. */
    private static String directiveOfFile(Archive a, String filename) throws IOException {
        return ids(a).stream().filter(id -> renditionFiles(a, id).contains(filename)).findFirst()
                .orElseThrow(() -> new AssertionError(filename + " not found"));
    }

    private static String docFilename(Archive a, String id) {
        try {
            return a.search().document(id).orElseThrow().source().filename();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void importing_in_reverse_order_gives_the_same_graph() throws IOException {
        Map<String, List<String>> f = graph(forward);
        assertEquals(f, graph(reverse));
        assertTrue(f.values().stream().mapToLong(l -> l.stream().filter(x -> x.contains("doc:")).count()).sum() > 60,
                "a graph with links, not an empty one");
    }

    @Test
    void the_Bao_Loc_letter_links_to_352_CV_TU_once_it_is_imported() throws IOException {
        String baoLoc = idOf(forward, "134-CV/ThU", ".txt");
        assertEquals(List.of("cites implements num:352/CV-TU@LAM DONG"), beforeFixtures.get(baoLoc));
        String tu = idOf(forward, "352-CV/TU", ".txt");
        ReferenceGraph.Citation c = forward.references().cites(baoLoc).get(0);
        assertEquals(tu, c.id());
        assertEquals("implements", c.relation());
        assertEquals("thực hiện", c.label());
    }

    @Test
    void the_Don_Duong_plan_links_to_Don_Duongs_13_NQ_HU_never_Lam_Has() throws IOException {
        String plan = directiveOfFile(forward, "001_cc016d0e568e5fa8.txt");
        List<ReferenceGraph.Citation> cites = forward.references().cites(plan);
        ReferenceGraph.Citation kh = cites.stream().filter(c -> "75-KH/BDVTU".equals(c.number())).findFirst().orElseThrow();
        assertEquals("implements", kh.relation());
        assertNull(kh.id(), "75-KH/BDVTU is cited but not in the archive");
        assertEquals("num:75/KH-BDVTU@LAM DONG", kh.key());
        ReferenceGraph.Citation nq = cites.stream().filter(c -> "13-NQ/HU".equals(c.number())).findFirst().orElseThrow();
        assertEquals("dondong-13-NQ-HU.txt", docFilename(forward, nq.id()));
        String lamHa = directiveOfFile(forward, "lamha-13-NQ-HU.txt");
        assertTrue(forward.references().citedBy(lamHa).isEmpty());
    }

    @Test
    void the_api_fills_targets_cited_by_and_warnings() throws Exception {
        String baoLoc = idOf(forward, "134-CV/ThU", ".txt");
        String tu = idOf(forward, "352-CV/TU", ".txt");
        JavalinTest.test(forward.webApp(), (server, client) -> {
            JsonNode doc = JSON.readTree(client.get("/api/documents/" + baoLoc).body().string());
            assertEquals(tu, doc.path("references").get(0).path("target").asText());
            assertEquals("implements", doc.path("references").get(0).path("relation").asText());
            assertTrue(doc.path("warnings").toString().contains("13/04/2021"), doc.path("warnings").toString());
            JsonNode cited = JSON.readTree(client.get("/api/documents/" + tu).body().string());
            boolean citedByBaoLoc = false;
            for (JsonNode c : cited.path("citedBy")) {
                citedByBaoLoc |= c.path("id").asText().equals(baoLoc) && c.path("relation").asText().equals("implements");
            }
            assertTrue(citedByBaoLoc, cited.path("citedBy").toString());
            String page = client.get("/documents/" + baoLoc).body().string();
            assertTrue(page.contains("Văn bản được dẫn chiếu") && page.contains("Văn bản dẫn chiếu đến"));
            assertTrue(page.contains("href=\"/documents/" + tu + "\""));
            String fullText = page.substring(page.indexOf("fulltext-heading"));
            assertTrue(fullText.contains("<a class=\"cite\" href=\"/documents/" + tu + "\""),
                    "the citation is a link in place inside the full text");
            assertTrue(fullText.contains(">Công văn số 352-CV/TU ngày 13/4/2021"), "the linked words are the citation's");
        });
    }

    @Test
    void the_implementation_tree_of_25_NQ_TW_goes_down_to_the_commune() throws Exception {
        JavalinTest.test(forward.webApp(), (server, client) -> {
            var response = client.get("/api/references/25-NQ/TW/implementations");
            assertEquals(200, response.code());
            JsonNode root = JSON.readTree(response.body().string());
            assertEquals("25-NQ/TW", root.path("number").asText());
            assertEquals("trung ương", root.path("level").asText());
            JsonNode province = find(root.path("children"), "352-CV/TU");
            assertEquals("tỉnh", province.path("level").asText());
            assertEquals("huyện", find(province.path("children"), "134-CV/ThU").path("level").asText());
            JsonNode district = find(root.path("children"), "13-NQ/HU");
            assertEquals("Đơn Dương", district.path("place").asText());
            JsonNode commune = find(district.path("children"), "45-KH/ĐU");
            assertEquals("xã", commune.path("level").asText());
            assertEquals("implements", commune.path("relation").asText());
            assertNotNull(find(root.path("children"), "374-CV/HU"));
            for (String field : List.of("id", "kind", "number", "date", "issuer", "place", "title", "snippet", "url", "children")) {
                assertTrue(root.has(field), field);
            }
            String page = client.get("/references/25-NQ/TW").body().string();
            assertTrue(page.contains("<svg") && page.contains("Cây thực hiện") && page.contains("45-KH/ĐU"));
            assertEquals(404, client.get("/references/999-NQ/TW").code());
            assertEquals(400, client.get("/api/references/abc/implementations").code());
        });
    }

    @Test
    void a_tree_cut_by_limit_keeps_the_upper_levels_and_counts_what_it_left_out() throws Exception {
        JavalinTest.test(forward.webApp(), (server, client) -> {
            JsonNode whole = JSON.readTree(client.get("/api/references/25-NQ/TW/implementations").body().string());
            int size = nodes(whole);
            assertTrue(size > 4, "the seeds' tree has the province, districts and the commune: " + size);
            assertEquals(0, omitted(whole), "the default limit keeps the seeds' tree whole");
            JsonNode cut = JSON.readTree(client.get("/api/references/25-NQ/TW/implementations?limit=3").body().string());
            assertEquals(3, nodes(cut));
            assertEquals(size - 3, omitted(cut), "every node left out is counted once, under its kept ancestor");
            assertEquals(2, cut.path("children").size(), "breadth first: the root's first children, no grandchild");
            JsonNode rootOnly = JSON.readTree(client.get("/api/references/25-NQ/TW/implementations?limit=1").body().string());
            assertEquals(size - 1, rootOnly.path("omitted").asInt());
            var bad = client.get("/api/references/25-NQ/TW/implementations?limit=0");
            assertEquals(400, bad.code());
            assertTrue(bad.body().string().contains("Tham số limit không hợp lệ"));
            assertEquals(400, client.get("/api/references/25-NQ/TW/implementations?limit=nhieu").code());
            String page = client.get("/references/25-NQ/TW?limit=3").body().string();
            assertTrue(page.contains("Cây có " + size + " văn bản"), "the page says the tree was cut");
            assertTrue(page.contains("văn bản nữa ở các cấp dưới"));
            assertFalse(client.get("/references/25-NQ/TW").body().string().contains("văn bản nữa ở các cấp dưới"));
        });
    }

    private static int nodes(JsonNode n) {
        int count = 1;
        for (JsonNode c : n.path("children")) {
            count += nodes(c);
        }
        return count;
    }

    private static int omitted(JsonNode n) {
        int count = n.path("omitted").asInt();
        for (JsonNode c : n.path("children")) {
            count += omitted(c);
        }
        return count;
    }

    @Test
    void the_cites_filter_finds_every_document_citing_a_number() throws Exception {
        JavalinTest.test(forward.webApp(), (server, client) -> {
            JsonNode r = JSON.readTree(client.get("/api/search?cites=25-NQ/TW").body().string());
            List<String> numbers = new ArrayList<>();
            r.path("hits").forEach(h -> numbers.add(h.path("number").asText()));
            assertTrue(numbers.containsAll(List.of("374-CV/HU", "352-CV/TU", "13-NQ/HU")), numbers.toString());
            JsonNode spelled = JSON.readTree(client.get("/api/search?cites=25/NQ-TW").body().string());
            assertEquals(r.path("total").asLong(), spelled.path("total").asLong());
        });
    }

    private static JsonNode find(JsonNode nodes, String number) {
        for (JsonNode n : nodes) {
            if (number.equals(n.path("number").asText())) {
                return n;
            }
        }
        throw new AssertionError(number + " not among " + nodes);
    }

    @Test
    void a_number_nobody_has_or_cites_has_no_tree() throws IOException {
        assertFalse(forward.references().implementations("4242-NQ/TW").isPresent());
    }
}
