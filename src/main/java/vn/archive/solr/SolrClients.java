package vn.archive.solr;

import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

import java.io.EOFException;
import java.io.IOException;

/** SolrJ clients on the JDK's HTTP client: no Jetty of their own beside the portal's. */
public final class SolrClients {
    private SolrClients() {
    }

    /** A cluster-aware client: it reads the cluster state from the nodes and routes to live replicas. */
    public static CloudSolrClient cloud(SolrTarget target) {
        return new CloudSolrClient.Builder(target.nodeUrls())
                .withHttpClientBuilder(new HttpJdkSolrClient.Builder())
                .withDefaultCollection(target.collection())
                .build();
    }

    /** A read of the collection (a query, a real-time get). */
    @FunctionalInterface
    interface Read<T> {
        T run() throws SolrServerException, IOException;
    }

    /**
     * Runs a read, and once more when the connection it reused had meanwhile been closed by the node (the JDK client
     * keeps idle connections longer than Solr's Jetty does, and then reads EOF: seen by bench/run after a minute of
     * other work). Only reads: they are safe to repeat.
     */
    static <T> T read(Read<T> read) throws SolrServerException, IOException {
        try {
            return read.run();
        } catch (SolrServerException | IOException | RuntimeException e) {
            if (!closedConnection(e)) {
                throw e;
            }
            return read.run();
        }
    }

    private static boolean closedConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || t.getMessage() != null && t.getMessage().contains("EOF reached")) {
                return true;
            }
        }
        return false;
    }

    /** A client of one node (admin requests, field analysis). */
    public static HttpJdkSolrClient node(String baseUrl) {
        return new HttpJdkSolrClient.Builder(baseUrl).build();
    }
}
