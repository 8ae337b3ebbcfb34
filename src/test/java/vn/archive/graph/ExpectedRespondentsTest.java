package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectedRespondentsTest {
    private static final AdminUnits TABLE = AdminUnits.load(null);

    private static DocumentMetadata provincial(LocalDate date, List<String> recipients) {
        return DocumentMetadata.builder().kind("Công văn").number("1-CV/TU").date(date).issuer("Ban Thường vụ Tỉnh ủy")
                .parentIssuer("Đảng bộ tỉnh Lâm Đồng").level("tỉnh").recipients(recipients).build();
    }

    @Test
    void the_table_knows_the_34_provinces_of_the_reform_and_the_districts_of_each_year() {
        assertEquals(63, TABLE.provinces(LocalDate.of(2025, 6, 30)).size());
        assertEquals(34, TABLE.provinces(LocalDate.of(2025, 7, 1)).size());
        assertEquals(12, TABLE.districts("Lâm Đồng", LocalDate.of(2019, 8, 1)).size());
        assertEquals(10, TABLE.districts("LÂM ĐỒNG", LocalDate.of(2025, 1, 15)).size(), "Đạ Tẻh and Cát Tiên joined Đạ Huoai");
        assertTrue(TABLE.districts("Lâm Đồng", LocalDate.of(2026, 1, 5)).isEmpty(), "no district level after the reform");
        assertEquals("Lâm Đồng", TABLE.province("Bình Thuận").orElseThrow().mergedInto());
    }

    @Test
    void a_class_of_district_committees_expands_to_each_unit_of_the_issuers_province_on_its_date() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(provincial(LocalDate.of(2019, 8, 1),
                List.of("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy.")), "", TABLE);
        assertEquals(12, r.units().size());
        assertTrue(r.units().stream().anyMatch(u -> u.name().equals("Thành ủy Bảo Lộc")));
        assertTrue(r.units().stream().anyMatch(u -> u.name().equals("Huyện ủy Cát Tiên")));
        assertEquals(List.of("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"), r.unresolved(),
                "the đảng ủy trực thuộc are not in the table: kept as written");
    }

    @Test
    void a_2026_directive_has_no_district_units_and_shows_its_classes_as_written() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(provincial(LocalDate.of(2026, 1, 5),
                List.of("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy", "Đảng ủy các xã, phường")), "", TABLE);
        assertTrue(r.units().isEmpty());
        assertEquals(2, r.unresolved().size());
    }

    @Test
    void one_named_body_is_one_unit_and_copies_sent_up_or_kept_ask_no_one() {
        DocumentMetadata district = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
                .date(LocalDate.of(2019, 7, 30)).issuer("Ban Thường vụ Huyện ủy Triệu Phong")
                .parentIssuer("Đảng bộ tỉnh Quảng Trị").level("huyện")
                .recipients(List.of("UBND huyện", "Các cấp ủy cơ sở"))
                .distribution(List.of("Như kính gửi", "Ban Dân vận Tỉnh ủy", "Lưu VP, BDVHU")).build();
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(district, "", TABLE);
        assertEquals(List.of("UBND huyện Triệu Phong"), r.units().stream().map(ExpectedRespondents.Unit::name).toList());
        assertEquals(List.of("Các cấp ủy cơ sở"), r.unresolved());
        ExpectedRespondents.Resolved named = ExpectedRespondents.resolve(provincial(LocalDate.of(2020, 3, 2),
                List.of("UBND huyện Lâm Hà", "Ban Dân vận Trung ương (b/c)")), "", TABLE);
        assertEquals(List.of("UBND huyện Lâm Hà"), named.units().stream().map(ExpectedRespondents.Unit::name).toList());
        assertTrue(named.unresolved().isEmpty(), named.unresolved().toString());
    }
}
