package vn.archive.web;

import vn.archive.model.Reference;
import vn.archive.graph.ReferenceGraph.Citation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document's full text into plain runs and links, so that every citation is a hyperlink in place: to the
 * cited document when it is in the archive, else to the page of its number. Pebble escapes each run.
 */
final class TextLinks {
    /**
     * A run of text, linked when {@code href} is not null.
     *
     * @param text  the words as they stand in the document
     * @param href  where the citation leads, or null for plain text
     * @param title a tooltip: the relation and whether the target is in the archive
     */
    record Segment(String text, String href, String title) { }

    private TextLinks() {
    }

    /**
     * The text with its references linked. {@code cites} is the graph's resolution of {@code references}, one per
     * reference in the same order; when the two do not line up the text is returned unlinked rather than wrongly.
     */
    static List<Segment> segments(String text, List<Reference> references, List<Citation> cites) {
        if (references.size() != cites.size()) {
            return List.of(new Segment(text, null, null));
        }
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < references.size(); i++) {
            Reference r = references.get(i);
            Citation c = cites.get(i);
            if (c.url() == null || r.start() < at || r.end() > text.length() || r.start() >= r.end()
                    || !text.substring(r.start(), r.end()).strip().equals(r.text())) {
                // restricted, unresolvable, overlapping, out of range, or read from another rendition's text
                continue;
            }
            if (r.start() > at) {
                out.add(new Segment(text.substring(at, r.start()), null, null));
            }
            String title = c.label() + (c.inArchive() ? "" : " — chưa có trong kho");
            out.add(new Segment(text.substring(r.start(), r.end()), c.url(), title));
            at = r.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null, null));
        }
        return out;
    }
}
