package vn.archive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The jar's entry point, compiled for Java 8 so that any {@code java} can start it.
 *
 * <p>The archive itself needs Java 21 or newer. On such a runtime this class hands over to {@link App} in the same
 * JVM. On an older one (a machine whose default {@code java} is 17, with a newer JDK installed beside it) it looks for
 * a JDK or JRE of version 21+ ({@code JAVA_HOME}, then the usual install folders), starts the same jar on it with the
 * same JVM options and arguments, and exits with its exit code. When none is found it says so in one line, in
 * Vietnamese and English, and exits 1. {@code serve} on a JDK 25+ (found, or the running one) starts in a child JVM
 * with the {@link StartupCache} beside the jar: the second JVM costs a tenth of a second, the cache saves seconds.
 * Everything here uses only Java 8 API, and nothing of the archive's own code.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    /** Set on the relaunched JVM, so that a wrong runtime never relaunches in a loop. */
    static final String RELAUNCHED = "archive.launcher.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        if (feature(System.getProperty("java.specification.version")) >= REQUIRED) {
            if (System.getProperty(RELAUNCHED) == null) {
                File home = new File(System.getProperty("java.home"));
                File java = new File(home, "bin/java");
                List<String> options = jvmOptions(true);
                StartupCache cache = java.canExecute() ? StartupCache.forStart(args, ownJarOrNull(), java,
                        releaseString(home, System.getProperty("java.version")), options) : null;
                if (cache != null) {
                    System.exit(relaunch(java, options, cache, args));
                }
            }
            runApp(args);
            return;
        }
        if (System.getProperty(RELAUNCHED) != null) {
            fail("Java " + System.getProperty("java.version") + " được chọn nhưng vẫn cũ hơn " + REQUIRED
                    + " / the chosen Java is still older than " + REQUIRED);
        }
        File java = findJava();
        if (java == null) {
            fail("Cần Java " + REQUIRED + " trở lên, máy đang chạy Java " + System.getProperty("java.version")
                    + " và không tìm thấy JDK " + REQUIRED + "+ nào (JAVA_HOME, /usr/lib/jvm…). Cài đặt, ví dụ: "
                    + "apt-get install openjdk-21-jre-headless / Java " + REQUIRED + "+ is required: none was found;"
                    + " install one or set JAVA_HOME.");
        }
        List<String> options = jvmOptions(false);
        File home = java.getParentFile().getParentFile();
        System.exit(relaunch(java, options,
                StartupCache.forStart(args, ownJarOrNull(), java, releaseString(home, ""), options), args));
    }

    private static void runApp(String[] args) throws Throwable {
        Method main = Class.forName("vn.archive.App").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** This JVM's options the child gets: all of them on the same runtime, else memory, -D and assertions only. */
    private static List<String> jvmOptions(boolean sameRuntime) {
        List<String> options = new ArrayList<String>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The old runtime's own agent and module options may not fit the new one; memory and -D options do.
            if (sameRuntime || option.startsWith("-D") || option.startsWith("-X") || option.startsWith("-ea")
                    || option.startsWith("-da")) {
                options.add(option);
            }
        }
        return options;
    }

    private static int relaunch(File java, List<String> options, final StartupCache cache, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<String>();
        command.add(java.getPath());
        command.addAll(options);
        if (cache != null) {
            command.addAll(cache.options());
        }
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-jar");
        command.add(ownJar().getPath());
        command.addAll(Arrays.asList(args));
        final Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(new Runnable() {
            @Override
            public void run() {
                child.destroy();
                if (cache != null) {
                    // Ctrl+C or a SIGTERM: the recorded start is still worth a cache once the child has ended.
                    try {
                        cache.finish(child.waitFor());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, "stop-relaunched-jvm");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        if (cache != null) {
            cache.finish(code);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        return code;
    }

    private static File ownJar() {
        File jar = ownJarOrNull();
        if (jar == null) {
            throw new IllegalStateException("Cannot locate the running jar");
        }
        return jar;
    }

    private static File ownJarOrNull() {
        try {
            return new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The newest {@code bin/java} of version {@value #REQUIRED}+ in the places JDKs are usually installed. */
    static File findJava() {
        List<File> homes = new ArrayList<File>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isEmpty()) {
            homes.add(new File(javaHome));
        }
        String userHome = System.getProperty("user.home", "");
        for (String root : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java", "/opt",
                userHome + "/.jdks", userHome + "/.sdkman/candidates/java", "/Library/Java/JavaVirtualMachines"}) {
            File[] children = new File(root).listFiles();
            if (children == null) {
                continue;
            }
            Arrays.sort(children);
            for (File child : children) {
                homes.add(child);
                homes.add(new File(child, "Contents/Home"));
            }
        }
        File best = null;
        int bestVersion = 0;
        for (File home : homes) {
            File java = new File(home, "bin/java");
            int version = releaseVersion(home);
            if (java.canExecute() && version >= REQUIRED && version > bestVersion) {
                best = java;
                bestVersion = version;
            }
        }
        return best;
    }

    /** The feature version written in a JDK's {@code release} file, or 0 when it has none. */
    static int releaseVersion(File home) {
        return feature(releaseString(home, ""));
    }

    /** The full version written in a JDK's {@code release} file ({@code "25.0.3"}), or {@code otherwise}. */
    static String releaseString(File home, String otherwise) {
        File release = new File(home, "release");
        if (!release.isFile()) {
            return otherwise;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release.toPath())) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return otherwise;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        return version.isEmpty() ? otherwise : version;
    }

    /** {@code "1.8.0_292"} → 8, {@code "17.0.15"} → 17, {@code "25"} → 25; 0 when unreadable. */
    static int feature(String version) {
        if (version == null) {
            return 0;
        }
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
