package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.graph.ReferenceGraph.ImplementationNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTimelineTest {
    private static final Views VIEWS = new Views();

    private static ImplementationNode node(String number, LocalDate date, String level, boolean inArchive,
                                           ImplementationNode... children) {
        return new ImplementationNode(inArchive ? number : null, "Nghị quyết", number, date, null, null, null, null,
                "/references/" + number, level, null, inArchive, List.of(children));
    }

    private static String html(ImplementationNode tree) {
        return VIEWS.render("refs/timeline", Map.of("timeline", ReferenceTimeline.of(tree)));
    }

    @Test
    void each_dated_document_is_a_dot_on_its_levels_row_and_placeholders_are_hollow() {
        ImplementationNode tree = node("25-NQ/TW", LocalDate.of(2013, 6, 3), "trung ương", true,
                node("352-CV/TU", LocalDate.of(2021, 4, 13), "tỉnh", false,
                        node("134-CV/ThU", LocalDate.of(2020, 4, 28), "huyện", true)),
                node("45-KH/ĐU", null, "xã", true));
        String html = html(tree);
        assertEquals(3, html.split("<circle").length - 1, "the undated commune plan has no dot");
        assertTrue(html.contains("fill=\"#ffffff\""), "the placeholder is hollow");
        assertTrue(html.contains(">Tỉnh<") && html.contains(">Xã<"));
        assertTrue(html.contains("06/2013") && html.contains("04/2021"));
        assertFalse(html.contains("style="), "no inline style: the portal's CSP forbids it");
    }

    @Test
    void undated_documents_are_listed_as_date_unknown_not_left_out() {
        ImplementationNode tree = node("25-NQ/TW", LocalDate.of(2013, 6, 3), "trung ương", true,
                node("45-KH/ĐU", null, "xã", true), node("7-KH/HU", null, "huyện", false));
        String html = html(tree);
        assertTrue(html.contains("Không rõ ngày (2 văn bản)"), html);
        assertTrue(html.contains("45-KH/ĐU") && html.contains("7-KH/HU"));
        assertEquals(2, html.split("không rõ ngày").length - 1);
    }

    @Test
    void every_level_of_the_directives_date_has_a_row_even_when_empty() {
        ReferenceTimeline.Timeline before = ReferenceTimeline.of(node("25-NQ/TW", LocalDate.of(2013, 6, 3), "trung ương", true));
        assertEquals(List.of("Trung ương", "Tỉnh", "Huyện", "Xã"), before.rows().stream().map(ReferenceTimeline.Row::label).toList());
        assertEquals(List.of(false, true, true, true), before.rows().stream().map(ReferenceTimeline.Row::empty).toList());
        ReferenceTimeline.Timeline after = ReferenceTimeline.of(node("5-CT/TW", LocalDate.of(2026, 1, 5), "trung ương", true,
                node("9-KH/TU", LocalDate.of(2026, 2, 1), "tỉnh", true)));
        assertEquals(List.of("Trung ương", "Tỉnh", "Xã"), after.rows().stream().map(ReferenceTimeline.Row::label).toList(),
                "no district level from 1 July 2025");
    }

    @Test
    void labels_at_the_edges_are_anchored_inward_and_keep_their_size_on_a_phone() {
        ImplementationNode tree = node("25-NQ/TW", LocalDate.of(2013, 6, 3), "trung ương", true,
                node("1234-CV/BDVTU", LocalDate.of(2021, 4, 13), "tỉnh", true));
        ReferenceTimeline.Timeline t = ReferenceTimeline.of(tree);
        assertEquals("start", t.dots().get(0).anchor());
        assertEquals("end", t.dots().get(1).anchor(), "the last label ends at its dot instead of running off the edge");
        String html = html(tree);
        assertTrue(html.contains("class=\"refs-timeline-scroll\""), "a narrow screen scrolls the drawing, never shrinks it");
        assertTrue(html.contains("width=\"" + t.width() + "\""));
        assertFalse(html.matches("(?s).*font-size=\"([0-9]|1[01])\".*"), "no text under 12 units");
    }

    @Test
    void a_tree_without_any_date_draws_nothing_and_says_so() {
        String html = html(node("1-NQ/TW", null, "trung ương", false));
        assertFalse(html.contains("<svg"));
        assertTrue(html.contains("Không rõ ngày (1 văn bản)"));
    }
}
