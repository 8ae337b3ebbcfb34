package vn.archive.archival;

import vn.archive.curation.Correction;
import vn.archive.model.ArchivedDocument;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The package's preservation metadata as PREMIS 3 (E-ARK CSIP puts PREMIS in {@code metadata/preservation/}): one
 * object per representation file with its size, format and SHA-256; an event per PDF/A rendition (derived from its
 * original, which stays the record), per archivist's correction (who, when, which field), and the packaging itself;
 * the agents (this software and each correcting archivist).
 */
final class PremisXml {
    static final String PATH = "metadata/preservation/premis.xml";
    private static final String SOFTWARE = "Kho văn bản chỉ đạo";

    private PremisXml() {
    }

    /**
     * @param files       the package's files so far (name → bytes)
     * @param sums        their SHA-256 (name → hex)
     * @param docs        the documents
     * @param corrections the corrections of those documents, oldest first
     * @param renditions  when each document's PDF/A rendition was made (id → time)
     */
    static byte[] of(Map<String, byte[]> files, Map<String, String> sums, List<ArchivedDocument> docs,
                     List<Correction> corrections, Map<String, Instant> renditions) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<premis:premis xmlns:premis=\"http://www.loc.gov/premis/v3\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0\">\n");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith("representations/")) {
                object(x, f.getKey(), f.getValue().length, sums.get(f.getKey()), docs, files);
            }
        }
        int n = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith("representations/pdfa/data/")) {
                String id = f.getKey().substring("representations/pdfa/data/".length()).replace(".pdf", "");
                String original = originalOf(files, id);
                x.append(" <premis:event>\n");
                identifier(x, "  ", "event", "rendition-" + (++n));
                x.append("  <premis:eventType>creation</premis:eventType>\n");
                if (renditions.get(id) != null) {
                    x.append("  <premis:eventDateTime>").append(renditions.get(id)).append("</premis:eventDateTime>\n");
                }
                x.append("  <premis:eventDetailInformation><premis:eventDetail>Bản PDF/A-2b có lớp chữ từ ")
                        .append("bản gốc và lần nhận dạng chữ (OCR) của nó</premis:eventDetail>")
                        .append("</premis:eventDetailInformation>\n");
                agentLink(x, SOFTWARE);
                if (original != null) {
                    objectLink(x, original, "source");
                }
                objectLink(x, f.getKey(), "outcome");
                x.append(" </premis:event>\n");
            }
        }
        n = 0;
        for (Correction c : corrections) {
            x.append(" <premis:event>\n");
            identifier(x, "  ", "event", "correction-" + (++n));
            x.append("  <premis:eventType>metadata modification</premis:eventType>\n")
                    .append("  <premis:eventDateTime>").append(c.at()).append("</premis:eventDateTime>\n")
                    .append("  <premis:eventDetailInformation><premis:eventDetail>").append(Xml.esc(c.field()))
                    .append(": ").append(Xml.esc(c.oldValue())).append(" → ").append(Xml.esc(c.newValue()))
                    .append("</premis:eventDetail></premis:eventDetailInformation>\n");
            agentLink(x, c.who());
            String original = originalOf(files, c.documentId());
            if (original != null) {
                objectLink(x, original, "source");
            }
            x.append(" </premis:event>\n");
        }
        x.append(" <premis:event>\n");
        identifier(x, "  ", "event", "packaging");
        x.append("  <premis:eventType>packing</premis:eventType>\n  <premis:eventDateTime>").append(Instant.now())
                .append("</premis:eventDateTime>\n  <premis:eventOutcomeInformation><premis:eventOutcome>")
                .append("success</premis:eventOutcome></premis:eventOutcomeInformation>\n");
        agentLink(x, SOFTWARE);
        x.append(" </premis:event>\n");
        agent(x, SOFTWARE, "software");
        corrections.stream().map(Correction::who).distinct().forEach(who -> agent(x, who, "person"));
        return x.append("</premis:premis>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void object(StringBuilder x, String name, int size, String sha, List<ArchivedDocument> docs,
                               Map<String, byte[]> files) {
        boolean pdfa = name.startsWith("representations/pdfa/");
        String format = pdfa ? "PDF/A-2b" : docs.stream()
                .filter(d -> name.startsWith("representations/original/data/" + d.id() + "/"))
                .map(d -> d.source().mediaType()).findFirst().orElse("application/octet-stream");
        x.append(" <premis:object xsi:type=\"premis:file\">\n");
        identifier(x, "  ", "object", name);
        x.append("  <premis:objectCharacteristics>\n   <premis:compositionLevel>0</premis:compositionLevel>\n")
                .append("   <premis:fixity><premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>")
                .append("<premis:messageDigest>").append(sha).append("</premis:messageDigest></premis:fixity>\n")
                .append("   <premis:size>").append(size).append("</premis:size>\n")
                .append("   <premis:format><premis:formatDesignation><premis:formatName>").append(Xml.esc(format))
                .append("</premis:formatName></premis:formatDesignation></premis:format>\n")
                .append("  </premis:objectCharacteristics>\n");
        x.append("  <premis:originalName>").append(Xml.esc(name.substring(name.lastIndexOf('/') + 1)))
                .append("</premis:originalName>\n");
        if (pdfa) {
            String id = name.substring("representations/pdfa/data/".length()).replace(".pdf", "");
            String original = originalOf(files, id);
            x.append("  <premis:relationship><premis:relationshipType>derivation</premis:relationshipType>")
                    .append("<premis:relationshipSubType>is derived from</premis:relationshipSubType>")
                    .append("<premis:relatedObjectIdentifier><premis:relatedObjectIdentifierType>local")
                    .append("</premis:relatedObjectIdentifierType><premis:relatedObjectIdentifierValue>")
                    .append(Xml.esc(original == null ? id : original)).append("</premis:relatedObjectIdentifierValue>")
                    .append("</premis:relatedObjectIdentifier></premis:relationship>\n");
        }
        x.append(" </premis:object>\n");
    }

    private static String originalOf(Map<String, byte[]> files, String id) {
        String prefix = "representations/original/data/" + id + "/";
        return files.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElse(null);
    }

    private static void identifier(StringBuilder x, String indent, String kind, String value) {
        x.append(indent).append("<premis:").append(kind).append("Identifier><premis:").append(kind)
                .append("IdentifierType>local</premis:").append(kind).append("IdentifierType><premis:").append(kind)
                .append("IdentifierValue>").append(Xml.esc(value)).append("</premis:").append(kind)
                .append("IdentifierValue></premis:").append(kind).append("Identifier>\n");
    }

    private static void agentLink(StringBuilder x, String agent) {
        x.append("  <premis:linkingAgentIdentifier><premis:linkingAgentIdentifierType>local")
                .append("</premis:linkingAgentIdentifierType><premis:linkingAgentIdentifierValue>")
                .append(Xml.esc(agent)).append("</premis:linkingAgentIdentifierValue></premis:linkingAgentIdentifier>\n");
    }

    private static void objectLink(StringBuilder x, String object, String role) {
        x.append("  <premis:linkingObjectIdentifier><premis:linkingObjectIdentifierType>local")
                .append("</premis:linkingObjectIdentifierType><premis:linkingObjectIdentifierValue>")
                .append(Xml.esc(object)).append("</premis:linkingObjectIdentifierValue><premis:linkingObjectRole>")
                .append(role).append("</premis:linkingObjectRole></premis:linkingObjectIdentifier>\n");
    }

    private static void agent(StringBuilder x, String name, String type) {
        x.append(" <premis:agent>\n");
        identifier(x, "  ", "agent", name);
        x.append("  <premis:agentName>").append(Xml.esc(name)).append("</premis:agentName>\n  <premis:agentType>")
                .append(type).append("</premis:agentType>\n </premis:agent>\n");
    }
}
