package vn.archive.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verb's answers to bad input; SolrCloudIT creates a real collection with the same SolrSetup. */
class SolrSetupCommandTest {
    @Test
    void a_solr_value_without_a_collection_is_refused_in_one_line_in_both_languages() {
        CliRun run = CliRun.of("solr-setup", "--solr", "127.0.0.1:8983");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("phải có dạng") && run.err().contains("must read"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void zero_shards_are_refused_before_any_request() {
        CliRun run = CliRun.of("solr-setup", "--solr", "127.0.0.1:8983/archive", "--shards", "0");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--shards"), run.err());
    }

    @Test
    void an_unreachable_node_is_reported_without_a_stack_trace() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of("solr-setup", "--solr", "127.0.0.1:" + closed + "/archive");
        assertTrue(run.code() != 0, "exit code " + run.code());
        assertFalse(run.err().contains("\tat "), run.err());
        assertFalse(run.out().contains("Created collection"), run.out());
    }
}
