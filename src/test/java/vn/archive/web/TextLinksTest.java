package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.graph.ReferenceGraph.Citation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextLinksTest {
    private static final String TEXT = "Thực hiện Công văn số 352-CV/TU ngày 13/4/2021 của Ban Thường vụ Tỉnh ủy; căn cứ Luật X.";
    private static final int START = TEXT.indexOf("Công văn");
    private static final int END = TEXT.indexOf(" của");

    private static Reference ref(int start, int end) {
        return new Reference("Công văn", "352-CV/TU", null, null, Relation.IMPLEMENTS, TEXT.substring(start, end), start, end);
    }

    private static Citation cite(String id, String url) {
        return new Citation(id, "Công văn", "352-CV/TU", null, null, "implements", "thực hiện", "…", url, "k");
    }

    @Test
    void a_citation_becomes_a_link_in_place_and_the_rest_stays_text() {
        List<TextLinks.Segment> s = TextLinks.segments(TEXT, List.of(ref(START, END)),
                List.of(cite(null, "/references/352-CV/TU")));
        assertEquals(3, s.size());
        assertEquals("Thực hiện ", s.get(0).text());
        assertNull(s.get(0).href());
        assertEquals("Công văn số 352-CV/TU ngày 13/4/2021", s.get(1).text());
        assertEquals("/references/352-CV/TU", s.get(1).href());
        assertEquals("thực hiện — chưa có trong kho", s.get(1).title());
        assertEquals(TEXT, s.stream().map(TextLinks.Segment::text).reduce("", String::concat));
    }

    @Test
    void a_restricted_or_unresolvable_citation_stays_plain_text() {
        List<TextLinks.Segment> s = TextLinks.segments(TEXT, List.of(ref(START, END)), List.of(cite(null, null)));
        assertEquals(List.of(new TextLinks.Segment(TEXT, null, null)), s);
    }

    @Test
    void references_and_citations_that_do_not_line_up_leave_the_text_unlinked() {
        List<TextLinks.Segment> s = TextLinks.segments(TEXT, List.of(ref(START, END)), List.of());
        assertEquals(List.of(new TextLinks.Segment(TEXT, null, null)), s);
    }

    @Test
    void overlapping_or_out_of_range_spans_are_skipped_not_cut() {
        List<TextLinks.Segment> s = TextLinks.segments(TEXT, List.of(ref(START, END), ref(START + 3, END),
                        new Reference(null, null, null, null, Relation.MENTIONS, "x", 5, TEXT.length() + 10)),
                List.of(cite("abc", "/documents/abc"), cite("abc", "/documents/abc"), cite("d", "/documents/d")));
        assertEquals(TEXT, s.stream().map(TextLinks.Segment::text).reduce("", String::concat));
        assertEquals(1, s.stream().filter(x -> x.href() != null).count());
    }
}
