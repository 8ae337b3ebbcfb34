package vn.archive.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents mapped to the Thông tư 05/2025 document elements by the packaged tables of index-config. */
class ArchivalMappingTest {
    private static final ArchivalMapping MAPPING = ArchivalMapping.load(null);

    private static ArchivedDocument doc(DocumentMetadata m, String mediaType, boolean ocr) {
        return new ArchivedDocument("fa18a2e4ded8d877", m, new SourceInfo("374.pdf",
                "fa18a2e4ded8d877" + "0".repeat(48), mediaType, ocr, 1000, List.of("374.pdf")), "text", List.of());
    }

    private static Map<String, ArchivalMapping.Element> byName(List<ArchivalMapping.Element> elements) {
        return elements.stream().collect(Collectors.toMap(ArchivalMapping.Element::element, e -> e));
    }

    @Test
    void a_party_letter_maps_its_number_notation_date_issuer_subject_and_codes() {
        DocumentMetadata m = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
                .date(LocalDate.of(2019, 7, 30)).issuer("Ban Thường vụ Huyện ủy Triệu Phong")
                .title("đẩy mạnh phong trào thi đua “Dân vận khéo”").build();
        var e = byName(MAPPING.elements(doc(m, "application/pdf", false), 2, 0, false));
        assertEquals("fa18a2e4ded8d877", e.get("docId").value());
        assertEquals("Công văn", e.get("typeName").value());
        assertEquals("374", e.get("codeNumber").value());
        assertEquals("CV/HU", e.get("codeNotation").value());
        assertEquals("30/07/2019", e.get("issuedDate").value());
        assertEquals("Ban Thường vụ Huyện ủy Triệu Phong", e.get("organName").value());
        assertEquals("2", e.get("numberOfPage").value());
        assertEquals("01", e.get("mode").code());
        assertEquals("Công khai", e.get("mode").value());
        assertEquals("01", e.get("confidenceLevel").code());
        assertEquals("Gốc điện tử", e.get("confidenceLevel").value());
        assertEquals("Tiếng Việt", e.get("language").value());
        assertEquals("number", e.get("codeNumber").correction(), "edited by correcting the number");
        assertEquals("Số của văn bản", e.get("codeNumber").label());
    }

    @Test
    void a_state_symbol_a_secret_mark_and_scans_map_to_their_codes() {
        DocumentMetadata m = DocumentMetadata.builder().number("2739/VPCP-ĐMDN").classification("Mật").build();
        var digitised = byName(MAPPING.elements(doc(m, "image/png", true), 1, 1, false));
        assertEquals("2739", digitised.get("codeNumber").value());
        assertEquals("VPCP-ĐMDN", digitised.get("codeNotation").value());
        assertEquals("03", digitised.get("mode").code());
        assertEquals("02", digitised.get("confidenceLevel").code());
        var mixed = byName(MAPPING.elements(doc(m, "application/pdf", true), 3, 1, true));
        assertEquals("03", mixed.get("confidenceLevel").code());
        assertEquals("Mixed", mixed.get("confidenceLevel").value());
        assertEquals("Number", mixed.get("codeNumber").label(), "English labels");
        assertNull(mixed.get("issuedDate").value(), "unknown stays unknown");
    }

    @Test
    void a_value_longer_than_its_element_allows_is_flagged() {
        DocumentMetadata m = DocumentMetadata.builder().title("x".repeat(501)).number("1-CV/HU").build();
        var e = byName(MAPPING.elements(doc(m, "text/plain", false), null, 0, false));
        assertTrue(e.get("subject").tooLong());
        assertEquals(500, e.get("subject").maxLength());
        assertFalse(e.get("codeNumber").tooLong());
    }

    @Test
    void the_tables_of_a_config_folder_win_and_a_bad_row_names_its_line(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("archival-elements.tsv"),
                "# element\tlabel_vi\tlabel_en\tsource\tmax_length\tcorrection\nsubject\tTrích yếu\tSubject\ttitle\t5\ttitle\n");
        ArchivalMapping custom = ArchivalMapping.load(dir);
        assertEquals(List.of("subject"), custom.definitions().stream().map(ArchivalMapping.Definition::element).toList());
        assertTrue(custom.elements(doc(DocumentMetadata.builder().title("dài hơn năm").build(), "text/plain", false),
                null, 0, false).get(0).tooLong());
        Files.writeString(dir.resolve("archival-elements.tsv"), "subject\tTrích yếu\tSubject\tsubjectline\t5\ttitle\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ArchivalMapping.load(dir));
        assertTrue(bad.getMessage().contains("archival-elements.tsv line 1"), bad.getMessage());
        assertTrue(bad.getMessage().contains("subjectline"), bad.getMessage());
    }

    @Test
    void a_file_of_documents_sums_their_pages_spans_their_dates_and_takes_the_strictest_access() {
        DocumentMetadata open = DocumentMetadata.builder().number("374-CV/HU").date(LocalDate.of(2019, 7, 30)).build();
        DocumentMetadata secret = DocumentMetadata.builder().number("13-NQ/HU").date(LocalDate.of(2016, 3, 10))
                .classification("Mật").build();
        ArchivedDocument typed = doc(open, "application/pdf", false);
        ArchivedDocument scan = new ArchivedDocument("0b1c", secret, new SourceInfo("13.png", "0b1c" + "0".repeat(60),
                "image/png", true, 10, List.of("13.png")), "text", List.of("OCR trang 1: độ tin cậy 90.0%"));
        var file = byName(MAPPING.fileElements(List.of(typed, scan), Map.of(typed.id(), 2, scan.id(), 1), "HS-01",
                null, null, false));
        assertEquals("HS-01", file.get("fileCode").value());
        assertNull(file.get("title").value(), "not given, not guessed");
        assertEquals("2", file.get("totalDoc").value());
        assertEquals("3", file.get("numberOfPage").value());
        assertEquals("10/03/2016", file.get("startDate").value());
        assertEquals("30/07/2019", file.get("endDate").value());
        assertEquals("03", file.get("mode").code(), "one secret document makes the file secret");
        assertEquals("03", file.get("confidenceLevel").code(), "born digital and digitised: mixed");
        var unknown = byName(MAPPING.fileElements(List.of(typed, scan), Map.of(scan.id(), 1), null, null, null, true));
        assertNull(unknown.get("numberOfPage").value(), "one count unknown, the sum unknown");
        assertEquals("Mixed", unknown.get("confidenceLevel").value());
        assertEquals("Number of pages", unknown.get("numberOfPage").label());
    }
}
