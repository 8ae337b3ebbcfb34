package vn.archive.text;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceKeysTest {
    private static final Locality NONE = Locality.UNKNOWN;

    @Test
    void a_district_plan_is_filed_under_its_province_and_its_district() {
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("12-KH/HU")
                .issuer("Huyện ủy Đơn Dương").parentIssuer("Đảng bộ tỉnh Lâm Đồng").build();
        Set<String> keys = PlaceKeys.of(m, NONE).ownNumber();
        String key = vn.archive.model.DocNumber.parse("12-KH/HU").orElseThrow().key();
        assertEquals(Set.of(PlaceKeys.of(key, true, "LAM DONG"), PlaceKeys.of(key, false, "DON DUONG")), keys);
    }

    @Test
    void a_document_whose_header_names_no_place_is_filed_under_its_texts_place_else_as_unplaced() {
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("3-KH/TU").build();
        String key = vn.archive.model.DocNumber.parse("3-KH/TU").orElseThrow().key();
        assertEquals(Set.of(PlaceKeys.unplaced(key, true), PlaceKeys.unplaced(key, false)),
                PlaceKeys.of(m, NONE).ownNumber());
        Locality text = Locality.ofText("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nTỈNH ỦY QUẢNG TRỊ\nKế hoạch");
        Set<String> placed = PlaceKeys.of(m, text).ownNumber();
        assertTrue(placed.contains(PlaceKeys.of(key, true, "QUANG TRI")), placed.toString());
    }

    @Test
    void a_citation_is_filed_under_the_cited_issuers_place_and_the_citing_documents() {
        Reference r = new Reference("Kế hoạch", "05-KH/TU", null, "Tỉnh ủy Lâm Đồng", Relation.IMPLEMENTS,
                "Kế hoạch số 05-KH/TU của Tỉnh ủy Lâm Đồng", 0, 40);
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("20-KH/HU")
                .issuer("Huyện ủy Lạc Dương").references(List.of(r)).build();
        String key = vn.archive.model.DocNumber.parse("05-KH/TU").orElseThrow().key();
        Set<String> keys = PlaceKeys.of(m, NONE).citations();
        assertTrue(keys.contains(PlaceKeys.of(key, true, "LAM DONG")), keys.toString());
        assertTrue(keys.contains(PlaceKeys.of(key, false, "LAC DUONG")), keys.toString());
        assertTrue(PlaceKeys.of(DocumentMetadata.builder().kind("Kế hoạch").build(), NONE).citations().isEmpty());
    }

    @Test
    void a_citation_is_filed_again_in_the_year_it_dates_the_cited_document_and_an_undated_one_as_such() {
        Reference dated = new Reference("Quyết định", "1/QĐ-UBND", java.time.LocalDate.of(2017, 1, 5),
                "Ủy ban nhân dân tỉnh Quảng Trị", Relation.IMPLEMENTS, "Quyết định số 1/QĐ-UBND ngày 05/01/2017", 0, 40);
        Reference undated = new Reference("Kế hoạch", "2-KH/TU", null, "Tỉnh ủy Quảng Trị", Relation.IMPLEMENTS,
                "Kế hoạch số 2-KH/TU", 0, 20);
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").issuer("Ủy ban nhân dân huyện Triệu Phong")
                .references(List.of(dated, undated)).build();
        Set<String> keys = PlaceKeys.of(m, NONE).citations();
        String decision = PlaceKeys.of(vn.archive.model.DocNumber.parse("1/QĐ-UBND").orElseThrow().key(), true, "QUANG TRI");
        String plan = PlaceKeys.of(vn.archive.model.DocNumber.parse("2-KH/TU").orElseThrow().key(), true, "QUANG TRI");
        assertTrue(keys.containsAll(List.of(decision, PlaceKeys.inYear(decision, 2017), plan, PlaceKeys.inYear(plan, null))),
                keys.toString());
        assertTrue(PlaceKeys.hasYear(PlaceKeys.inYear(decision, 2017)) && !PlaceKeys.hasYear(decision));
        // the Party-style citation (2-KH/TU) is filed as such too, the State-style one (1/QĐ-UBND) not
        assertTrue(keys.contains(PlaceKeys.dashed(plan)) && !keys.contains(PlaceKeys.dashed(decision)), keys.toString());
        // a citation of no known place is filed as unplaced, never by year: the graph never asks for those
        DocumentMetadata nowhere = DocumentMetadata.builder().kind("Kế hoạch").references(List.of(new Reference(
                "Kế hoạch", "3-KH/TU", java.time.LocalDate.of(2017, 1, 5), null, Relation.IMPLEMENTS, "Kế hoạch số 3-KH/TU", 0, 20)))
                .build();
        assertTrue(PlaceKeys.of(nowhere, NONE).citations().stream().noneMatch(PlaceKeys::hasYear),
                PlaceKeys.of(nowhere, NONE).citations().toString());
    }
}
