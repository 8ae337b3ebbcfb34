package vn.archive.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminUnitsTest {
    private static final AdminUnits TABLE = AdminUnits.load(null);
    private static final LocalDate AFTER = LocalDate.of(2026, 3, 2);

    @Test
    void quang_tri_has_the_78_commune_level_units_of_its_2025_resolution_from_1_july_2025() {
        List<AdminUnits.Unit> communes = TABLE.communes("QUẢNG TRỊ", AFTER);
        assertEquals(78, communes.size());
        Map<String, Long> byType = communes.stream().collect(Collectors.groupingBy(AdminUnits.Unit::type, Collectors.counting()));
        assertEquals(Map.of("xã", 69L, "phường", 8L, "đặc khu", 1L), byType, "69 xã, 8 phường, 1 đặc khu (page P2)");
        assertEquals(78, communes.stream().map(AdminUnits.Unit::name).distinct().count());
        assertTrue(communes.stream().allMatch(u -> u.level().equals("xã") && u.province().equals("Quảng Trị")));
        assertEquals(communes, TABLE.communes("Quảng Trị", LocalDate.of(2025, 7, 1)), "the first day of the new units");
    }

    @Test
    void lam_dong_has_the_124_commune_level_units_of_its_2025_resolution_103_xa_20_phuong_1_dac_khu() {
        List<AdminUnits.Unit> communes = TABLE.communes("Lâm Đồng", AFTER);
        assertEquals(124, communes.size(), "Nghị quyết 1671/NQ-UBTVQH15");
        Map<String, Long> byType = communes.stream().collect(Collectors.groupingBy(AdminUnits.Unit::type, Collectors.counting()));
        assertEquals(Map.of("xã", 103L, "phường", 20L, "đặc khu", 1L), byType);
        assertEquals(124, communes.stream().map(u -> vn.archive.text.Locality.fold(u.name())).distinct().count());
        assertEquals("Phú Quý", TABLE.commune("LÂM ĐỒNG", "đặc khu", "phu quy", AFTER).orElseThrow().name());
        assertEquals("Xuân Hương - Đà Lạt", TABLE.commune("Lâm Đồng", "phường", "Xuân Hương-Đà Lạt", AFTER).orElseThrow().name());
        assertEquals("D'Ran", TABLE.commune("Lâm Đồng", "xã", "D’Ran", AFTER).orElseThrow().name(), "either apostrophe");
    }

    @Test
    void before_the_reform_elsewhere_or_on_an_unknown_day_the_table_has_no_communes() {
        assertTrue(TABLE.communes("Quảng Trị", LocalDate.of(2025, 6, 30)).isEmpty());
        assertTrue(TABLE.communes("Quảng Trị", null).isEmpty());
        assertTrue(TABLE.communes("Lâm Đồng", LocalDate.of(2025, 6, 30)).isEmpty());
        assertTrue(TABLE.communes("Gia Lai", AFTER).isEmpty(), "a province the table does not cover");
        assertEquals(10, TABLE.districts("Quảng Trị", LocalDate.of(2025, 6, 30)).size());
        assertTrue(TABLE.districts("Quảng Trị", AFTER).isEmpty());
    }

    @Test
    void a_commune_is_found_by_its_type_and_name_in_any_spelling() {
        assertEquals("Đông Hà", TABLE.commune("Quảng Trị", "PHƯỜNG", "dong ha", AFTER).orElseThrow().name());
        assertEquals("đặc khu", TABLE.commune("Quảng Trị", "đặc khu", "Cồn Cỏ", AFTER).orElseThrow().type());
        assertTrue(TABLE.commune("Quảng Trị", "xã", "Đông Hà", AFTER).isEmpty(), "Đông Hà is a phường");
        assertTrue(TABLE.commune("Quảng Trị", "phường", "Đông Hà", LocalDate.of(2024, 1, 1)).isEmpty());
    }

    @Test
    void a_commune_row_of_an_unknown_type_is_refused_with_its_table_and_line(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("communes.tsv"), "# test\nthị trấn\tÁi Tử\tQuảng Trị\t2025-07-01\t\n",
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminUnits.load(dir));
        assertTrue(e.getMessage().startsWith("communes.tsv line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("thị trấn"), e.getMessage());
    }

    @Test
    void every_unit_of_the_table_is_found_by_name_in_capitals_as_a_scan_of_the_table_finds_it() {
        LocalDate before = AdminUnits.LAST_DISTRICT_DAY;
        List<AdminUnits.Unit> provinces = TABLE.provinces(before);
        assertTrue(provinces.size() >= 63, "the 63 provinces before the 2025 reform");
        Map<String, Long> districtNames = provinces.stream().flatMap(p -> TABLE.districts(p.name(), before).stream())
                .collect(Collectors.groupingBy(d -> vn.archive.text.Locality.fold(d.name()), Collectors.counting()));
        int districts = 0;
        for (AdminUnits.Unit p : provinces) {
            assertEquals(p, TABLE.province(p.name().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
            for (AdminUnits.Unit d : TABLE.districts(p.name(), before)) {
                String upper = d.name().toUpperCase(java.util.Locale.ROOT);
                AdminUnits.Unit first = TABLE.districts(p.name(), before).stream()
                        .filter(x -> x.name().equalsIgnoreCase(d.name())).findFirst().orElseThrow();
                assertEquals(first, TABLE.district(p.name().toUpperCase(java.util.Locale.ROOT), upper).orElseThrow());
                boolean unique = districtNames.get(vn.archive.text.Locality.fold(d.name())) == 1;
                assertEquals(unique, TABLE.districtAnywhere(upper).isPresent(), d.name() + " of " + p.name());
                districts++;
            }
            for (AdminUnits.Unit c : TABLE.communes(p.name(), AFTER)) {
                assertEquals(c, TABLE.commune(p.name(), c.type().toUpperCase(java.util.Locale.ROOT),
                        c.name().toUpperCase(java.util.Locale.ROOT), AFTER).orElseThrow());
            }
        }
        assertTrue(districts > 600, "every district-level unit of 30 June 2025: " + districts);
        assertTrue(TABLE.province("Atlantis").isEmpty());
        assertTrue(TABLE.district("Lâm Đồng", "Triệu Phong").isEmpty(), "a district of another province");
    }
}
