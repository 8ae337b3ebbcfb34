package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import vn.archive.Archive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML pages over the corpus archive: search states, document page, browse pages, languages and errors. */
class PortalIT {
    private final Archive archive = PortalFixture.corpus();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void smoke() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/debug"));
            String[] urls = {"/?q=" + enc("dan van kheo"), "/", "/api/search?q=" + enc("dan van kheo"), "/api/search?size=1",
                "/browse/issuers", "/browse/years", "/browse/kinds", "/import", "/?q=xyzzy&kind=Luật", "/?q=" + enc("dan van kheo") + "&kind=Luật",
                "/api/export.csv?q=" + enc("dan van kheo"), "/api/export.json?q=" + enc("dan van kheo"), "/api/browse/issuers"};
            int i = 0;
            for (String u : urls) {
                var r = client.get(u);
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/debug/" + (i++) + ".txt"), u + "\n" + r.code() + "\n" + r.body().string());
            }
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(client.get("/api/search?q=374-CV/HU").body().string()).path("hits").get(0).path("id").asText();
            var r = client.get("/documents/" + id);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/debug/doc.txt"), r.code() + "\n" + r.body().string());
        });
    }
}
