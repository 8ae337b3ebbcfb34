package vn.archive.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * edXML messages written in code from the structure of QCVN 102:2016/BTTTT (envelope, header with MessageHeader and
 * TraceHeaderList, body manifest, base64 attachments) and of the flat {@code http://www.go.vn/eDoc} variant.
 */
final class EdxmlFixtures {
    private EdxmlFixtures() {
    }

    /** The header fields a sender fills in. */
    record Header(String organId, String organName, String toName, String codeNumber, String codeNotation,
                  String place, String date, String typeName, String subject, String signerCompetence,
                  String signerPosition, String signerName, String dueDate, String priority, String steeringType) { }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An edXML envelope with its attachments in the AttachmentEncoded part, as the national platform carries it. */
    static byte[] edxml(Header h, Map<String, byte[]> attachments) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<edXML:edXML xmlns:edXML=\"").append(EdxmlMessage.EDXML_NS).append("\">\n");
        x.append(" <edXML:edXMLEnvelope>\n  <edXML:edXMLHeader>\n   <edXML:MessageHeader>\n");
        x.append("    <edXML:From><edXML:OrganId>").append(esc(h.organId())).append("</edXML:OrganId>")
                .append("<edXML:OrganizationInCharge>").append(esc(h.organName())).append("</edXML:OrganizationInCharge>")
                .append("<edXML:OrganName>").append(esc(h.organName())).append("</edXML:OrganName></edXML:From>\n");
        x.append("    <edXML:To><edXML:OrganId>000.00.00.X99</edXML:OrganId><edXML:OrganName>").append(esc(h.toName()))
                .append("</edXML:OrganName></edXML:To>\n");
        x.append("    <edXML:DocumentId>").append(esc(h.organId())).append(",2019/04/05,").append(esc(h.codeNumber()))
                .append("</edXML:DocumentId>\n");
        x.append("    <edXML:Code><edXML:CodeNumber>").append(esc(h.codeNumber())).append("</edXML:CodeNumber>")
                .append("<edXML:CodeNotation>").append(esc(h.codeNotation())).append("</edXML:CodeNotation></edXML:Code>\n");
        x.append("    <edXML:PromulgationInfo><edXML:Place>").append(esc(h.place())).append("</edXML:Place>")
                .append("<edXML:PromulgationDate>").append(esc(h.date())).append("</edXML:PromulgationDate>")
                .append("</edXML:PromulgationInfo>\n");
        x.append("    <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>").append(esc(h.typeName()))
                .append("</edXML:TypeName></edXML:DocumentType>\n");
        x.append("    <edXML:Subject>").append(esc(h.subject())).append("</edXML:Subject>\n");
        x.append("    <edXML:Content></edXML:Content>\n");
        x.append("    <edXML:SignerInfo><edXML:Competence>").append(esc(h.signerCompetence()))
                .append("</edXML:Competence><edXML:Position>").append(esc(h.signerPosition()))
                .append("</edXML:Position><edXML:FullName>").append(esc(h.signerName()))
                .append("</edXML:FullName></edXML:SignerInfo>\n");
        x.append("    <edXML:DueDate>").append(esc(h.dueDate())).append("</edXML:DueDate>\n");
        x.append("    <edXML:ToPlaces><edXML:Place>").append(esc(h.toName())).append("</edXML:Place></edXML:ToPlaces>\n");
        x.append("    <edXML:OtherInfo><edXML:Priority>").append(esc(h.priority()))
                .append("</edXML:Priority><edXML:PageAmount>1</edXML:PageAmount></edXML:OtherInfo>\n");
        x.append("    <edXML:SteeringType>").append(esc(h.steeringType())).append("</edXML:SteeringType>\n");
        x.append("   </edXML:MessageHeader>\n   <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>")
                .append(esc(h.organId())).append("</edXML:OrganId><edXML:Timestamp>2019/04/05 16:02:11")
                .append("</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>\n  </edXML:edXMLHeader>\n");
        x.append("  <edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\">\n");
        int i = 0;
        for (String name : attachments.keySet()) {
            x.append("   <edXML:Reference><edXML:ContentId>cid:").append(++i).append("</edXML:ContentId>")
                    .append("<edXML:AttachmentName>").append(esc(name)).append("</edXML:AttachmentName></edXML:Reference>\n");
        }
        x.append("  </edXML:edXMLManifest></edXML:edXMLBody>\n </edXML:edXMLEnvelope>\n <edXML:AttachmentEncoded>\n");
        i = 0;
        for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
            x.append("  <edXML:Attachment><edXML:ContentId>cid:").append(++i).append("</edXML:ContentId>")
                    .append("<edXML:AttachmentName>").append(esc(a.getKey())).append("</edXML:AttachmentName>")
                    .append("<edXML:ContentTransferEncoded>")
                    .append(Base64.getMimeEncoder().encodeToString(a.getValue()))
                    .append("</edXML:ContentTransferEncoded></edXML:Attachment>\n");
        }
        x.append(" </edXML:AttachmentEncoded>\n</edXML:edXML>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The flat eDoc variant: the same fields directly under the root, attachments as Attachment/Value. */
    static byte[] eDoc(Header h, Map<String, byte[]> attachments) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CodeNumber", h.codeNumber());
        fields.put("CodeNotation", h.codeNotation());
        fields.put("PromulgationDate", h.date());
        fields.put("Place", h.place());
        fields.put("TypeName", h.typeName());
        fields.put("Subject", h.subject());
        fields.put("DueDate", h.dueDate());
        fields.put("Priority", h.priority());
        fields.put("SteeringType", h.steeringType());
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<eDoc xmlns=\"").append(EdxmlMessage.EDOC_NS).append("\">\n");
        x.append(" <From><OrganId>").append(esc(h.organId())).append("</OrganId><OrganName>").append(esc(h.organName()))
                .append("</OrganName></From>\n");
        x.append(" <To><OrganName>").append(esc(h.toName())).append("</OrganName></To>\n");
        fields.forEach((k, v) -> x.append(" <").append(k).append('>').append(esc(v)).append("</").append(k).append(">\n"));
        x.append(" <SignerInfo><Competence>").append(esc(h.signerCompetence())).append("</Competence><Position>")
                .append(esc(h.signerPosition())).append("</Position><FullName>").append(esc(h.signerName()))
                .append("</FullName></SignerInfo>\n <Attachments>\n");
        for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
            x.append("  <Attachment><AttachmentName>").append(esc(a.getKey())).append("</AttachmentName><Value>")
                    .append(Base64.getEncoder().encodeToString(a.getValue())).append("</Value></Attachment>\n");
        }
        x.append(" </Attachments>\n</eDoc>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Văn phòng Chính phủ's letter 2739/VPCP-ĐMDN (corpus/state/209.txt) as its sender describes it. */
    static Header vpcp2739() {
        return new Header("000.00.00.G03", "Văn phòng Chính phủ", "Bộ Kế hoạch và Đầu tư", "2739", "VPCP-ĐMDN",
                "Hà Nội", "2019-04-05", "Công văn",
                "Quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi",
                "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Bộ trưởng, Chủ nhiệm", "Mai Tiến Dũng", "2019-04-30", "1", "1");
    }

    /** The Triệu Phong Party letter 374-CV/HU (corpus/seeds) as its district committee's gateway sends it. */
    static Header trieuPhong374() {
        return new Header("000.30.45.H48", "Huyện ủy Triệu Phong", "Các chi bộ, đảng bộ trực thuộc",
                "374", "CV/HU", "Triệu Phong", "30/07/2019", "Công văn",
                "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong hệ thống chính trị huyện", "T/M BAN THƯỜNG VỤ",
                "Phó Bí thư", "Phan Văn Linh", "15/08/2019", "3", "1");
    }
}
