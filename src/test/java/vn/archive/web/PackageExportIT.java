package vn.archive.web;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.Clearance;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal's package export: archivists only, with the archivist's clearance deciding what goes in. */
class PackageExportIT {
    @Test
    void an_archivist_exports_what_their_clearance_sees_and_a_reader_may_not_export(@TempDir Path tmp) throws Exception {
        try (Archive archive = Archive.open(AppConfig.forData(tmp.resolve("data")))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            TestAccounts.account(archive.security(), "doc", Role.READER, Clearance.TUYET_MAT);
            TestAccounts.account(archive.security(), "luutru-thuong", Role.ARCHIVIST, Clearance.NONE);
            JavalinTest.test(archive.webApp(), (server, client) -> {
                String id = WebTestSupport.getJson(client, "/api/search?q=134-CV/ThU").path("hits").get(0).path("id")
                        .asText();
                var top = TestAccounts.archivist(archive.security(), client);
                archive.corrections().correct(id, "classification", "Mật", "luutru");
                var full = client.request("/api/export.package.zip", b -> top.sign(b.get()));
                assertEquals(200, full.code());
                assertEquals("3", full.headers().get("X-Package-Documents").getFirst());
                assertEquals("MAT", full.headers().get("X-Package-Highest-Classification").getFirst());
                // The test client reads bodies as text; the zip is read as bytes.
                byte[] labelled = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + server.port()
                                + "/api/export.package.zip?fileCode=HS-01&retention=V%C4%A9nh%20vi%E1%BB%85n"))
                        .header("Cookie", top.cookie()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                String file = fileElements(labelled);
                assertTrue(file.contains("<fileCode>HS-01</fileCode>"), file);
                assertTrue(file.contains("<maintenance>Vĩnh viễn</maintenance>"), file);
                assertTrue(file.contains("<totalDoc>3</totalDoc>"), file);
                assertEquals(400, client.request("/api/export.package.zip?fileCode=" + "X".repeat(51),
                        b -> top.sign(b.get())).code(), "a code longer than the element allows");

                var plain = TestAccounts.login(archive.security(), client, "luutru-thuong");
                var limited = client.request("/api/export.package.zip", b -> plain.sign(b.get()));
                assertEquals(200, limited.code());
                assertEquals("2", limited.headers().get("X-Package-Documents").getFirst(),
                        "the archivist without clearance exports without the secret letter");
                assertEquals("NONE", limited.headers().get("X-Package-Highest-Classification").getFirst());

                var reader = TestAccounts.login(archive.security(), client, "doc");
                assertEquals(403, client.request("/api/export.package.zip", b -> reader.sign(b.get())).code());
                assertEquals(401, SecurityIT.anonymous(server).get("/api/export.package.zip").code(),
                        "anonymous: login required");
            });
        }
    }

    /** The package's file-tt05.xml. */
    private static String fileElements(byte[] zip) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("metadata/descriptive/file-tt05.xml")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no file-tt05.xml in the package");
    }
}
