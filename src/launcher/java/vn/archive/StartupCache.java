package vn.archive;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * An ahead-of-time cache of {@code serve}'s start (JDK 25's AOT cache, JEP 483/515: classes loaded and linked, method
 * profiles), kept beside the jar and made without anything typed by hand.
 *
 * <p>The first {@code serve} without a cache runs in the JVM's record mode; when it ends (Ctrl+C included) the
 * launcher turns the recorded configuration into the cache in a child JVM whose output is discarded (saying so in
 * one line, as it takes seconds), and renames it into place, so that two serves never see a half-written cache. Every
 * later {@code serve} starts from it, which takes 30–40% of a restart's CPU away. The cache's name carries the jar's
 * size and time and the JDK's folder and version: a rebuilt jar or another JDK makes a new one and the old ones are
 * removed. No JVM line is ever printed: the JVM's {@code aot} and {@code cds} logs are off, and a cache the JVM
 * cannot use (stale, damaged, unreadable) is passed over silently. No cache is used or made when the jar's folder is
 * not writable and holds none, when the runtime is older than 25, when the user passes AOT or CDS options of their
 * own, or with {@code -Darchive.startup.cache=off}. Java 8 API only, like {@link Launcher}.
 */
final class StartupCache {
    /** The first JDK whose record mode, {@code aot} log tag and method profiles this class relies on. */
    static final int AOT_VERSION = 25;
    /** {@code -Darchive.startup.cache=off} starts {@code serve} without a cache. */
    static final String SWITCH = "archive.startup.cache";
    /** The JVM's own AOT lines (a stale or damaged cache, classes it skips) are never shown. */
    static final String QUIET = "-Xlog:aot*=off,cds*=off";
    /** The longest a cache may take to make at the end of a recording serve; it is given up after that. */
    static final long CREATE_PATIENCE_SECONDS = 120;

    /** Printed while the cache is made, once per build. */
    static final String MAKING = "Đang lập bộ đệm khởi động cho lần chạy sau, một lần; Ctrl+C để bỏ qua"
            + " (making the start-up cache for the next start, once; Ctrl+C skips it)";

    private final File java;
    private final File jar;
    private final File cache;
    private final List<String> jvmOptions;
    private final File configuration;
    private boolean finished;

    private StartupCache(File java, File jar, File cache, List<String> jvmOptions, boolean record) {
        this.java = java;
        this.jar = jar;
        this.cache = cache;
        this.jvmOptions = jvmOptions;
        this.configuration = record
                ? new File(cache.getPath() + "." + Long.toHexString(System.nanoTime()) + ".aotconf") : null;
    }

    /**
     * The cache for this start, or {@code null} when none is used or made: the verb is not {@code serve}, the runtime
     * is older than {@value #AOT_VERSION}, the user chose AOT or CDS options, or there is no cache and none can be
     * written beside the jar.
     *
     * @param java the {@code bin/java} that will run {@code serve}
     * @param javaVersion its full version ({@code JAVA_VERSION} of its {@code release} file)
     * @param jvmOptions the options the child JVM gets anyway
     */
    static StartupCache forStart(String[] args, File jar, File java, String javaVersion, List<String> jvmOptions) {
        if ("off".equalsIgnoreCase(System.getProperty(SWITCH)) || !servesOnly(args)
                || Launcher.feature(javaVersion) < AOT_VERSION || jar == null || !jar.isFile()
                || !jar.getName().endsWith(".jar") || choosesOwnCache(jvmOptions)) {
            return null;
        }
        File folder = jar.getAbsoluteFile().getParentFile();
        File cache = new File(folder, jar.getName() + "." + key(jar, java, javaVersion) + ".aot");
        if (cache.isFile()) {
            return new StartupCache(java, jar, cache, jvmOptions, false);
        }
        return folder.canWrite() ? new StartupCache(java, jar, cache, jvmOptions, true) : null;
    }

    /** {@code serve} with its options, and neither help nor version (a run that starts no portal trains nothing). */
    static boolean servesOnly(String[] args) {
        if (args.length == 0 || !"serve".equals(args[0])) {
            return false;
        }
        List<String> all = Arrays.asList(args);
        return !all.contains("-h") && !all.contains("--help") && !all.contains("-V") && !all.contains("--version");
    }

    private static boolean choosesOwnCache(List<String> jvmOptions) {
        for (String option : jvmOptions) {
            if (option.startsWith("-XX:AOT") || option.startsWith("-XX:SharedArchiveFile")
                    || option.startsWith("-XX:+AutoCreateSharedArchive") || option.startsWith("-Xshare")) {
                return true;
            }
        }
        return false;
    }

    /** Eight hex digits that change with the jar (size, time) and the JDK (folder, version). */
    static String key(File jar, File java, String javaVersion) {
        String home;
        try {
            home = java.getCanonicalPath();
        } catch (IOException e) {
            home = java.getAbsolutePath();
        }
        CRC32 crc = new CRC32();
        crc.update((jar.length() + "|" + jar.lastModified() + "|" + home + "|" + javaVersion)
                .getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** Whether this start records the cache (none exists yet) rather than uses it. */
    boolean records() {
        return configuration != null;
    }

    File file() {
        return cache;
    }

    /** The options that make the child JVM use or record the cache, silently. */
    List<String> options() {
        if (!records()) {
            return Arrays.asList("-XX:AOTCache=" + cache.getPath(), QUIET);
        }
        // Record mode prints "AOTConfiguration recorded: …" on the terminal at exit, outside the -Xlog switches.
        return Arrays.asList("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration.getPath(), QUIET,
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput");
    }

    /**
     * After the child JVM has ended: when it recorded and ended as a serve does (exit 0, or stopped by SIGINT or
     * SIGTERM), makes the cache from the configuration and puts it in place; always removes the configuration. Once
     * only, whichever of the launcher's main thread and its shutdown hook comes first.
     */
    synchronized void finish(int exitCode) {
        if (finished || !records()) {
            return;
        }
        finished = true;
        File made = new File(cache.getPath() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            boolean worthIt = (exitCode == 0 || exitCode == 130 || exitCode == 143) && configuration.isFile();
            if (worthIt) {
                // It takes seconds: say why the terminal waits. A second Ctrl+C reaches the maker and skips it.
                System.out.println(MAKING);
            }
            if (worthIt && create(made) && made.isFile()) {
                if (made.renameTo(cache)) {
                    removeOthers();
                }
            }
        } finally {
            delete(made);
            delete(configuration);
        }
    }

    private boolean create(File made) {
        List<String> command = new ArrayList<String>();
        command.add(java.getPath());
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration.getPath(),
                "-XX:AOTCache=" + made.getPath(), QUIET, "-cp", jar.getPath()));
        File discard = new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
        Process maker = null;
        try {
            maker = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(discard)).start();
            if (maker.waitFor(CREATE_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                return maker.exitValue() == 0;
            }
            maker.destroy();
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            maker.destroy();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The caches of earlier jars or JDKs beside this one, and temporary files left by a killed launcher. */
    private void removeOthers() {
        final String prefix = jar.getName() + ".";
        File[] others = cache.getParentFile().listFiles();
        for (File other : others == null ? Collections.<File>emptyList() : Arrays.asList(others)) {
            String name = other.getName();
            boolean ours = name.startsWith(prefix)
                    && (name.endsWith(".aot") || name.endsWith(".aotconf") || name.endsWith(".tmp"));
            boolean recent = System.currentTimeMillis() - other.lastModified() < TimeUnit.DAYS.toMillis(1);
            if (ours && !other.equals(cache) && (name.endsWith(".aot") || !recent)) {
                delete(other);
            }
        }
    }

    private static void delete(File file) {
        if (file != null && file.exists() && !file.delete()) {
            file.deleteOnExit();
        }
    }
}
