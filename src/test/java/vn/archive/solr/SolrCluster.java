package vn.archive.solr;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud on this machine for tests: one ZooKeeper and N Solr 9.10 nodes, each in its own JVM on the
 * classpath the root build wrote to target/solr (src/solr), never in the test JVM, whose Lucene is 10.5. The nodes
 * load the Vietnamese analysis plugin from target/solr/lib through solr.xml's sharedLib. Public for the benchmark
 * harness (vn.archive.bench.BenchMain --solr), which runs its query classes on the same kind of cluster.
 */
public final class SolrCluster implements AutoCloseable {
    static final Path BUILD = Path.of("target/solr");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Path work;
    private final String java;
    private final String classpath;
    private final int zkPort;
    private final Process zk;
    private final List<Node> nodes = new ArrayList<>();

    /** One Solr node: its port, home folder, log and process (null once killed and not restarted). */
    public static final class Node {
        final int port;
        final Path home;
        Process process;

        Node(int port, Path home) {
            this.port = port;
            this.home = home;
        }

        public String url() {
            return "http://127.0.0.1:" + port + "/solr";
        }

        /** Solr's name for the node in live_nodes. */
        String name() {
            return "127.0.0.1:" + port + "_solr";
        }
    }

    private SolrCluster(Path work, int nodeCount) throws IOException, InterruptedException {
        this.work = work;
        this.java = ProcessHandle.current().info().command().orElse(null);
        Assumptions.assumeTrue(java != null && Files.isExecutable(Path.of(java)),
                "no java executable to start the cluster's JVMs with");
        Assumptions.assumeTrue(loopbackPortsBind(), "no free loopback port for ZooKeeper and Solr");
        Path cp = BUILD.resolve("node.classpath");
        if (!Files.exists(cp) || !Files.exists(BUILD.resolve("solr-node.jar"))) {
            throw new IllegalStateException("target/solr is missing: the root build runs src/solr/pom.xml in "
                    + "process-test-classes (mvn test-compile does not); run mvn process-test-classes first");
        }
        this.classpath = BUILD.resolve("solr-node.jar").toAbsolutePath() + File.pathSeparator
                + Files.readString(cp, StandardCharsets.UTF_8).strip();
        this.zkPort = freePort();
        Files.createDirectories(work);
        this.zk = start(List.of("-Xmx128m", "-Dzookeeper.admin.enableServer=false",
                "org.apache.zookeeper.server.ZooKeeperServerMain", Integer.toString(zkPort),
                work.resolve("zk").toAbsolutePath().toString()), work.resolve("zk.log"));
        waitForPort(zkPort, zk, work.resolve("zk.log"));
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new Node(freePort(), work.resolve("node" + i)));
        }
        for (Node n : nodes) {
            launch(n);
        }
    }

    /**
     * Starts ZooKeeper and launches the nodes without waiting for them (they take half a minute or more to start:
     * the caller can work meanwhile, then {@link #awaitReady()}).
     */
    public static SolrCluster launch(Path work, int nodeCount) throws IOException, InterruptedException {
        SolrCluster c = new SolrCluster(work, nodeCount);
        Runtime.getRuntime().addShutdownHook(new Thread(c::close));
        return c;
    }

    /** Returns when every node answers; fails with the log of one that exited or did not start in time. */
    public SolrCluster awaitReady() throws IOException, InterruptedException {
        for (Node n : nodes) {
            awaitReady(n);
        }
        return this;
    }

    public List<Node> nodes() {
        return nodes;
    }

    String zkHost() {
        return "127.0.0.1:" + zkPort;
    }

    /** The --solr value for a collection on this cluster, naming every node. */
    public SolrTarget target(String collection) {
        return new SolrTarget(nodes.stream().map(Node::url).toList(), collection);
    }

    /** kill -9 of a node's JVM. */
    void kill(Node n) throws InterruptedException {
        n.process.destroyForcibly(); // SIGKILL on Linux
        n.process.waitFor(30, TimeUnit.SECONDS);
        n.process = null;
    }

    /** Starts a killed node again on its port and home (its cores recover from their own data). */
    void restart(Node n) throws IOException, InterruptedException {
        launch(n);
        awaitReady(n);
    }

    private void launch(Node n) throws IOException {
        Path log = work.resolve(n.home.getFileName() + ".log");
        Files.deleteIfExists(log);
        n.process = start(List.of("-Xmx512m", "-Dsolr.zkclienttimeout=10000", "-Dlog4j2.level=WARN",
                        "vn.archive.solr.node.SolrNode", n.home.toAbsolutePath().toString(),
                        Integer.toString(n.port), zkHost(), BUILD.resolve("lib").toAbsolutePath().toString()),
                log);
    }

    private void awaitReady(Node n) throws IOException, InterruptedException {
        Path log = work.resolve(n.home.getFileName() + ".log");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("SOLR NODE READY")) {
                return;
            }
            if (!n.process.isAlive()) {
                throw new IllegalStateException("Solr node on port " + n.port + " exited: " + tail(log));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Solr node on port " + n.port + " not ready in " + START_TIMEOUT + ": "
                + tail(log));
    }

    private Process start(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", classpath, "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitForPort(int port, Process p, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("ZooKeeper exited: " + tail(log));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("ZooKeeper not listening on " + port + ": " + tail(log));
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.substring(Math.max(0, s.length() - 3000));
    }

    private static boolean loopbackPortsBind() {
        try {
            freePort();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.process != null) {
                n.process.destroy();
            }
        }
        for (Node n : nodes) {
            if (n.process != null) {
                try {
                    if (!n.process.waitFor(20, TimeUnit.SECONDS)) {
                        n.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    n.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
        zk.destroy();
    }
}
