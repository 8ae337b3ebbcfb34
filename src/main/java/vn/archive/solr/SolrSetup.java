package vn.archive.solr;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts the archive's configset (index-config/solr/conf, packaged in the jar) into a SolrCloud and creates the
 * collection on it. The Vietnamese analysis plugin must already be in each node's sharedLib (README, "SolrCloud").
 */
public final class SolrSetup {
    /** The configset's files, under index-config/solr/conf on the classpath. */
    public static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");

    private SolrSetup() {
    }

    /** The configset as a zip, the form Solr's ConfigSet API takes. */
    public static Path configsetZip() throws IOException {
        Path zip = Files.createTempFile("directive-archive-configset", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : CONFIG_FILES) {
                try (InputStream in = SolrSetup.class.getResourceAsStream("/index-config/solr/conf/" + name)) {
                    if (in == null) {
                        throw new IOException("configset file missing from the build: index-config/solr/conf/" + name);
                    }
                    z.putNextEntry(new ZipEntry(name));
                    in.transferTo(z);
                    z.closeEntry();
                }
            }
        }
        return zip;
    }

    /**
     * Points the alias at this collection (Solr's CREATEALIAS: made, or moved from the collection it named before, at
     * once for every reader and writer that uses the alias).
     */
    public static void alias(SolrClient client, String alias, String collection) throws IOException {
        try {
            CollectionAdminRequest.createAlias(alias, collection).process(client);
        } catch (SolrServerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Uploads the configset under this name (replacing an older one) and creates the collection with it. */
    public static void create(SolrClient client, String configName, String collection, int shards, int replicas)
            throws IOException {
        Path zip = configsetZip();
        try {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setUploadFile(zip, "application/zip").setOverwrite(true).setCleanup(true);
            upload.setConfigSetName(configName);
            upload.process(client);
            CollectionAdminRequest.Create create = CollectionAdminRequest
                    .createCollection(collection, configName, shards, replicas);
            create.setWaitForFinalState(true);
            create.process(client);
        } catch (SolrServerException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
