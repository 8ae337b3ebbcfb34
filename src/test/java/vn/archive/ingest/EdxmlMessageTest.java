package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading edXML and eDoc messages: header fields, attachments, precedence over extraction, bad input. */
class EdxmlMessageTest {
    private static final byte[] PDF = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCX = "PK\u0003\u0004 docx".getBytes(StandardCharsets.ISO_8859_1);

    private static Map<String, byte[]> two() {
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("2739-VPCP.pdf", PDF);
        a.put("2739-VPCP.docx", DOCX);
        return a;
    }

    @Test
    void an_edxml_envelope_gives_every_header_field_and_its_attachments() throws Exception {
        EdxmlMessage m = EdxmlMessage.parse(EdxmlFixtures.edxml(EdxmlFixtures.vpcp2739(), two()));
        assertEquals("edXML", m.variant());
        assertEquals("000.00.00.G03", m.organId());
        assertEquals("Văn phòng Chính phủ", m.organName());
        assertEquals(List.of("Bộ Kế hoạch và Đầu tư"), m.recipients());
        assertEquals("2739/VPCP-ĐMDN", m.number());
        assertEquals("Hà Nội", m.place());
        assertEquals(LocalDate.of(2019, 4, 5), m.date());
        assertEquals("Công văn", m.kind());
        assertEquals("Quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi", m.subject());
        assertEquals("Mai Tiến Dũng", m.signer().name());
        assertEquals("Bộ trưởng, Chủ nhiệm", m.signer().position());
        assertEquals("Khẩn", m.urgency());
        assertEquals(LocalDate.of(2019, 4, 30), m.dueDate());
        assertEquals("Văn bản chỉ đạo", m.steering());
        assertEquals(List.of("2739-VPCP.pdf", "2739-VPCP.docx"), m.attachments().stream()
                .map(EdxmlMessage.Attachment::name).toList());
        assertArrayEquals(PDF, m.attachments().get(0).bytes());
        assertArrayEquals(DOCX, m.attachments().get(1).bytes(), "a DOCX is a ZIP of many entries: kept as it came");
    }

    @Test
    void the_flat_edoc_variant_gives_the_same_fields_and_a_party_symbol_takes_its_hyphen() throws Exception {
        EdxmlMessage m = EdxmlMessage.parse(EdxmlFixtures.eDoc(EdxmlFixtures.trieuPhong374(), Map.of("374.pdf", PDF)));
        assertEquals("eDoc", m.variant());
        assertEquals("374-CV/HU", m.number());
        assertEquals(LocalDate.of(2019, 7, 30), m.date(), "a date written day first");
        assertEquals("Huyện ủy Triệu Phong", m.organName());
        assertEquals("Hỏa tốc", m.urgency());
        assertEquals(LocalDate.of(2019, 8, 15), m.dueDate());
        assertEquals("Phan Văn Linh", m.signer().name());
        assertEquals(1, m.attachments().size());
        assertArrayEquals(PDF, m.attachments().get(0).bytes());
    }

    @Test
    void symbols_dates_priorities_and_steering_types_follow_the_standards_codes() {
        assertEquals("15/QĐ-BNV", EdxmlMessage.number("15", "QĐ-BNV"));
        assertEquals("30/2020/NĐ-CP", EdxmlMessage.number("30", "2020/NĐ-CP"));
        assertEquals("25-NQ/TW", EdxmlMessage.number("25", "NQ/TW"));
        assertEquals("05/BNV-VP", EdxmlMessage.number("05", "BNV-VP"));
        assertEquals("Thượng khẩn", EdxmlMessage.urgency("2"));
        assertEquals("Hỏa tốc", EdxmlMessage.urgency("4"));
        assertNull(EdxmlMessage.urgency("0"), "0 is thường: no mark");
        assertEquals("Báo cáo thực hiện văn bản chỉ đạo", EdxmlMessage.steering("2"));
        assertNull(EdxmlMessage.steering("0"));
        assertEquals(LocalDate.of(2019, 4, 5), EdxmlMessage.date("2019/04/05 16:02:11"));
        assertNull(EdxmlMessage.date("2019-02-30"), "an impossible date is not guessed");
    }

    @Test
    void the_message_wins_over_extraction_and_extraction_fills_what_the_message_lacks() throws Exception {
        EdxmlMessage m = EdxmlMessage.parse(EdxmlFixtures.edxml(EdxmlFixtures.vpcp2739(), two()));
        DocumentMetadata extracted = DocumentMetadata.builder().number("2739/VPCP-ĐMD").title("quản trị doanh nghiệp")
                .issuer("VPCP").sector("state").level("trung ương").deadlines(List.of(LocalDate.of(2019, 5, 1)))
                .inferred(Set.of("issuer", "sector")).build();
        DocumentMetadata over = m.over(extracted);
        assertEquals("2739/VPCP-ĐMDN", over.number());
        assertEquals(m.subject(), over.title());
        assertEquals("Văn phòng Chính phủ", over.issuer());
        assertEquals("state", over.sector(), "what the message does not say stays as extracted");
        assertEquals(List.of(LocalDate.of(2019, 4, 30), LocalDate.of(2019, 5, 1)), over.deadlines(),
                "hạn xử lý comes first, for tracking");
        assertEquals(Set.of("sector"), over.inferred(), "the issuer is now read from the message, not inferred");
        DocumentMetadata envelope = m.envelope(extracted);
        assertNull(envelope.number(), "the number belongs to the attached document");
        assertTrue(envelope.title().startsWith("Thông điệp edXML: "));
        assertTrue(m.envelopeText().contains("Số, ký hiệu: 2739/VPCP-ĐMDN"), m.envelopeText());
        assertTrue(m.notes().contains("Hạn xử lý: 30/04/2019"));
    }

    @Test
    void bad_messages_are_refused_with_the_reason_and_no_entity_is_expanded() {
        var notXml = assertThrows(EdxmlMessage.InvalidMessage.class,
                () -> EdxmlMessage.parse("<edXML:edXML".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notXml.getMessage().contains("không đọc được"), notXml.getMessage());
        var empty = assertThrows(EdxmlMessage.InvalidMessage.class, () -> EdxmlMessage.parse(
                ("<eDoc xmlns=\"" + EdxmlMessage.EDOC_NS + "\"><From><OrganName>X</OrganName></From></eDoc>")
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(empty.getMessage().contains("không có số, ký hiệu hay trích yếu"), empty.getMessage());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<eDoc xmlns=\"" + EdxmlMessage.EDOC_NS + "\"><Subject>&x;</Subject></eDoc>";
        assertThrows(EdxmlMessage.InvalidMessage.class, () -> EdxmlMessage.parse(xxe.getBytes(StandardCharsets.UTF_8)),
                "a DOCTYPE is refused");
        var badBase64 = assertThrows(EdxmlMessage.InvalidMessage.class, () -> EdxmlMessage.parse(
                ("<eDoc xmlns=\"" + EdxmlMessage.EDOC_NS + "\"><Subject>S</Subject><Attachment><AttachmentName>a.pdf"
                        + "</AttachmentName><Value>@@@</Value></Attachment></eDoc>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(badBase64.getMessage().contains("a.pdf"), badBase64.getMessage());
    }

    @Test
    void messages_are_recognized_by_name_or_namespace_and_other_xml_is_not() {
        assertTrue(EdxmlMessage.isMessage(new SourceFile("m.edxml", "m.edxml", new byte[] {'<'})));
        assertTrue(EdxmlMessage.isMessage(new SourceFile("m.xml", "m.xml",
                EdxmlFixtures.eDoc(EdxmlFixtures.trieuPhong374(), Map.of()))));
        assertEquals(false, EdxmlMessage.isMessage(new SourceFile("pom.xml", "pom.xml",
                "<project/>".getBytes(StandardCharsets.UTF_8))));
    }
}
