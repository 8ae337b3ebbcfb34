package vn.archive.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts a class of this classpath in its own JVM with a heap limit and a GC log, and reads the log back. */
final class ChildJvm {
    private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ChildJvm() {
    }

    static ProcessBuilder builder(String heap, Path gcLog, String mainClass, String... args) {
        return builder(heap, gcLog, null, mainClass, args);
    }

    /** As above, with {@code firstClasses} (a folder of classes, or null) ahead of this classpath. */
    static ProcessBuilder builder(String heap, Path gcLog, Path firstClasses, String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        if (firstClasses != null) {
            cp = firstClasses.toAbsolutePath() + File.pathSeparator + cp;
        }
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-Dfile.encoding=UTF-8", "-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** With this class path and these JVM options before the main class (the server's start from an AOT cache). */
    static ProcessBuilder builder(String heap, Path gcLog, String classPath, List<String> jvmOptions, String mainClass,
                                  String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog, "-Dfile.encoding=UTF-8"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** Runs to the end and returns its output; fails with the output when the exit code is not 0. */
    static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", pb.command().subList(0, 3)) + "… failed:\n" + out);
        }
        return out;
    }

    /** The largest heap occupancy left after a collection: what the process really needed. */
    static long maxAfterGcMb(Path gcLog) throws IOException {
        long max = 0;
        if (!Files.exists(gcLog)) {
            return -1;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = AFTER_GC.matcher(line);
            if (m.find()) {
                max = Math.max(max, Long.parseLong(m.group(2)));
            }
        }
        return max;
    }

    /** Number of collections logged. */
    static long collections(Path gcLog) throws IOException {
        return Files.readAllLines(gcLog).stream().filter(l -> AFTER_GC.matcher(l).find()).count();
    }
}
