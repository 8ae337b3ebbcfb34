package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.archive.Archive;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.enc;
import static vn.archive.web.WebTestSupport.getJson;
import static vn.archive.web.WebTestSupport.json;

/** The JSON API, exports and the OpenAPI description over the corpus archive. */
class ApiIT {
    private final Archive archive = PortalFixture.corpus();

    @Test
    void search_answers_the_shape_of_the_contract_with_every_facet_dimension() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode r = getJson(client, "/api/search?q=" + enc("dan van kheo") + "&size=5");
            for (String key : List.of("query", "total", "page", "size", "hits", "facets")) {
                assertTrue(r.has(key), key);
            }
            JsonNode hit = r.path("hits").get(0);
            for (String key : List.of("id", "kind", "number", "date", "issuer", "place", "title", "snippet", "url")) {
                assertTrue(hit.has(key), key);
            }
            for (String dim : List.of("kind", "issuer", "year", "level", "place", "signer", "campaign", "cites")) {
                assertTrue(r.path("facets").path(dim).isArray(), dim);
            }
            assertEquals(5, r.path("size").asInt());
        });
    }

    /** Issue 18: the answer is streamed by Jackson, byte for byte what the mapper makes of the in-process answer. */
    @Test
    void the_streamed_search_answer_is_the_json_of_the_in_process_answer() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var r = client.get("/api/search?q=" + enc("dân vận") + "&size=3&sort=newest");
            assertEquals(200, r.code());
            String type = r.headers().get("Content-Type").getFirst();
            assertTrue(type.startsWith("application/json"), type);
            String expected = vn.archive.config.Json.MAPPER.writeValueAsString(archive.search().search(
                    new vn.archive.search.SearchRequest("dân vận", java.util.Map.of(), null, null,
                            vn.archive.search.SearchRequest.Sort.NEWEST, 1, 3)));
            assertEquals(expected, r.body().string());
        });
    }

    /**
     * Issue 18: the implementation tree is streamed too, byte for byte what {@code ctx.json} wrote before (the
     * mapper's String) of the tree the anonymous reader gets in process, cut as the portal cuts it, then cleared:
     * the largest tree of any number the corpus cites.
     */
    @Test
    void the_streamed_tree_is_the_json_of_the_in_process_tree_cleared_for_the_reader() throws Exception {
        var graph = new vn.archive.graph.ClearedReferenceGraph(archive.references(),
                archive.search().restrictedTo(vn.archive.model.Clearance.NONE));
        Set<String> numbers = new java.util.TreeSet<>();
        archive.search().export(new vn.archive.search.SearchRequest("", java.util.Map.of(), null, null,
                vn.archive.search.SearchRequest.Sort.RELEVANCE, 1, 20), d -> d.metadata().references().stream()
                .map(vn.archive.model.Reference::number).filter(n -> n != null
                        && vn.archive.model.DocNumber.parse(n).isPresent()).forEach(numbers::add));
        String largest = null;
        vn.archive.graph.ReferenceGraph.ImplementationNode tree = null;
        for (String n : numbers) {
            var t = graph.implementations(n, vn.archive.graph.ReferenceGraph.DEFAULT_TREE_NODES);
            if (t.isPresent() && (tree == null || t.get().size() > tree.size())) {
                largest = n;
                tree = t.get();
            }
        }
        assertTrue(tree != null && tree.size() > 3, "a tree with children: " + largest);
        String number = largest;
        String expected = vn.archive.config.Json.MAPPER.writeValueAsString(tree);
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var r = client.get("/api/references/" + enc(number) + "/implementations");
            assertEquals(200, r.code());
            String type = r.headers().get("Content-Type").getFirst();
            assertTrue(type.startsWith("application/json"), type);
            assertEquals(expected, r.body().string());
        });
    }

    /**
     * Issue 18: the document object is streamed as well: compact JSON in the mapper's own form (written again from
     * its parse, the same bytes), carrying the whole text as the archive holds it.
     */
    @Test
    void the_streamed_document_is_compact_json_with_the_whole_text() throws Exception {
        var hit = archive.search().restrictedTo(vn.archive.model.Clearance.NONE).search(new vn.archive.search.SearchRequest(
                "dân vận", java.util.Map.of(), null, null, vn.archive.search.SearchRequest.Sort.RELEVANCE, 1, 1))
                .hits().getFirst();
        String text = archive.search().document(hit.id()).orElseThrow().text();
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var r = client.get("/api/documents/" + hit.id());
            assertEquals(200, r.code());
            assertTrue(r.headers().get("Content-Type").getFirst().startsWith("application/json"));
            String body = r.body().string();
            var mapper = vn.archive.config.Json.MAPPER;
            assertEquals(mapper.writeValueAsString(mapper.readValue(body, Object.class)), body);
            assertEquals(text, mapper.readTree(body).path("text").asText());
        });
    }

    @Test
    void facets_none_answers_the_same_hits_and_total_with_every_dimension_empty() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode counted = getJson(client, "/api/search?q=" + enc("dan van") + "&size=5");
            JsonNode skipped = getJson(client, "/api/search?q=" + enc("dan van") + "&size=5&facets=none");
            assertTrue(counted.path("facets").path("kind").size() > 0);
            assertEquals(counted.path("total"), skipped.path("total"));
            assertEquals(counted.path("hits"), skipped.path("hits"));
            for (String dim : List.of("kind", "issuer", "year", "level", "place", "signer", "campaign", "cites")) {
                assertTrue(skipped.path("facets").path(dim).isArray(), dim);
                assertEquals(0, skipped.path("facets").path(dim).size(), dim);
            }
        });
    }

    @Test
    void bad_parameters_answer_400_with_a_message_that_names_the_parameter() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String longQuery = "a".repeat(501);
            List<List<String>> cases = List.of(
                    List.of("/api/search?page=0", "page"),
                    List.of("/api/search?page=abc", "page"),
                    List.of("/api/search?page=1001", "page"),
                    List.of("/api/search?size=0", "size"),
                    List.of("/api/search?size=101", "size"),
                    List.of("/api/search?sort=sideways", "sort"),
                    List.of("/api/search?facets=some", "facets"),
                    List.of("/api/search?from=yesterday", "from"),
                    List.of("/api/search?to=2020-13-01", "to"),
                    List.of("/api/search?from=2021-01-01&to=2020-01-01", "from"),
                    List.of("/api/search?q=" + longQuery, "query"),
                    List.of("/api/export.csv?sort=x", "sort"),
                    List.of("/api/export.json?from=x", "from"),
                    List.of("/api/documents/x/similar?size=0", "size"),
                    List.of("/api/browse/colour", "dimension"));
            for (List<String> c : cases) {
                var r = client.get(c.get(0));
                String body = r.body().string();
                assertEquals(400, r.code(), c.get(0) + " → " + body);
                JsonNode error = WebTestSupport.JSON.readTree(body);
                assertEquals(400, error.path("status").asInt());
                assertTrue(error.path("error").asText().contains(c.get(1)), c.get(0) + " → " + body);
            }
        });
    }

    @Test
    void unknown_documents_and_batches_answer_404_as_json() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            for (String path : List.of("/api/documents/nope", "/api/documents/nope/similar", "/api/imports/nope",
                    "/api/nothing-here")) {
                var r = client.get(path);
                assertEquals(404, r.code(), path);
                assertEquals(404, json(r).path("status").asInt(), path);
            }
        });
    }

    @Test
    void similar_documents_are_other_documents_sharing_the_vocabulary() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            String id = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0).path("id").asText();
            JsonNode similar = getJson(client, "/api/documents/" + id + "/similar?size=3");
            assertEquals(3, similar.size());
            Set<String> titles = new HashSet<>();
            similar.forEach(h -> {
                assertFalse(h.path("id").asText().equals(id));
                titles.add(h.path("title").asText());
            });
            assertTrue(titles.stream().anyMatch(t -> t.contains("Dân vận khéo")),
                    "another Dân vận khéo directive is among the most similar: " + titles);
        });
    }

    @Test
    void browse_lists_every_value_with_counts_that_match_the_search() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            JsonNode years = getJson(client, "/api/browse/year");
            long sum = 0;
            for (JsonNode y : years) {
                sum += y.path("count").asLong();
            }
            long dated = getJson(client, "/api/search?from=0001-01-01").path("total").asLong();
            assertEquals(dated, sum, "every dated document has exactly one year");
            assertTrue(years.size() > 20, "browse is not cut at the search page's 20 values");
            assertTrue(getJson(client, "/api/browse/issuers").isArray());
        });
    }

    @Test
    void csv_export_has_every_hit_a_bom_and_vietnamese_intact() throws Exception {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            long total = getJson(client, "/api/search").path("total").asLong();
            assertTrue(total > 20, "more hits than one page");
            var r = client.get("/api/export.csv?sort=newest");
            assertEquals(200, r.code());
            assertTrue(r.headers().get("Content-Type").getFirst().startsWith("text/csv"));
            assertTrue(r.headers().get("Content-Disposition").getFirst().contains(".csv"));
            String body = r.body().string();
            assertEquals('\uFEFF', body.charAt(0), "a byte order mark so Excel reads UTF-8");
            List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(body.substring(1))).getRecords();
            assertEquals(total, rows.size());
            assertTrue(rows.stream().anyMatch(row -> row.get("Số, ký hiệu").equals("374-CV/HU")
                    && row.get("Trích yếu").equals("V/v đẩy mạnh phong trào thi đua “Dân vận khéo”")));
            assertEquals(total, new HashSet<>(rows.stream().map(row -> row.get("Mã")).toList()).size());
        });
    }

    @Test
    void json_export_has_every_hit_of_the_filtered_search() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            long laws = getJson(client, "/api/search?kind=" + enc("Luật")).path("total").asLong();
            JsonNode export = getJson(client, "/api/export.json?kind=" + enc("Luật") + "&page=1&size=1");
            assertEquals(laws, export.path("total").asLong());
            assertEquals(laws, export.path("hits").size());
            export.path("hits").forEach(h -> assertEquals("Luật", h.path("kind").asText()));
        });
    }

    @Test
    void the_openapi_description_covers_every_registered_route() throws Exception {
        Javalin app = archive.webApp();
        JavalinTest.test(app, (server, client) -> {
            JsonNode spec = getJson(client, "/api/openapi.json");
            assertEquals("3.1.0", spec.path("openapi").asText());
            var routes = app.unsafe.internalRouter.allHttpHandlers();
            assertTrue(routes.size() >= 19);
            for (var route : routes) {
                String method = route.endpoint.method.name().toLowerCase(java.util.Locale.ROOT);
                if (!route.endpoint.method.isHttpMethod() || method.equals("head")) {
                    continue;
                }
                // Javalin writes a slash-accepting parameter as <name>; OpenAPI writes every parameter as {name}
                String path = route.endpoint.path.replaceAll("<([^>]+)>", "{$1}");
                assertTrue(spec.path("paths").path(path).has(method), method.toUpperCase(java.util.Locale.ROOT)
                        + " " + path + " is not described in /api/openapi.json");
            }
        });
    }
}
