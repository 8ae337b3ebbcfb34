package vn.archive.archival;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The package's root METS (E-ARK CSIP): a header naming the profile, the descriptive and preservation metadata,
 * one file group per representation, every file with its size and SHA-256, and a structural map.
 */
final class MetsXml {
    private MetsXml() {
    }

    static byte[] of(Map<String, byte[]> files, Map<String, String> sums, int documents, String highest) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                .append(" xmlns:csip=\"https://DILCIS.eu/XML/METS/CSIPExtensionMETS\" TYPE=\"Mixed\"")
                .append(" csip:CONTENTINFORMATIONTYPE=\"OTHER\" csip:OTHERCONTENTINFORMATIONTYPE=\"van-ban-chi-dao\"")
                .append(" PROFILE=\"").append(ArchivalPackage.PROFILE).append("\">\n");
        x.append(" <mets:metsHdr CREATEDATE=\"").append(Instant.now()).append("\" csip:OAISPACKAGETYPE=\"SIP\">\n")
                .append("  <mets:agent ROLE=\"CREATOR\" TYPE=\"OTHER\" OTHERTYPE=\"SOFTWARE\"><mets:name>")
                .append("Kho văn bản chỉ đạo</mets:name><mets:note>").append(documents).append(" văn bản; độ mật cao nhất: ")
                .append(Xml.esc(highest)).append("</mets:note></mets:agent>\n </mets:metsHdr>\n");
        int n = 0;
        for (String name : files.keySet()) {
            if (name.startsWith("metadata/descriptive/")) {
                x.append(" <mets:dmdSec ID=\"dmd-").append(++n).append("\"><mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"")
                        .append(name.equals(FileXml.EAD) ? "EAD" : "OTHER").append('"')
                        .append(" xlink:href=\"").append(Xml.esc(name)).append("\" CHECKSUMTYPE=\"SHA-256\" CHECKSUM=\"")
                        .append(sums.get(name)).append("\"/></mets:dmdSec>\n");
            }
        }
        x.append(" <mets:amdSec><mets:digiprovMD ID=\"corrections\"><mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"OTHER\"")
                .append(" xlink:href=\"").append(ArchivalPackage.CORRECTIONS).append("\" CHECKSUMTYPE=\"SHA-256\" CHECKSUM=\"")
                .append(sums.get(ArchivalPackage.CORRECTIONS)).append("\"/></mets:digiprovMD>\n")
                .append("  <mets:digiprovMD ID=\"premis\"><mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"PREMIS\" xlink:href=\"")
                .append(PremisXml.PATH).append("\" CHECKSUMTYPE=\"SHA-256\" CHECKSUM=\"").append(sums.get(PremisXml.PATH))
                .append("\"/></mets:digiprovMD></mets:amdSec>\n");
        x.append(" <mets:fileSec>\n");
        for (String group : new String[] {"original", "pdfa"}) {
            x.append("  <mets:fileGrp USE=\"Representations/").append(group).append("\">\n");
            int f = 0;
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                if (e.getKey().startsWith("representations/" + group + "/")) {
                    x.append("   <mets:file ID=\"").append(group).append('-').append(++f).append("\" SIZE=\"")
                            .append(e.getValue().length).append("\" CHECKSUMTYPE=\"SHA-256\" CHECKSUM=\"")
                            .append(sums.get(e.getKey())).append("\"><mets:FLocat LOCTYPE=\"URL\" xlink:href=\"")
                            .append(Xml.esc(e.getKey())).append("\"/></mets:file>\n");
                }
            }
            x.append("  </mets:fileGrp>\n");
        }
        x.append(" </mets:fileSec>\n <mets:structMap TYPE=\"PHYSICAL\" LABEL=\"CSIP\"><mets:div LABEL=\"")
                .append(documents).append(" documents\"/></mets:structMap>\n</mets:mets>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
