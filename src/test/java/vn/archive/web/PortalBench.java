package vn.archive.web;

import io.javalin.Javalin;
import vn.archive.Archive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency of the portal's pages against the JSON search they are built on, measured in the same run over the corpus
 * archive and reported as ratios. Not a test: run with
 * {@code mvn -o -q test-compile exec:java -Dexec.mainClass=vn.archive.web.PortalBench -Dexec.classpathScope=test}.
 */
public final class PortalBench {
    private static final int WARMUP = 50;
    private static final int ROUNDS = 200;
    /** One client for every request, so connection setup is not measured. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PortalBench() {
    }

    public static void main(String[] args) throws Exception {
        Archive archive = PortalFixture.corpus();
        Javalin app = archive.webApp().start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        String id = WebTestSupport.JSON.readTree(get(base + "/api/search?q=374-CV%2FHU")).path("hits").get(0)
                .path("id").asText();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("baseline: GET /api/search?q=dan van kheo", "/api/search?q=dan+van+kheo");
        cases.put("search page, same query", "/?q=dan+van+kheo");
        cases.put("search page, no result + 2 filters (suggestions)", "/?q=dan+van+kheo&kind=Lu%E1%BA%ADt&year=2019");
        cases.put("document page (with more-like-this)", "/documents/" + id);
        cases.put("CSV export of every document", "/api/export.csv");
        // the baseline again shows how much the loaded machine moved the numbers during the run
        cases.put("baseline again", "/api/search?q=dan+van+kheo&again");
        try {
            double baseline = 0;
            for (var c : cases.entrySet()) {
                double micros = time(base + c.getValue());
                if (baseline == 0) {
                    baseline = micros;
                }
                System.out.printf("%-52s %8.0f µs  ×%.2f%n", c.getKey(), micros, micros / baseline);
            }
        } finally {
            app.stop();
            // the fixture closes the archive when the JVM ends
        }
    }

    private static double time(String url) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(url);
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            get(url);
        }
        return (System.nanoTime() - start) / 1000.0 / ROUNDS;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode());
        }
        return r.body();
    }
}
