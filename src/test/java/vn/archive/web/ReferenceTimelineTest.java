package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.search.ReferenceGraph.ImplementationNode;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTimelineTest {
    private static ImplementationNode node(String number, LocalDate date, String level, boolean inArchive,
                                           ImplementationNode... children) {
        return new ImplementationNode(inArchive ? number : null, "Nghị quyết", number, date, null, null, null, null,
                "/references/" + number, level, null, inArchive, List.of(children));
    }

    @Test
    void each_dated_document_is_a_dot_on_its_levels_row_and_placeholders_are_hollow() {
        ImplementationNode tree = node("25-NQ/TW", LocalDate.of(2013, 6, 3), "trung ương", true,
                node("352-CV/TU", LocalDate.of(2021, 4, 13), "tỉnh", false,
                        node("134-CV/ThU", LocalDate.of(2020, 4, 28), "huyện", true)),
                node("45-KH/ĐU", null, "xã", true));
        String svg = ReferenceTimeline.svg(tree);
        assertEquals(3, svg.split("<circle").length - 1, "the undated commune plan has no dot");
        assertTrue(svg.contains("fill=\"#ffffff\""), "the placeholder is hollow");
        assertTrue(svg.contains(">Tỉnh<") && svg.contains(">Xã<"));
        assertTrue(svg.contains("06/2013") && svg.contains("04/2021"));
        assertFalse(svg.contains("style="), "no inline style: the portal's CSP forbids it");
    }

    @Test
    void a_tree_without_dates_draws_nothing() {
        assertEquals("", ReferenceTimeline.svg(node("1-NQ/TW", null, "trung ương", false)));
    }
}
