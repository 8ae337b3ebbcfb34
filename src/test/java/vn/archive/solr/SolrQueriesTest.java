package vn.archive.solr;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.junit.jupiter.api.Test;
import vn.archive.index.AnalyzerFactory;
import vn.archive.model.Clearance;
import vn.archive.model.DocNumber;
import vn.archive.search.FacetDimensions;
import vn.archive.search.QueryFactory;
import vn.archive.search.SearchRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolrQueriesTest {
    @Test
    void the_apps_scoring_query_is_written_clause_for_clause_with_its_boosts() {
        String q = SolrQueries.toSolr(new QueryFactory(AnalyzerFactory.perField()).build("nghị quyết 25"));
        assertTrue(q.contains("+body:nghi +body:quyet +body:25"), q);
        assertTrue(q.contains("((+body_exact:nghị +body_exact:quyết +body_exact:25))^1.5"), q);
        assertTrue(q.contains("body:\"nghi quyet\""), q);
        assertTrue(q.contains("(number_key:25\\/NQ)^100.0"), q);
    }

    @Test
    void filters_and_exclusions_keep_their_meaning_and_special_characters_are_escaped() {
        BooleanQuery b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("kind", "Công văn")), Occur.FILTER)
                .add(new TermQuery(new Term("number_key", "25/NQ-TW")), Occur.MUST_NOT)
                .add(new PhraseQuery("body", "dan", "van"), Occur.SHOULD).build();
        assertEquals("(+filter(kind:Công\\ văn) -number_key:25\\/NQ\\-TW body:\"dan van\")", SolrQueries.toSolr(b));
    }

    @Test
    void a_query_shape_it_cannot_write_exactly_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> SolrQueries.toSolr(new PhraseQuery(2, "body", "dan", "van")));
    }

    @Test
    void readers_see_up_to_their_clearance_and_the_highest_clearance_sees_everything() {
        assertEquals(Optional.of("-clearance:[1 TO *]"), SolrQueries.clearanceFilter(Clearance.NONE));
        assertEquals(Optional.of("-clearance:[3 TO *]"), SolrQueries.clearanceFilter(Clearance.TOI_MAT));
        assertEquals(Optional.of("-clearance:[4 TO *]"), SolrQueries.clearanceFilter(Clearance.TUYET_MAT),
                "the highest clearance still does not see withdrawn documents");
    }

    @Test
    void a_cites_filter_names_the_cited_number_by_the_key_the_collection_holds_as_the_embedded_filter_does() {
        // found by bench/run --solr: a cites filter written as the number reads found nothing on SolrCloud
        String written = "25-NQ/TW";
        String key = DocNumber.parse(written).orElseThrow().key();
        String fq = SolrSearchService.filter(FacetDimensions.CITES, List.of(written, "17/2020/QĐ-TTg"));
        assertTrue(fq.startsWith("cites:(\"" + key.replace("\"", "\\\"") + "\" OR "), fq);
        assertTrue(fq.contains(DocNumber.parse("17/2020/QĐ-TTg").orElseThrow().key()), fq);
        assertFalse(fq.contains(written) && !key.equals(written), fq);
        assertEquals("kind:(\"Công văn\")", SolrSearchService.filter(FacetDimensions.KIND, List.of("Công văn")),
                "other dimensions are filtered on the value as given");
    }

    @Test
    void an_export_asks_for_the_requests_sort_date_range_filters_and_clearance_as_the_search_page_does() throws Exception {
        // no request is sent: the query is only written
        try (var nowhere = SolrClients.node("http://127.0.0.1:9/solr")) {
            SolrSearchService anonymous = (SolrSearchService) new SolrSearchService(nowhere, "archive")
                    .restrictedTo(Clearance.NONE);
            SearchRequest request = new SearchRequest("dân vận", Map.of(FacetDimensions.KIND, List.of("Công văn")),
                    LocalDate.of(2020, 1, 1), null, SearchRequest.Sort.NEWEST, 3, 20);
            SolrQuery q = anonymous.filtered(request);
            assertEquals(List.of("date desc", "score desc", "id asc"),
                    q.getSorts().stream().map(c -> c.getItem() + " " + c.getOrder()).toList());
            List<String> fq = List.of(q.getFilterQueries());
            assertTrue(fq.contains("-clearance:[1 TO *]"), fq.toString());
            assertTrue(fq.contains("date:[" + LocalDate.of(2020, 1, 1).toEpochDay() + " TO *]"), fq.toString());
            assertTrue(fq.contains("{!tag=kind}kind:(\"Công văn\")"), fq.toString());
            assertEquals(List.of("date asc", "score desc", "id asc"), anonymous.filtered(new SearchRequest("dân vận",
                    Map.of(), null, null, SearchRequest.Sort.OLDEST, 1, 20)).getSorts().stream()
                    .map(c -> c.getItem() + " " + c.getOrder()).toList());
            assertEquals(List.of("score desc", "id asc"), anonymous.filtered(SearchRequest.of("dân vận")).getSorts()
                    .stream().map(c -> c.getItem() + " " + c.getOrder()).toList());
        }
    }
}
