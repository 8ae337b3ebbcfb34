package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.search.SearchRequest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every search state is one canonical GET URL. */
class SearchLinksTest {
    private static SearchRequest request(Map<String, List<String>> filters, int page) {
        return new SearchRequest("dân vận", filters, LocalDate.of(2019, 1, 1), null, SearchRequest.Sort.NEWEST, page, 20);
    }

    @Test
    void adding_a_filter_returns_to_the_first_page_and_keeps_everything_else() {
        SearchLinks links = new SearchLinks(request(Map.of("kind", List.of("Công văn")), 3), 20);
        assertEquals("/?q=d%C3%A2n+v%E1%BA%ADn&kind=C%C3%B4ng+v%C4%83n&year=2019&from=2019-01-01&sort=newest",
                links.with("year", "2019"));
    }

    @Test
    void removing_the_last_value_of_a_filter_drops_the_parameter() {
        SearchLinks links = new SearchLinks(request(Map.of("kind", List.of("Công văn")), 1), 20);
        assertEquals("/?q=d%C3%A2n+v%E1%BA%ADn&from=2019-01-01&sort=newest", links.without("kind", "Công văn"));
    }

    @Test
    void filters_are_written_in_one_order_whatever_order_they_came_in() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("year", List.of("2020"));
        a.put("kind", List.of("Luật"));
        Map<String, List<String>> b = new LinkedHashMap<>();
        b.put("kind", List.of("Luật"));
        b.put("year", List.of("2020"));
        assertEquals(new SearchLinks(request(a, 1), 20).page(2), new SearchLinks(request(b, 1), 20).page(2));
    }

    @Test
    void the_default_page_size_and_first_page_are_left_out_and_others_kept() {
        SearchRequest r = new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 2, 50);
        SearchLinks links = new SearchLinks(r, 20);
        assertEquals("/?size=50", links.page(1));
        assertEquals("/?page=3&size=50", links.page(3));
        assertEquals("/api/export.csv", links.export("csv"), "an export has every hit: no page, no size");
    }

    @Test
    void dropping_dates_or_the_query_keeps_the_filters() {
        SearchLinks links = new SearchLinks(request(Map.of("level", List.of("huyện")), 1), 20);
        assertEquals("/?q=d%C3%A2n+v%E1%BA%ADn&level=huy%E1%BB%87n&sort=newest", links.withoutDates());
        assertEquals("/?level=huy%E1%BB%87n&from=2019-01-01&sort=newest", links.withoutQuery());
    }
}
