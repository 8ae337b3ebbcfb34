package vn.archive.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What section 5 needs to start {@code serve} as the Quick start does on a restart: from an ahead-of-time cache of
 * its start (JDK 25's AOT cache, which the jar's launcher makes beside the jar after the first {@code serve}). The
 * JVM archives classes from jars only ("Cannot have non-empty directory in paths"), so the server's class folders
 * are packed into a jar first; the test classes are left out (the server needs none).
 */
final class ServeStartCache {
    /** The first JDK whose {@code -XX:AOTCacheOutput} records and makes a cache in one run. */
    static final int AOT_VERSION = 25;
    /** The JVM's own AOT lines are not wanted in the server's log (as the launcher does). */
    static final String QUIET = "-Xlog:aot*=off,cds*=off";

    private ServeStartCache() {
    }

    /** Whether the harness's JVM (which also runs the server) can record and use a cache. */
    static boolean available() {
        return Runtime.version().feature() >= AOT_VERSION;
    }

    /**
     * The harness's class path for the server, jars only: {@code firstClasses} (or null) and the main class folder
     * each packed into a jar under {@code dir}, the test class folder left out, the dependencies as they are.
     */
    static String jarsOnly(Path dir, Path firstClasses) throws IOException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        if (firstClasses != null) {
            entries.add(firstClasses.toString());
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        int n = 0;
        for (String e : entries) {
            Path p = Path.of(e);
            if (!Files.isDirectory(p)) {
                out.add(e);
            } else if (!p.getFileName().toString().equals("test-classes")) {
                Path jar = dir.resolve("classes-" + n++ + ".jar");
                pack(p, jar);
                out.add(jar.toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(f -> !f.equals(folder)).sorted().toList()) {
                String name = folder.relativize(f).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(f)) {
                    // folders as entries too: Javalin looks its static files' folder up as a resource
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
    }
}
