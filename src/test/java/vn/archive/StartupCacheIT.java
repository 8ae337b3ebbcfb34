package vn.archive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's start-up cache on a real JDK 25, with a jar built here: the real {@code Launcher} and
 * {@code StartupCache} classes and a small {@code vn.archive.App} that prints its verb and whether its JVM records or
 * uses an AOT cache. Every run's whole output is compared, so a JVM line on the terminal fails the test.
 */
@Tag("slow")
class StartupCacheIT {
    private static final String APP = """
            package vn.archive;
            public final class App {
                public static void main(String[] args) {
                    String mode = "none";
                    for (String o : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                        if (o.equals("-XX:AOTMode=record")) mode = "record";
                        if (o.startsWith("-XX:AOTCache=")) mode = "cache";
                    }
                    System.out.println(String.join(" ", args) + " " + mode);
                }
            }
            """;

    @TempDir
    Path tmp;
    private Path jar;

    @BeforeEach
    void build_a_small_jar_with_the_real_launcher() throws IOException {
        assumeTrue(Runtime.version().feature() >= StartupCache.AOT_VERSION, "the AOT cache needs JDK 25+");
        Path src = Files.createDirectories(tmp.resolve("src/vn/archive"));
        Files.writeString(src.resolve("App.java"), APP);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.resolve("App.java").toString()));
        Path launcherClasses = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("vn/archive");
        jar = Files.createDirectories(tmp.resolve("target")).resolve("directive-archive.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> launcher = Files.list(launcherClasses)) {
            List<Path> entries = new ArrayList<>(launcher.filter(p -> p.getFileName().toString()
                    .matches("(Launcher|StartupCache)(\\$.*)?\\.class")).toList());
            entries.add(classes.resolve("vn/archive/App.class"));
            for (Path entry : entries) {
                out.putNextEntry(new JarEntry("vn/archive/" + entry.getFileName()));
                out.write(Files.readAllBytes(entry));
                out.closeEntry();
            }
        }
    }

    @Test
    void the_first_serve_records_a_cache_beside_the_jar_and_the_next_starts_from_it_without_a_jvm_line()
            throws Exception {
        assertEquals("serve --port 1 record\n" + StartupCache.MAKING + "\n",
                run(thisJava(), "serve", "--port", "1"), "the launcher's one line while it makes the cache, no JVM's");
        Path cache = onlyCache();
        assertEquals(List.of(jar.getFileName().toString(), cache.getFileName().toString()), folder(),
                "nothing but the jar and its cache is left beside the jar");

        assertEquals("serve cache\n", run(thisJava(), "serve"));
        assertEquals(cache, onlyCache(), "a valid cache is kept");
        // -XX:AOTMode=on refuses to start when the cache cannot be used: the JVM really maps it.
        assertEquals("serve cache\n", run(List.of(thisJava(), "-XX:AOTMode=on", "-XX:AOTCache=" + cache,
                "-D" + Launcher.RELAUNCHED + "=true", "-jar", jar.toAbsolutePath().toString(), "serve")));
    }

    @Test
    void a_rebuilt_jar_records_a_new_cache_and_the_old_one_is_removed() throws Exception {
        run(thisJava(), "serve");
        Path first = onlyCache();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals("serve record\n" + StartupCache.MAKING + "\n", run(thisJava(), "serve"));
        Path second = onlyCache();
        assertNotEquals(first, second);
        assertEquals("serve cache\n", run(thisJava(), "serve"));
    }

    @Test
    void a_damaged_cache_is_passed_over_silently() throws Exception {
        run(thisJava(), "serve");
        Path cache = onlyCache();
        byte[] half = Files.readAllBytes(cache);
        Files.write(cache, Arrays.copyOf(half, half.length / 2));
        assertEquals("serve cache\n", run(thisJava(), "serve"), "the JVM ignores the damaged cache without a line");
    }

    @Test
    void other_verbs_help_and_the_off_switch_run_in_one_jvm_without_a_cache() throws Exception {
        assertEquals("import corpus none\n", run(thisJava(), "import", "corpus"));
        assertEquals("serve --help none\n", run(thisJava(), "serve", "--help"));
        assertEquals("serve none\n", run(List.of(thisJava(), "-D" + StartupCache.SWITCH + "=off", "-jar",
                jar.toString(), "serve")));
        assertEquals(List.of(jar.getFileName().toString()), folder(), "no cache was made");
    }

    @Test
    void a_default_java_older_than_21_relaunches_serve_on_a_newer_jdk_with_the_cache() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java17), "no JDK 17 on this machine");
        assertEquals("serve record\n" + StartupCache.MAKING + "\n", run(java17.toString(), "serve"));
        assertEquals("serve cache\n", run(java17.toString(), "serve"));
        assertEquals("serve cache\n", run(thisJava(), "serve"), "the same JDK 25 shares one cache");
        onlyCache();
    }

    private String run(String java, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the launcher ended");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private Path onlyCache() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            List<Path> caches = files.filter(p -> p.getFileName().toString().endsWith(".aot")).toList();
            assertEquals(1, caches.size(), "one cache beside the jar: " + caches);
            return caches.get(0);
        }
    }

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String thisJava() {
        return ProcessHandle.current().info().command().orElseThrow();
    }
}
