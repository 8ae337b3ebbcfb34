package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.render.ScanRenderer;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DeskewTest {
    private static BufferedImage page(double skew) {
        return ScanFixtures.pages(TestCorpus.TRIEU_PHONG, new ScanRenderer.Style(skew, false, 1), 1).get(0).image();
    }

    @Test
    void a_page_turned_two_degrees_clockwise_measures_two_degrees() {
        assertEquals(2.0, Deskew.estimate(page(2)), 0.25);
    }

    @Test
    void a_page_turned_the_other_way_measures_a_negative_angle() {
        assertEquals(-1.5, Deskew.estimate(page(-1.5)), 0.25);
    }

    @Test
    void a_straight_page_is_left_untouched() {
        BufferedImage straight = page(0);
        assertEquals(0.0, Deskew.estimate(straight), 0.25);
        assertSame(straight, Deskew.straighten(straight));
    }

    @Test
    void straightening_a_skewed_page_leaves_it_level() {
        assertEquals(0.0, Deskew.estimate(Deskew.straighten(page(2))), 0.25);
    }

    @Test
    void a_blank_page_has_no_skew() {
        assertEquals(0.0, Deskew.estimate(new BufferedImage(800, 1100, BufferedImage.TYPE_BYTE_GRAY)));
    }
}
