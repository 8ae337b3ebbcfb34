package vn.archive.text;

import org.junit.jupiter.api.Test;
import vn.archive.meta.Dictionaries;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.graph.ReferenceSnapshot;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalityTest {
    @Test
    void a_district_spelt_with_an_apostrophe_or_a_dash_is_read_whole_from_a_body_name() {
        assertEquals(new Locality("DAK LAK", "EA H'LEO"), Locality.ofName("Huyện ủy Ea H'leo tỉnh Đắk Lắk"));
        assertEquals("PHAN RANG - THAP CHAM", Locality.ofName("Thành ủy Phan Rang - Tháp Chàm").district());
        assertEquals("BA RIA - VUNG TAU", Locality.ofName("Ban Dân vận Tỉnh ủy Bà Rịa - Vũng Tàu").province());
        assertEquals(Locality.fold("Phan Rang - Tháp Chàm"), Locality.fold("Phan Rang-Tháp  Chàm"));
        assertEquals(Locality.fold("Ea H'leo"), Locality.fold("Ea H’leo"));
    }

    @Test
    void a_district_symbol_cited_from_Ea_Hleo_resolves_to_Ea_Hleos_document_named_by_place_only() {
        Dictionaries d = Dictionaries.builtIn();
        DocumentMetadata plan = DocumentMetadata.builder().date(LocalDate.of(2020, 3, 20))
                .issuer("Ban Dân vận Huyện ủy Ea H'leo").parentIssuer("Đảng bộ tỉnh Đắk Lắk").place("Ea H'leo")
                .references(List.of(new Reference(null, "13-NQ/HU", null, null, Relation.IMPLEMENTS, "số 13-NQ/HU", 0, 1)))
                .build();
        // its own district's 13-NQ/HU, whose issuer line names no district: the place tells the district
        DocumentMetadata eaHleo13 = DocumentMetadata.builder().number("13-NQ/HU").date(LocalDate.of(2019, 12, 2))
                .issuer("Ban Thường vụ Huyện ủy").parentIssuer("Đảng bộ tỉnh Đắk Lắk").place("Ea H'leo").level("huyện")
                .build();
        DocumentMetadata eaKar13 = DocumentMetadata.builder().number("13-NQ/HU").date(LocalDate.of(2019, 11, 2))
                .issuer("Huyện ủy Ea Kar").parentIssuer("Đảng bộ tỉnh Đắk Lắk").place("Ea Kar").level("huyện").build();
        ReferenceSnapshot s = ReferenceSnapshot.of(List.of(ReferenceSnapshot.entry("plan", plan, () -> "", d),
                ReferenceSnapshot.entry("kar", eaKar13, () -> "", d),
                ReferenceSnapshot.entry("hleo", eaHleo13, () -> "", d)), d);
        assertEquals("hleo", s.outgoing("plan").get(0).targetId());
        assertTrue(s.incoming("doc:kar").isEmpty());
    }

    @Test
    void a_centrally_governed_city_is_a_province_and_a_provincial_city_a_district() {
        assertEquals(new Locality("HA NOI", null), Locality.ofName("Ban Thường vụ Thành ủy Hà Nội"));
        assertEquals(new Locality("CAN THO", null), Locality.ofName("Ủy ban nhân dân thành phố Cần Thơ"));
        assertEquals(new Locality("HO CHI MINH", null), Locality.ofName("Thành ủy Thành phố Hồ Chí Minh"));
        assertEquals(new Locality(null, "BAO LOC"), Locality.ofName("Ban Thường vụ Thành ủy Bảo Lộc"));
        assertEquals(new Locality(null, "THOT NOT"), Locality.ofName("Ban Thường vụ Quận ủy Thốt Nốt"));
        assertEquals(new Locality("CAN THO", "THOT NOT"),
                Locality.ofText("ĐẢNG BỘ THÀNH PHỐ CẦN THƠ\nQUẬN ỦY THỐT NỐT\n*\nSố 12-KH/QU\nKẾ HOẠCH"));
        // a district of Hà Nội whose text names the city more often than the district: the city is not its district
        assertEquals(new Locality("HA NOI", "SOC SON"), Locality.ofText("Kế hoạch của Huyện ủy Sóc Sơn. " + "x ".repeat(400)
                + "Thực hiện chỉ đạo của Thành ủy Hà Nội, các xã của huyện Sóc Sơn báo cáo Thành ủy Hà Nội."));
    }

    @Test
    void a_district_of_a_centrally_governed_city_cites_its_citys_local_number_and_reaches_that_citys_document() {
        Dictionaries d = Dictionaries.builtIn();
        DocumentMetadata plan = DocumentMetadata.builder().number("12-KH/QU").date(LocalDate.of(2006, 1, 4))
                .issuer("Ban Thường vụ Quận ủy Thốt Nốt").parentIssuer("Thành ủy Cần Thơ").level("huyện")
                .references(List.of(new Reference(null, "1-CV/TU", null, "Thành ủy Cần Thơ", Relation.IMPLEMENTS,
                        "Công văn số 1-CV/TU của Thành ủy Cần Thơ", 0, 1)))
                .build();
        DocumentMetadata canTho = DocumentMetadata.builder().number("1-CV/TU").date(LocalDate.of(2005, 12, 11))
                .issuer("Ban Thường vụ Thành ủy Cần Thơ").level("tỉnh").build();
        DocumentMetadata haNoi = DocumentMetadata.builder().number("1-CV/TU").date(LocalDate.of(2005, 12, 11))
                .issuer("Ban Thường vụ Thành ủy Hà Nội").level("tỉnh").build();
        ReferenceSnapshot s = ReferenceSnapshot.of(List.of(ReferenceSnapshot.entry("plan", plan, () -> "", d),
                ReferenceSnapshot.entry("hanoi", haNoi, () -> "", d),
                ReferenceSnapshot.entry("cantho", canTho, () -> "", d)), d);
        assertEquals("cantho", s.outgoing("plan").get(0).targetId());
        assertTrue(s.incoming("doc:hanoi").isEmpty());
    }
}
