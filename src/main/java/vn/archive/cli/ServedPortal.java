package vn.archive.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;
import vn.archive.model.IngestOutcome;
import vn.archive.storage.AtomicFiles;
import vn.archive.web.LocalImports;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The portal serving an archive, as {@code serve} announces it in {@code DIR/portal.json} (its local address and
 * the secret of its local import channel, in a file only its user can read), and the {@code import} verb's side of
 * that channel: hand the paths over, then follow the batch's outcomes until it ends; {@code withdraw} hands over its
 * one change the same way.
 */
record ServedPortal(String url, String token) {
    static final String FILE = "portal.json";
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration POLL = Duration.ofMillis(300);

    /** Announces the portal: called by {@code serve} once it listens. */
    static void announce(Path dataDir, String host, int port, String token) throws IOException {
        String reach = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]"
                : host;
        AtomicFiles.write(dataDir.resolve(FILE), JSON.writeValueAsBytes(
                Map.of("url", "http://" + reach + ":" + port, "token", token)));
    }

    /** Withdraws the announcement when the portal stops. */
    static void withdraw(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException ignored) {
            // a stale file is harmless: a hand-over to a portal that does not answer is not attempted
        }
    }

    /** The portal announced in the archive folder, if any (it may have stopped since: see {@link #handOver}). */
    static Optional<ServedPortal> find(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.of(new ServedPortal(node.path("url").asText(), node.path("token").asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The line a verb prints before it hands its work over: the archive, where it is served, and what the portal
     * does in its place, in Vietnamese then English.
     */
    String handingOver(Path dataDir, String vietnamese, String english) {
        return "Kho " + dataDir + " đang được phục vụ tại " + url + ": " + vietnamese
                + " (the archive is being served: " + english + ")";
    }

    /** Thrown when the portal does not answer, so the caller can say the archive is locked by something else. */
    static final class NotServing extends IOException {
        NotServing(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Hands the paths to the portal and passes each outcome to the listener as the portal finishes it. Returns the
     * batch's error, or null when it ended normally.
     */
    String handOver(List<Path> paths, Consumer<IngestOutcome> listener) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> absolute = new ArrayList<>();
        paths.forEach(p -> absolute.add(p.toAbsolutePath().normalize().toString()));
        HttpResponse<String> started;
        try {
            started = http.send(request(LocalImports.PREFIX).POST(HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("paths", absolute)))).header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new NotServing(e);
        }
        if (started.statusCode() != 202) {
            throw new IOException("cổng trả lời " + started.statusCode() + " (the portal answered "
                    + started.statusCode() + "): " + started.body());
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        int seen = 0;
        while (true) {
            HttpResponse<String> answer = http.send(request(LocalImports.PREFIX + "/" + id + "?from=" + seen).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("cổng trả lời " + answer.statusCode() + " (the portal answered "
                        + answer.statusCode() + "): " + answer.body());
            }
            JsonNode state = JSON.readTree(answer.body());
            for (JsonNode o : state.path("outcomes")) {
                listener.accept(JSON.treeToValue(o, IngestOutcome.class));
                seen++;
            }
            if (state.path("finished").asBoolean() && state.path("outcomes").isEmpty()) {
                return state.path("error").isNull() ? null : state.path("error").asText();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** What the portal did with a withdrawal: the recorded value, or why not (400, already withdrawn…). */
    record Withdrawal(int status, String value, String refusal) { }

    /**
     * Hands a withdrawal ({@code reason}) or a restoration (null reason) to the portal, which records and audits it as
     * the document page does; {@link NotServing} when the portal does not answer.
     */
    Withdrawal withdraw(String id, String reason, String who) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("reason", reason);
        body.put("who", who);
        HttpResponse<String> answer;
        try {
            answer = http.send(request(LocalImports.WITHDRAWALS).POST(HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(body))).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new NotServing(e);
        }
        if (answer.statusCode() == 200) {
            return new Withdrawal(200, JSON.readTree(answer.body()).path("value").asText(), null);
        }
        if (answer.statusCode() == 400 || answer.statusCode() == 404) {
            return new Withdrawal(answer.statusCode(), null, message(answer.body()));
        }
        throw new IOException("cổng trả lời " + answer.statusCode() + " (the portal answered "
                + answer.statusCode() + "): " + answer.body());
    }

    /** The message of an error answer (Javalin's JSON {"title": …} or plain text). */
    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("title").isTextual() ? node.path("title").asText() : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header(LocalImports.TOKEN_HEADER, token)
                .timeout(Duration.ofSeconds(30));
    }
}
