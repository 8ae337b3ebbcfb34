package vn.archive.archival;

import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The package's documents described as one file (hồ sơ): its Thông tư 05/2025 file elements
 * ({@code archival-file-elements.tsv}), and the same file as EAD 3 (the "EAD-style description" of E-ARK CSIP), the
 * file as {@code archdesc level="file"} and each document as a {@code c level="item"} pointing at its original.
 */
final class FileXml {
    static final String TT05 = "metadata/descriptive/file-tt05.xml";
    static final String EAD = "metadata/descriptive/ead.xml";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private FileXml() {
    }

    /** The file's Thông tư 05/2025 elements, those the archive knows. */
    static byte[] tt05(List<ArchivalMapping.Element> elements) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<file xmlns=\"urn:vn:tt05-2025:file\">\n");
        for (ArchivalMapping.Element e : elements) {
            if (e.value() != null) {
                x.append("  <").append(e.element());
                if (e.code() != null) {
                    x.append(" code=\"").append(Xml.esc(e.code())).append('"');
                }
                x.append('>').append(Xml.esc(e.value())).append("</").append(e.element()).append(">\n");
            }
        }
        return x.append("</file>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * EAD 3 of the file and its documents.
     *
     * @param elements  the file's elements (for its code, title, dates and access)
     * @param docs      its documents, in package order
     * @param originals each document's original, as its path in the package (same order)
     */
    static byte[] ead(List<ArchivalMapping.Element> elements, List<ArchivedDocument> docs, List<String> originals) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<ead xmlns=\"http://ead3.archivists.org/schema/\">\n <control>\n  <recordid>")
                .append(Xml.esc(value(elements, "fileCode", "package"))).append("</recordid>\n")
                .append("  <filedesc><titlestmt><titleproper>").append(Xml.esc(value(elements, "title", "")))
                .append("</titleproper></titlestmt></filedesc>\n")
                .append("  <maintenancestatus value=\"new\"/>\n")
                .append("  <maintenanceagency><agencyname>Kho văn bản chỉ đạo</agencyname></maintenanceagency>\n")
                .append("  <languagedeclaration><language langcode=\"vie\">Tiếng Việt</language>")
                .append("<script scriptcode=\"Latn\">Latinh</script></languagedeclaration>\n")
                .append("  <maintenancehistory><maintenanceevent><eventtype value=\"created\"/>")
                .append("<eventdatetime>").append(LocalDate.now()).append("</eventdatetime>")
                .append("<agenttype value=\"machine\"/><agent>Kho văn bản chỉ đạo</agent></maintenanceevent>")
                .append("</maintenancehistory>\n </control>\n");
        x.append(" <archdesc level=\"file\">\n  <did>\n");
        unitid(x, "   ", value(elements, "fileCode", null));
        x.append("   <unittitle>").append(Xml.esc(value(elements, "title", ""))).append("</unittitle>\n");
        String start = value(elements, "startDate", null);
        String end = value(elements, "endDate", null);
        if (start != null) {
            x.append("   <unitdate>").append(Xml.esc(start.equals(end) ? start : start + " - " + end))
                    .append("</unitdate>\n");
        }
        x.append("   <langmaterial><language langcode=\"vie\">Tiếng Việt</language></langmaterial>\n")
                .append("   <physdescstructured coverage=\"whole\" physdescstructuredtype=\"materialtype\">")
                .append("<quantity>").append(docs.size()).append("</quantity><unittype>văn bản</unittype>")
                .append("</physdescstructured>\n  </did>\n");
        x.append("  <accessrestrict><p>").append(Xml.esc(value(elements, "mode", ""))).append("</p></accessrestrict>\n");
        x.append("  <dsc>\n");
        for (int i = 0; i < docs.size(); i++) {
            ArchivedDocument d = docs.get(i);
            var m = d.metadata();
            x.append("   <c level=\"item\" id=\"d-").append(Xml.esc(d.id())).append("\">\n    <did>\n");
            unitid(x, "     ", m.number());
            x.append("     <unittitle>").append(Xml.esc(m.title() == null ? m.kind() : m.title())).append("</unittitle>\n");
            if (m.date() != null) {
                x.append("     <unitdatestructured><datesingle standarddate=\"").append(ISO.format(m.date()))
                        .append("\">").append(Xml.esc(m.date().format(DateTimeFormatter.ofPattern("dd/MM/yyyy",
                                Locale.ROOT)))).append("</datesingle></unitdatestructured>\n");
            }
            if (m.issuer() != null) {
                x.append("     <origination><corpname><part>").append(Xml.esc(m.issuer()))
                        .append("</part></corpname></origination>\n");
            }
            x.append("     <dao daotype=\"derived\" href=\"").append(Xml.esc(originals.get(i))).append("\"/>\n")
                    .append("    </did>\n");
            if (m.classification() != null) {
                x.append("    <accessrestrict><p>").append(Xml.esc(m.classification())).append("</p></accessrestrict>\n");
            }
            x.append("   </c>\n");
        }
        return x.append("  </dsc>\n </archdesc>\n</ead>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void unitid(StringBuilder x, String indent, String id) {
        if (id != null) {
            x.append(indent).append("<unitid>").append(Xml.esc(id)).append("</unitid>\n");
        }
    }

    private static String value(List<ArchivalMapping.Element> elements, String element, String otherwise) {
        return elements.stream().filter(e -> e.element().equals(element) && e.value() != null)
                .map(ArchivalMapping.Element::value).findFirst().orElse(otherwise);
    }
}
