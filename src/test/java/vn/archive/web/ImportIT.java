package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;
import vn.archive.security.TestAccounts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.archive.web.WebTestSupport.awaitDone;
import static vn.archive.web.WebTestSupport.getJson;
import static vn.archive.web.WebTestSupport.json;
import static vn.archive.web.WebTestSupport.multipart;

/** The import page and API: uploads run in the background and their documents become searchable. */
class ImportIT {
    @TempDir
    Path temp;
    private Archive archive;

    @BeforeEach
    void open() throws Exception {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
    }

    @AfterEach
    void close() throws Exception {
        archive.close();
    }

    @Test
    void an_uploaded_docx_is_imported_in_the_background_and_becomes_searchable() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            assertEquals(0, getJson(client, "/api/search?q=374-CV/HU").path("total").asLong());
            byte[] docx = DocumentRenderer.docx(TestCorpus.read(TestCorpus.TRIEU_PHONG));
            var form = multipart("files", List.of("Công văn 374.docx"), List.of(docx));
            Response posted = client.request("/import", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            String batch = batchId(posted);
            JsonNode done = awaitDone(client, batch);
            assertEquals("DONE", done.path("state").asText());
            assertEquals(1, done.path("counts").path("IMPORTED").asInt());
            assertEquals("Công văn 374.docx", done.path("outcomes").get(0).path("file").asText());

            JsonNode hit = getJson(client, "/api/search?q=374-CV/HU").path("hits").get(0);
            assertEquals("374-CV/HU", hit.path("number").asText());
            assertEquals("/documents/" + hit.path("id").asText(), done.path("outcomes").get(0).path("url").asText());
            String page = client.get("/import/" + batch).body().string();
            assertTrue(page.contains("Hoàn tất"));
            assertFalse(page.contains("http-equiv=\"refresh\""), "a finished batch stops refreshing");
            assertTrue(page.contains("href=\"/documents/" + hit.path("id").asText() + "\""));
            assertTrue(client.get("/import").body().string().contains("href=\"/import/" + batch + "\""));
        });
    }

    @Test
    void an_import_started_outside_the_portal_shows_its_progress_on_the_import_page() throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch pageSeen = new CountDownLatch(1);
        Thread serveImport = new Thread(() -> {
            try {
                archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> {
                    firstDone.countDown();
                    await(pageSeen);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        serveImport.start();
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            assertTrue(firstDone.await(60, TimeUnit.SECONDS));
            String running = client.get("/import", b -> b.header("Cookie", as.cookie())).body().string();
            pageSeen.countDown();
            // Two workers: one or two of the three seeds are done while the first listener call waits.
            assertTrue(running.matches("(?s).*Đang nhập: [12]/3 tệp.*"), running);
            assertTrue(running.contains("http-equiv=\"refresh\""), "a running import refreshes the page");
            serveImport.join(60_000);
            String after = client.get("/import", b -> b.header("Cookie", as.cookie())).body().string();
            assertFalse(after.contains("Đang nhập:"), after);
            assertFalse(after.contains("http-equiv=\"refresh\""));
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_zip_reports_every_file_and_a_bad_file_does_not_stop_the_batch() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("bao-loc.txt"));
                z.write(TestCorpus.read(TestCorpus.BAO_LOC).getBytes(StandardCharsets.UTF_8));
                z.putNextEntry(new ZipEntry("hong.pdf"));
                z.write("%PDF-1.4 this is not really a PDF".getBytes(StandardCharsets.US_ASCII));
                z.putNextEntry(new ZipEntry("rong.txt"));
            }
            var form = multipart("files", List.of("lo.zip"), List.of(zip.toByteArray()));
            Response posted = client.request("/api/imports", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(202, posted.code());
            String batch = json(posted).path("id").asText();
            assertEquals("/api/imports/" + batch, posted.headers().get("Location").getFirst());
            JsonNode done = awaitDone(client, batch);
            assertEquals(3, done.path("processed").asInt(), done.toString());
            assertEquals(1, done.path("counts").path("IMPORTED").asInt(), done.toString());
            assertEquals(2, done.path("counts").path("FAILED").asInt(), done.toString());
            done.path("outcomes").forEach(o -> {
                if (o.path("status").asText().equals("FAILED")) {
                    assertFalse(o.path("reason").asText().isBlank(), "a failure says why");
                    assertTrue(o.path("url").isNull());
                }
            });
            assertEquals(1, getJson(client, "/api/search?q=134-CV/ThU").path("total").asLong());
        });
    }

    @Test
    void a_file_of_several_megabytes_is_accepted_under_the_limit() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            String text = TestCorpus.read(TestCorpus.BAO_LOC);
            byte[] big = text.repeat(3 * 1024 * 1024 / text.length() + 1).getBytes(StandardCharsets.UTF_8);
            assertTrue(big.length > 3 * 1024 * 1024);
            var form = multipart("files", List.of("lon.txt"), List.of(big));
            Response posted = client.request("/api/imports", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(202, posted.code(), posted.body().string());
            JsonNode done = awaitDone(client, json(posted).path("id").asText());
            assertEquals(1, done.path("processed").asInt(), done.toString());
        });
    }

    @Test
    void an_upload_over_the_limit_is_refused_with_a_clear_vietnamese_message() throws Exception {
        var small = new Uploads((in, l) -> { }, temp.resolve("uploads"), 1024);
        JavalinTest.test(WebServer.create(archive.search(), archive.store(), small, archive.security()), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            // the uploads go on fresh connections, as before logging in: an over-size body may end its connection
            var fresh = SecurityIT.anonymous(server);
            var form = multipart("files", List.of("lon.txt"), List.of(new byte[4096]));
            Response page = fresh.request("/import", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(413, page.code());
            assertTrue(page.body().string().contains("Tệp tải lên quá lớn: tối đa 1024 byte"));
            Response api = fresh.request("/api/imports", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(413, api.code());
            assertTrue(json(api).path("error").asText().contains("quá lớn"));
            // without a Content-Length (chunked), the limit is met while the parts are read
            Response chunked = fresh.request("/api/imports", b -> b.post(java.net.http.HttpRequest.BodyPublishers
                    .ofInputStream(() -> new java.io.ByteArrayInputStream(form.body()))).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(413, chunked.code(), chunked.body().string());
        });
    }

    @Test
    void an_upload_without_files_is_a_400_that_says_so() {
        JavalinTest.test(archive.webApp(), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            var form = multipart("other", List.of("x.txt"), List.of(new byte[] {1}));
            Response r = client.request("/api/imports", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf()));
            assertEquals(400, r.code());
            assertTrue(json(r).path("error").asText().contains("Chưa chọn tệp"));
            Response notMultipart = client.request("/import", b -> as.sign(b.post(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))));
            assertEquals(400, notMultipart.code());
            assertEquals(404, client.get("/import/unknown").code());
        });
    }

    @Test
    void the_batch_page_refreshes_itself_while_the_import_runs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Importer slow = (inputs, listener) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener.accept(new IngestOutcome(inputs.getFirst().resolve("a.txt").toString(), IngestStatus.FAILED,
                    "thử", null, null, 0, null, 1));
        };
        var uploads = new Uploads(slow, temp.resolve("uploads"), Uploads.DEFAULT_MAX_BYTES);
        JavalinTest.test(WebServer.create(archive.search(), archive.store(), uploads, archive.security()), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            var form = multipart("files", List.of("a.txt"), List.of("nội dung".getBytes(StandardCharsets.UTF_8)));
            String batch = batchId(client.request("/import", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf())));
            String running = client.get("/import/" + batch).body().string();
            assertTrue(running.contains("<meta http-equiv=\"refresh\" content=\"2\">"));
            assertTrue(running.contains("data-status-url=\"/api/imports/" + batch + "\""));
            release.countDown();
            JsonNode done = awaitDone(client, batch);
            assertEquals("a.txt", done.path("outcomes").get(0).path("file").asText(), "the server's folders are not shown");
        });
    }

    @Test
    void a_portal_without_uploads_says_so_and_refuses_them() throws Exception {
        JavalinTest.test(WebServer.create(archive.search(), archive.store(), null, archive.security()), (server, client) -> {
            var as = TestAccounts.archivist(archive.security(), client);
            assertTrue(client.get("/import").body().string().contains("Cổng này không nhận tải lên."));
            var form = multipart("files", List.of("a.txt"), List.of(new byte[] {1}));
            assertEquals(503, client.request("/api/imports", b -> b.post(form.publisher()).header("Content-Type", form.contentType()).header("Cookie", as.cookie()).header("X-CSRF-Token", as.csrf())).code());
        });
    }

    /** The batch id from the form POST's answer: a 303 to the batch page (or that page, if followed). */
    private static String batchId(Response posted) {
        if (posted.code() == 303) {
            String location = posted.headers().get("Location").getFirst();
            assertTrue(location.startsWith("/import/"), location);
            return location.substring("/import/".length());
        }
        String body = posted.body().string();
        assertEquals(200, posted.code(), body);
        int at = body.indexOf("data-status-url=\"/api/imports/") + "data-status-url=\"/api/imports/".length();
        return body.substring(at, body.indexOf('"', at));
    }
}
