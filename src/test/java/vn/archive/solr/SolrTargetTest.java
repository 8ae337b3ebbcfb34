package vn.archive.solr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolrTargetTest {
    @Test
    void host_port_pairs_and_a_collection_become_node_urls() {
        SolrTarget t = SolrTarget.parse("127.0.0.1:8983,solr2:8984/archive");
        assertEquals(List.of("http://127.0.0.1:8983/solr", "http://solr2:8984/solr"), t.nodeUrls());
        assertEquals("archive", t.collection());
    }

    @Test
    void a_full_url_is_taken_as_it_is() {
        SolrTarget t = SolrTarget.parse("https://solr.example:8983/solr/archive");
        assertEquals(List.of("https://solr.example:8983/solr"), t.nodeUrls());
        assertEquals("archive", t.collection());
    }

    @Test
    void a_value_without_collection_is_refused_in_both_languages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("localhost:8983"));
        assertTrue(e.getMessage().contains("phải có dạng") && e.getMessage().contains("must read"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("/archive"));
    }
}
