package vn.archive.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scale plot reads the harness's own results files and draws a line for every class and every footprint. */
class ScalePlotTest {
    @Test
    void a_results_file_gives_its_size_every_class_p99_at_8_clients_and_its_footprint() throws IOException {
        String md = Files.readString(Path.of("bench", "RESULTS-10000.md"));
        ScalePlot.Point p = ScalePlot.read(md);
        assertEquals(10_000, p.documents());
        assertEquals(7, p.p99().size(), "one p99 per query class: " + p.p99());
        assertTrue(p.p99().values().stream().allMatch(v -> v > 0), p.p99().toString());
        assertTrue(p.serveHeap() > 0 && p.importHeap() > 0 && p.indexMb() > 0, p.toString());
    }

    @Test
    void the_plot_has_a_line_for_each_class_and_each_footprint_and_the_sizes_across() throws IOException {
        ScalePlot.Point small = ScalePlot.read(Files.readString(Path.of("bench", "RESULTS-10000.md")));
        ScalePlot.Point large = ScalePlot.read(Files.readString(Path.of("bench", "RESULTS-50000.md")));
        String svg = ScalePlot.svg(List.of(small, large));
        assertEquals(small.p99().size() + 3, svg.split("<polyline").length - 1);
        assertTrue(svg.contains(">10,000<") && svg.contains(">50,000<"), "the sizes label the axis");
    }
}
