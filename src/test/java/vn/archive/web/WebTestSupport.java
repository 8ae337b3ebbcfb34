package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small helpers shared by the web tests: JSON reading, URL encoding, links in HTML, multipart bodies. */
final class WebTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private WebTestSupport() {
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A page in English; the language is remembered in a cookie that outlives a test, so it is set back after. */
    static String inEnglish(io.javalin.testtools.HttpClient client, String path) {
        String page = client.get(path + (path.contains("?") ? "&" : "?") + "lang=en").body().string();
        client.get("/?lang=vi");
        return page;
    }

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET that must answer 200 with JSON. */
    static JsonNode getJson(HttpClient client, String path) {
        Response r = client.get(path);
        String body = r.body().string();
        assertEquals(200, r.code(), path + " → " + body);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every href in the HTML whose tag carries this CSS fragment (e.g. {@code class="remove"}), unescaped. */
    static List<String> links(String html, String marker) {
        List<String> out = new ArrayList<>();
        Matcher tag = Pattern.compile("<a [^>]*>").matcher(html);
        while (tag.find()) {
            String a = tag.group();
            if (a.contains(marker)) {
                Matcher m = HREF.matcher(a);
                if (m.find()) {
                    out.add(m.group(1).replace("&amp;", "&"));
                }
            }
        }
        return out;
    }

    /** A multipart/form-data body with files under one field name. */
    record Multipart(String boundary, byte[] body) {
        HttpRequest.BodyPublisher publisher() {
            return HttpRequest.BodyPublishers.ofByteArray(body);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    static Multipart multipart(String field, List<String> names, List<byte[]> contents) {
        String boundary = "----portal-test-boundary-7d1f";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                    + names.get(i) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, out.toByteArray());
    }

    /** Polls an import batch until it has finished, at most two minutes. */
    static JsonNode awaitDone(io.javalin.testtools.HttpClient client, String batch) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (true) {
            JsonNode status = getJson(client, "/api/imports/" + batch);
            if (!status.path("running").asBoolean()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("import batch did not finish: " + status);
            }
            Thread.sleep(200);
        }
    }
}
