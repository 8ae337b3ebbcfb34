package vn.archive.search;

import org.junit.jupiter.api.Test;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenditionsTest {
    private static final LocalDate DAY = LocalDate.of(2019, 7, 30);

    private static DocumentMetadata.Builder letter(String number, String issuer) {
        return DocumentMetadata.builder().kind("Công văn").number(number).date(DAY).issuer(issuer);
    }

    private static ArchivedDocument doc(String id, boolean ocr, DocumentMetadata m, String... linked) {
        List<String> notes = new ArrayList<>();
        for (String other : linked) {
            notes.add(ArchivedDocument.sameDirectiveNote(other));
        }
        return new ArchivedDocument(id, m, new SourceInfo(id + (ocr ? ".pdf" : ".docx"), id + "0".repeat(48),
                ocr ? "application/pdf" : "application/docx", ocr, 10, List.of()), "", notes);
    }

    private static Reference ref(Relation relation) {
        return new Reference("Nghị quyết", "25-NQ/TW", null, null, relation, "Nghị quyết số 25-NQ/TW", 0, 10);
    }

    @Test
    void the_typed_rendition_is_preferred_to_the_scan_and_its_reading_wins() {
        ArchivedDocument scan = doc("a1", true, letter("374-CV/HU", "Ban Thường vụ Huyện ủy Triệu Phong")
                .references(List.of(ref(Relation.MENTIONS))).campaigns(List.of("Dan van kheo"))
                .urgency("Khẩn").build(), "b2");
        ArchivedDocument typed = doc("b2", false, letter("374-CV/HU", "Ban Thường vụ Huyện ủy Triệu Phong")
                .references(List.of(ref(Relation.IMPLEMENTS))).campaigns(List.of("Dân vận khéo")).build(), "a1");
        Renditions r = Renditions.of(List.of(scan, typed));
        assertEquals("b2", r.directiveId("a1"), "typed before OCR, although the scan's id sorts first");
        assertEquals("b2", r.directiveId("b2"));
        assertEquals(2, r.count("a1"));
        assertEquals(List.of("a1"), List.copyOf(r.secondaries()));
        DocumentMetadata merged = r.merged(scan).metadata();
        assertEquals(merged, r.merged(typed).metadata(), "renditions never disagree");
        assertEquals(Relation.IMPLEMENTS, merged.references().get(0).relation());
        assertEquals(List.of("Dân vận khéo"), merged.campaigns());
        assertEquals("Khẩn", merged.urgency(), "a value only the scan read still fills the gap");
    }

    @Test
    void linked_documents_with_different_numbers_or_issuers_stay_apart() {
        ArchivedDocument donDuong = doc("a1", false, letter("1-KH/HU", "Huyện ủy Đơn Dương").build(), "b2", "c3");
        ArchivedDocument lamHa = doc("b2", false, letter("1-KH/HU", "Huyện ủy Lâm Hà").build(), "a1");
        ArchivedDocument other = doc("c3", false, letter("2-KH/HU", "Huyện ủy Đơn Dương").build(), "a1");
        Renditions r = Renditions.of(List.of(donDuong, lamHa, other));
        assertTrue(r.isEmpty(), "district plans copied from one template are different directives");
        assertEquals(1, r.count("a1"));
    }

    @Test
    void linked_letters_of_the_ban_dan_van_of_two_district_committees_stay_apart() {
        ArchivedDocument thanhBa = doc("a1", false, letter("1-CV/BDVHU", "Ban Dân vận")
                .parentIssuer("Huyện ủy Thanh Ba").build(), "b2");
        ArchivedDocument vinhCuu = doc("b2", false, letter("1-CV/BDVHU", "Ban Dân vận")
                .parentIssuer("Huyện ủy Vĩnh Cửu").build(), "a1");
        ArchivedDocument scan = doc("c3", true, letter("1-CV/BDVHU", "Ban Dân vận").build(), "a1");
        Renditions r = Renditions.of(List.of(thanhBa, vinhCuu, scan));
        assertEquals(1, r.count("b2"), "one Ban's name in two committees is two issuers");
        assertEquals(List.of("a1", "c3"), r.group("a1").orElseThrow().members(),
                "a copy whose committee was not read still joins the one it was linked to");
    }

    @Test
    void a_standing_committee_read_from_the_docx_and_its_committee_read_from_the_scan_are_one_issuer() {
        ArchivedDocument typed = doc("a1", false, letter("374-CV/HU", "Ban Thường vụ Huyện ủy Triệu Phong").build(), "b2");
        ArchivedDocument scan = doc("b2", true, letter("374-CV/HU", "Huyện ủy Triệu Phong").build(), "a1");
        assertEquals(2, Renditions.of(List.of(typed, scan)).count("b2"));
    }

    @Test
    void a_classified_letter_given_an_open_ones_number_stays_apart() {
        ArchivedDocument open = doc("a1", false, letter("5-CV/TU", "Tỉnh ủy Lâm Đồng").build(), "b2");
        ArchivedDocument marked = doc("b2", true, letter("5-CV/TU", "Tỉnh ủy Lâm Đồng").classification("Mật").build(), "a1");
        Renditions r = Renditions.of(List.of(open, marked));
        assertTrue(r.isEmpty(), "merging would hide the open letter from readers without clearance");
        assertEquals("a1", r.directiveId("a1"));
        assertEquals(null, r.merged(open).metadata().classification());
    }

    @Test
    void a_document_without_links_is_its_own_directive() {
        ArchivedDocument alone = doc("a1", false, letter("5-CV/TU", "Tỉnh ủy Lâm Đồng").build());
        Renditions r = Renditions.of(List.of(alone));
        assertFalse(r.group("a1").isPresent());
        assertEquals(alone, r.merged(alone));
    }
}
