package vn.archive.solr.node;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One SolrCloud node in its own JVM, from Maven artifacts alone (Solr publishes no server on Maven Central; its
 * {@code JettySolrRunner} is the node the Solr project's own cloud tests run). Usage:
 * {@code java -cp solr-node.jar:<node.classpath> vn.archive.solr.node.SolrNode HOME PORT ZKHOST PLUGIN_LIB}.
 * Writes the archive's solr.xml into HOME when it has none, prints {@code SOLR NODE READY <url>} once the node
 * answers, and runs until killed.
 */
public final class SolrNode {
    private SolrNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SolrNode HOME PORT ZKHOST PLUGIN_LIB");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(home);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) {
            try (InputStream in = SolrNode.class.getResourceAsStream("solr.xml")) {
                Files.copy(in, solrXml);
            }
        }
        System.setProperty("zkHost", args[2]);
        System.setProperty("solr.sharedLib", Path.of(args[3]).toAbsolutePath().toString());
        System.setProperty("hostPort", Integer.toString(port));
        System.setProperty("solr.solr.home", home.toString());
        System.setProperty("solr.log.dir", home.resolve("logs").toString());
        Properties props = new Properties();
        JettySolrRunner node = new JettySolrRunner(home.toString(), props,
                JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build());
        node.start();
        System.out.println("SOLR NODE READY " + node.getBaseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
