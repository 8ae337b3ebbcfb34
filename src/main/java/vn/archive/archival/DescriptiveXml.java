package vn.archive.archival;

import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;

import java.nio.charset.StandardCharsets;

/** A document's Thông tư 05/2025 elements as XML, one element per row of {@code archival-elements.tsv}. */
final class DescriptiveXml {
    private DescriptiveXml() {
    }

    /** @param pages the document's page count, or null when unknown ({@link PageCount}) */
    static byte[] of(ArchivedDocument d, Integer pages) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<document xmlns=\"urn:vn:tt05-2025:document\" id=\"").append(Xml.esc(d.id())).append("\">\n");
        for (ArchivalMapping.Element e : ArchivalMapping.current().elements(d, pages, ArchivalMapping.ocrPages(d),
                false)) {
            if (e.value() != null) {
                x.append("  <").append(e.element());
                if (e.code() != null) {
                    x.append(" code=\"").append(Xml.esc(e.code())).append('"');
                }
                x.append('>').append(Xml.esc(e.value())).append("</").append(e.element()).append(">\n");
            }
        }
        x.append("</document>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
