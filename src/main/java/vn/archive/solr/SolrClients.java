package vn.archive.solr;

import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

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

    /** A client of one node (admin requests, field analysis). */
    public static HttpJdkSolrClient node(String baseUrl) {
        return new HttpJdkSolrClient.Builder(baseUrl).build();
    }
}
