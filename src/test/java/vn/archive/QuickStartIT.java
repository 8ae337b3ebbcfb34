package vn.archive;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's Quick start, as a newcomer runs it: a clean copy of the checkout (the files git tracks or would
 * track, so on CI exactly a fresh clone), the machine's own default {@code java} first on {@code PATH}, no
 * {@code JAVA_HOME}, and the first command pasted as written; the portal must answer 200 at http://localhost:7070.
 */
@Tag("slow")
class QuickStartIT {
    private static final Path README = Path.of("README.md");
    private static final Duration BUILD_AND_START = Duration.ofMinutes(12);

    @Test
    void the_first_quick_start_command_builds_and_serves_the_portal_on_a_fresh_copy(@TempDir Path tmp)
            throws Exception {
        List<String> commands = quickStartCommands(Files.readString(README));
        assumeTrue(onPath("git") && onPath("mvn"), "git and mvn are needed to build a fresh copy");
        assumeTrue(portFree(7070), "port 7070 is in use on this machine; the Quick start serves there");
        Path copy = Files.createDirectory(tmp.resolve("clone"));
        copyCheckout(copy);

        ProcessBuilder pb = new ProcessBuilder("bash", "-c", commands.get(0)).directory(copy.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("quickstart.log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("MAVEN_OPTS");
        env.put("PATH", machinePath(env.getOrDefault("PATH", "")));
        System.out.println("Quick start with PATH=" + env.get("PATH") + " and " + run(env, "java -version"));

        long started = System.nanoTime();
        Process shell = pb.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest home = HttpRequest.newBuilder(URI.create("http://localhost:7070/"))
                    .timeout(Duration.ofSeconds(20)).build();
            while (true) {
                if (!shell.isAlive()) {
                    fail("The Quick start command exited with " + shell.exitValue() + " before serving:\n"
                            + tail(tmp.resolve("quickstart.log")));
                }
                if (System.nanoTime() - started > BUILD_AND_START.toNanos()) {
                    fail("No answer at http://localhost:7070 after " + BUILD_AND_START + ":\n"
                            + tail(tmp.resolve("quickstart.log")));
                }
                try {
                    HttpResponse<String> answer = http.send(home, HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, answer.statusCode(), () -> answer.body());
                    assertTrue(answer.body().contains("<html"), "the home page is a page");
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(1000);
                }
            }
            System.out.printf("Quick start answered 200 after %.1f s (build included)%n",
                    (System.nanoTime() - started) / 1e9);
        } finally {
            shell.descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
            if (!shell.waitFor(30, TimeUnit.SECONDS)) {
                shell.descendants().forEach(ProcessHandle::destroyForcibly);
                shell.destroyForcibly();
            }
        }
    }

    @Test
    void ci_runs_exactly_the_readme_test_command() throws IOException {
        List<String> commands = quickStartCommands(Files.readString(README));
        assertEquals(2, commands.size(), "the Quick start has exactly two commands");
        List<String> ciCommands = Files.readAllLines(Path.of(".ci/run")).stream()
                .filter(line -> line.startsWith("exec ")).map(line -> line.substring("exec ".length()).trim())
                .toList();
        assertEquals(List.of(commands.get(1)), ciCommands);
    }

    /** The code blocks between "## Quick start" and the next heading, one command each. */
    static List<String> quickStartCommands(String readme) {
        int start = readme.indexOf("## Quick start");
        assertTrue(start >= 0, "the README has a Quick start");
        int end = readme.indexOf("\n## ", start + 3);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher block = Pattern.compile("```sh\\n(.*?)\\n```", Pattern.DOTALL).matcher(section);
        List<String> commands = new ArrayList<>();
        while (block.find()) {
            commands.add(block.group(1).trim());
        }
        return commands;
    }

    /** The machine's own default binaries first ({@code /usr/bin}, where its default java is), no JDK folder. */
    private static String machinePath(String path) {
        List<String> parts = new ArrayList<>(List.of("/usr/local/bin", "/usr/bin", "/bin"));
        Arrays.stream(path.split(":")).filter(p -> !p.isEmpty() && !p.startsWith("/usr/lib/jvm"))
                .filter(p -> !parts.contains(p)).forEach(parts::add);
        return String.join(":", parts);
    }

    /** Tracked and untracked-but-not-ignored files, as a fresh clone plus this checkout's uncommitted work. */
    private static void copyCheckout(Path to) throws IOException, InterruptedException {
        Process ls = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .redirectErrorStream(false).start();
        String listing = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ls.waitFor(), "git ls-files");
        for (String name : listing.split("\0")) {
            Path from = Path.of(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue; // deleted in the working tree
            }
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String run(Map<String, String> env, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining("\n"));
    }
}
