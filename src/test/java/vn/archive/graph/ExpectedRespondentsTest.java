package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectedRespondentsTest {
    private static final AdminUnits TABLE = AdminUnits.load(null);

    private static DocumentMetadata provincial(LocalDate date, List<String> recipients) {
        return DocumentMetadata.builder().kind("Công văn").number("1-CV/TU").date(date).issuer("Ban Thường vụ Tỉnh ủy")
                .parentIssuer("Đảng bộ tỉnh Lâm Đồng").level("tỉnh").recipients(recipients).build();
    }

    private static DocumentMetadata quangTri(LocalDate date, List<String> recipients) {
        return DocumentMetadata.builder().kind("Công văn").number("9-CV/TU").date(date).issuer("Ban Thường vụ Tỉnh ủy")
                .parentIssuer("Đảng bộ tỉnh Quảng Trị").level("tỉnh").recipients(recipients).build();
    }

    private static List<String> names(ExpectedRespondents.Resolved r, ExpectedRespondents.Sector sector) {
        return r.units().stream().filter(u -> u.sector() == sector).map(ExpectedRespondents.Unit::name).toList();
    }

    @Test
    void a_2026_directive_of_quang_tri_to_its_communes_expands_to_each_commune_of_the_kinds_it_names() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(quangTri(day,
                List.of("UBND các xã, phường, đặc khu", "Đảng ủy các xã, phường")), "", TABLE);
        List<String> state = names(r, ExpectedRespondents.Sector.STATE);
        List<String> party = names(r, ExpectedRespondents.Sector.PARTY);
        assertEquals(TABLE.communes("Quảng Trị", day).size(), state.size());
        assertEquals(78, state.size(), "78 units after Nghị quyết 1680/NQ-UBTVQH15 (page P2 of communes.tsv)");
        assertEquals(77, party.size(), "\"các xã, phường\" leaves out the đặc khu");
        assertTrue(state.containsAll(List.of("UBND phường Đông Hà", "UBND xã Ái Tử", "UBND xã Triệu Phong",
                "UBND xã Nam Cửa Việt", "UBND đặc khu Cồn Cỏ", "UBND xã Tân Thành")), state.toString());
        assertTrue(party.contains("Đảng ủy xã Triệu Cơ"), party.toString());
        assertTrue(party.stream().noneMatch(n -> n.contains("Cồn Cỏ")), party.toString());
        assertTrue(r.unresolved().isEmpty(), r.unresolved().toString());
        assertTrue(r.units().stream().allMatch(u -> u.level().equals("xã")));
    }

    @Test
    void a_2024_directive_of_quang_tri_keeps_its_commune_classes_as_written() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(quangTri(LocalDate.of(2024, 10, 1),
                List.of("UBND các xã, phường, đặc khu", "Đảng ủy các xã, thị trấn", "UBND phường Đông Hà")), "", TABLE);
        assertTrue(r.units().isEmpty(), r.units().toString());
        assertEquals(List.of("UBND các xã, phường, đặc khu", "Đảng ủy các xã, thị trấn", "UBND phường Đông Hà"),
                r.unresolved());
    }

    @Test
    void one_named_commune_body_of_the_province_is_one_unit() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(quangTri(LocalDate.of(2026, 3, 2),
                List.of("UBND phường Đông Hà", "Đảng ủy xã Ái Tử.", "UBND phường Không Có")), "", TABLE);
        assertEquals(List.of("UBND phường Đông Hà", "Đảng ủy xã Ái Tử"),
                r.units().stream().map(ExpectedRespondents.Unit::name).toList());
        assertEquals(List.of("xã", "xã"), r.units().stream().map(ExpectedRespondents.Unit::level).toList());
        assertEquals(List.of("UBND phường Không Có"), r.unresolved(), "a commune the table does not hold stays as written");
    }

    @Test
    void a_commune_bodys_answer_is_filed_under_its_commune_and_never_under_a_namesake_district() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(quangTri(LocalDate.of(2026, 3, 2),
                List.of("UBND phường Đông Hà", "Đảng ủy xã Triệu Phong")), "", TABLE);
        assertEquals(2, r.units().size());
        assertEquals(Optional.of(r.units().get(0).key()), ExpectedRespondents.communeKey("Ủy ban nhân dân phường Đông Hà"));
        assertEquals(Optional.of(r.units().get(1).key()),
                ExpectedRespondents.communeKey("Ban Thường vụ Đảng ủy xã Triệu Phong"));
        ExpectedRespondents.Resolved district = ExpectedRespondents.resolve(quangTri(LocalDate.of(2019, 8, 1),
                List.of("Huyện ủy Triệu Phong")), "", TABLE);
        assertEquals(List.of("Huyện ủy Triệu Phong"), district.units().stream().map(ExpectedRespondents.Unit::name).toList());
        assertNotEquals(district.units().get(0).key(), r.units().get(1).key());
        assertTrue(ExpectedRespondents.communeKey("Huyện ủy Triệu Phong").isEmpty());
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
    void a_2026_lam_dong_directive_has_no_district_units_and_expands_its_communes_of_the_kinds_it_names() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(provincial(LocalDate.of(2026, 1, 5),
                List.of("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy", "Đảng ủy các xã, phường")), "", TABLE);
        assertEquals(List.of("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy"), r.unresolved(), "no district level in 2026");
        assertEquals(123, r.units().size(), "Lâm Đồng's 103 xã and 20 phường of NQ 1671, not its đặc khu");
        assertTrue(r.units().stream().allMatch(u -> u.level().equals("xã") && u.sector() == ExpectedRespondents.Sector.PARTY));
        assertTrue(r.units().stream().anyMatch(u -> u.name().equals("Đảng ủy phường Xuân Hương - Đà Lạt")), r.units().toString());
        assertTrue(r.units().stream().noneMatch(u -> u.name().equals("Đảng ủy đặc khu Phú Quý")));
        ExpectedRespondents.Resolved gialai = ExpectedRespondents.resolve(provincial(LocalDate.of(2026, 1, 5),
                List.of("Đảng ủy các xã, phường")).toBuilder().issuer("Ban Thường vụ Tỉnh ủy Gia Lai")
                .parentIssuer("Đảng bộ tỉnh Gia Lai").build(), "", TABLE);
        assertEquals(List.of("Đảng ủy các xã, phường"), gialai.unresolved(), "a province without communes in the table");
        assertTrue(gialai.units().isEmpty());
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

    @Test
    void each_expected_communes_key_asked_twice_is_the_key_its_own_report_is_filed_under() {
        ExpectedRespondents.Resolved r = ExpectedRespondents.resolve(provincial(LocalDate.of(2026, 1, 5),
                List.of("Đảng ủy các xã, phường, đặc khu", "UBND các xã, phường, đặc khu")), "", TABLE);
        assertEquals(248, r.units().size(), "Lâm Đồng's 124 units, Party and State");
        for (ExpectedRespondents.Unit u : r.units()) {
            String issuer = (u.sector() == ExpectedRespondents.Sector.PARTY ? "Ban Thường vụ " : "") + u.name();
            assertEquals(ExpectedRespondents.communeKey(issuer).orElseThrow(), u.key(), issuer);
            assertEquals(u.key(), u.key(), "the folded key kept for the unit is the one computed");
        }
        assertEquals(248, r.units().stream().map(ExpectedRespondents.Unit::key).distinct().count());
    }

    @Test
    void one_recipient_line_read_once_resolves_in_each_directive_by_its_own_issuer_and_date() {
        String line = "Các huyện ủy, thành ủy trực thuộc Tỉnh ủy";
        ExpectedRespondents.Resolved lamDong2019 = ExpectedRespondents.resolve(provincial(LocalDate.of(2019, 8, 1),
                List.of(line)), "", TABLE);
        ExpectedRespondents.Resolved lamDong2026 = ExpectedRespondents.resolve(provincial(LocalDate.of(2026, 1, 5),
                List.of(line)), "", TABLE);
        ExpectedRespondents.Resolved giaLai2019 = ExpectedRespondents.resolve(provincial(LocalDate.of(2019, 8, 1),
                List.of(line)).toBuilder().issuer("Ban Thường vụ Tỉnh ủy Gia Lai").parentIssuer("Đảng bộ tỉnh Gia Lai")
                .build(), "", TABLE);
        assertEquals(12, lamDong2019.units().size(), lamDong2019.units().toString());
        assertTrue(lamDong2019.units().stream().anyMatch(u -> u.name().equals("Thành ủy Bảo Lộc")));
        assertTrue(lamDong2026.units().isEmpty(), "no district level in 2026: " + lamDong2026.units());
        assertEquals(List.of(line), lamDong2026.unresolved());
        assertTrue(giaLai2019.units().size() > 10, giaLai2019.units().toString());
        assertTrue(giaLai2019.units().stream().anyMatch(u -> u.name().equals("Thành ủy Pleiku")), giaLai2019.units().toString());
        assertTrue(giaLai2019.units().stream().noneMatch(u -> u.name().equals("Thành ủy Bảo Lộc")));

        // "UBND huyện" names the issuer's own district, whichever district's letter it is read in
        for (String[] issuer : List.of(new String[] {"Ban Thường vụ Huyện ủy Triệu Phong", "Quảng Trị", "Triệu Phong"},
                new String[] {"Ban Thường vụ Huyện ủy Đơn Dương", "Lâm Đồng", "Đơn Dương"})) {
            DocumentMetadata district = DocumentMetadata.builder().kind("Công văn").number("5-CV/HU")
                    .date(LocalDate.of(2019, 7, 30)).issuer(issuer[0]).parentIssuer("Đảng bộ tỉnh " + issuer[1])
                    .level("huyện").recipients(List.of("UBND huyện")).build();
            assertEquals(List.of("UBND huyện " + issuer[2]), ExpectedRespondents.resolve(district, "", TABLE).units()
                    .stream().map(ExpectedRespondents.Unit::name).toList());
        }
    }
}
