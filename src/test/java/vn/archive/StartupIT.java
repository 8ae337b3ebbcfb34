package vn.archive;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code serve} as a newcomer meets it, in its own JVM: in a folder holding a copy of {@code corpus/} and no archive
 * yet, the portal answers while the sample corpus imports in the background; then a restart on that archive. Both
 * times to the first 200 on {@code /} are printed for the README's performance notes, never asserted (they depend on
 * the machine and its load); what is asserted is that the portal answers, the import page and the terminal show
 * the import's progress, the import finishes with every file, and searches see its documents after the restart.
 */
@Tag("slow")
class StartupIT {
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_fresh_folder_answers_while_the_corpus_imports_and_a_restart_answers_again(@TempDir Path tmp)
            throws Exception {
        Path clone = Files.createDirectory(tmp.resolve("clone"));
        copyTree(TestCorpus.ROOT, clone.resolve("corpus"));
        long files;
        try (Stream<Path> s = Files.walk(TestCorpus.ROOT)) {
            files = s.filter(Files::isRegularFile).count();
        }

        int port = freePort();
        Path firstLog = tmp.resolve("first.log");
        Process first = serve(clone, port, firstLog);
        try {
            double fresh = secondsToFirstPage(first, port, firstLog);
            System.out.printf("StartupIT: fresh folder answered GET / after %.1f s%n", fresh);
            assertTrue(importPageShowsProgress(firstLog, "Tổng " + files + " tệp:", port),
                    "the import page shows the background import while it runs");
            String summary = awaitLine(first, firstLog, "Tổng " + files + " tệp:");
            assertTrue(summary.contains("lỗi 0"), "the background import of corpus/ failed somewhere: " + summary);
            assertTrue(Files.readString(firstLog, StandardCharsets.UTF_8).contains("corpus/: ["),
                    "the terminal shows the import's progress");
        } finally {
            stop(first);
        }

        Path secondLog = tmp.resolve("second.log");
        Process second = serve(clone, port, secondLog);
        try {
            double restart = secondsToFirstPage(second, port, secondLog);
            System.out.printf("StartupIT: restart on the imported archive answered GET / after %.1f s%n", restart);
            String log = Files.readString(secondLog, StandardCharsets.UTF_8);
            assertTrue(!log.contains("corpus/: ["), "a restart does not import corpus/ again:\n" + log);
            long total = Json.MAPPER.readTree(get(port, "/api/search?q=&size=1").body()).path("total").asLong();
            assertTrue(total > 0, "after the restart searches see the imported documents");
        } finally {
            stop(second);
        }
    }

    private static Process serve(Path dir, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), App.class.getName(),
                "serve", "--port", Integer.toString(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static double secondsToFirstPage(Process p, int port, Path log) throws Exception {
        long started = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("serve ended before answering:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> r = get(port, "/");
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (ConnectException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(50);
        }
        return fail("the portal did not answer within " + PATIENCE + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Whether {@code /import} shows the running import ("Đang nhập: n/N tệp") before the summary line is printed. */
    private static boolean importPageShowsProgress(Path log, String summary, int port) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(port, "/import").body().contains("<p class=\"running\" role=\"status\">Đang nhập:")) {
                return true;
            }
            if (Files.readString(log, StandardCharsets.UTF_8).contains(summary)) {
                return false;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static String awaitLine(Process p, Path log, String prefix) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        return fail("no line '" + prefix + "…' in the log:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the shutdown hook closes the index
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        assertEquals(false, p.isAlive());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = s.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
