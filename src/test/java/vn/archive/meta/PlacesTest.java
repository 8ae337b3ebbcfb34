package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacesTest {
    private static final Dictionaries DICTIONARIES = Dictionaries.builtIn();
    private final Places places = DICTIONARIES.places();
    private final MetadataExtractor extractor = new MetadataExtractor(DICTIONARIES);

    /** A Party letter with no issuer line, like the Triệu Phong seed: the issuer follows from symbol and place. */
    private static String letterWithoutIssuer(String place, String body) {
        return place + ", ngày 30 tháng 7 năm 2019\n\n*\n\nSố 12-CV/HU\n\nV/v đẩy mạnh phong trào thi đua\n\n"
                + "Kính gửi: Các cấp ủy cơ sở.\n\n" + body + "\n\nNơi nhận:\n- Như kính gửi,\n- Lưu VP.\n\n"
                + "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n";
    }

    @Test
    void every_province_has_its_districts_and_every_district_a_listed_province() {
        Map<String, Long> districts = DICTIONARIES.adminUnits().stream().filter(u -> u.level().equals("huyện"))
                .collect(Collectors.groupingBy(Dictionaries.AdminUnit::province, Collectors.counting()));
        Map<String, Dictionaries.AdminUnit> provinces = DICTIONARIES.adminUnits().stream()
                .filter(u -> u.level().equals("tỉnh"))
                .collect(Collectors.toMap(Dictionaries.AdminUnit::name, Function.identity()));
        assertEquals(63, provinces.size());
        assertEquals(provinces.keySet(), districts.keySet());
        assertTrue(districts.values().stream().mapToLong(Long::longValue).sum() > 650,
                "district-level units: " + districts);
    }

    @Test
    void a_district_named_in_two_provinces_takes_the_province_the_text_names() {
        Dictionaries.AdminUnit baoLam = places.locality("huyện", "Bảo Lâm", "Thực hiện Kế hoạch của Tỉnh ủy Cao Bằng");
        assertEquals("Cao Bằng", baoLam.province());
        assertEquals("Lâm Đồng", places.locality("huyện", "Bảo Lâm", "các xã của tỉnh Lâm Đồng").province());
        assertEquals("Tiền Giang", places.locality("huyện", "Châu Thành", "ĐẢNG BỘ TỈNH TIỀN GIANG").province());
    }

    @Test
    void a_district_of_several_provinces_with_no_province_named_gets_no_guessed_province() {
        Dictionaries.AdminUnit u = places.locality("huyện", "Châu Thành", "Các chi bộ trực thuộc thực hiện.");
        assertEquals("Châu Thành", u.name());
        assertNull(u.province());
    }

    @Test
    void a_name_that_is_a_province_and_one_of_its_districts_is_read_at_the_level_asked() {
        Dictionaries.AdminUnit district = places.locality("huyện", "Điện Biên", "");
        assertEquals("huyện", district.level());
        assertEquals("Điện Biên", district.province());
        Dictionaries.AdminUnit province = places.locality("tỉnh", "Điện Biên", "");
        assertEquals("tỉnh", province.level());
        assertNull(province.province());
        assertEquals("Điện Biên Đông", places.locality("huyện", null, "tại huyện Điện Biên Đông, tỉnh Điện Biên").name(),
                "the longer name wins where the text names a district");
        assertEquals("Hà Tĩnh", places.locality("huyện", "Kỳ Anh", "").province(), "a town and a district of one province");
    }

    @Test
    void a_numbered_urban_district_and_an_abbreviated_city_are_found_by_their_printed_place() {
        Dictionaries.AdminUnit q4 = places.locality("huyện", "Quận 4", "");
        assertEquals("4", q4.name());
        assertEquals("Hồ Chí Minh", q4.province());
        assertEquals("Hồ Chí Minh", places.locality("tỉnh", "TP. Hồ Chí Minh", "").name());
        assertEquals("Ninh Thuận", places.locality("huyện", "Phan Rang - Tháp Chàm", "").province());
        assertEquals("Đắk Lắk", places.locality("huyện", "Ea H'leo", "").province());
    }

    @Test
    void a_word_inside_a_multi_word_place_name_continues_it() {
        String[] words = Arrays.stream("ủy ban nhân dân thành phố hải phòng".split(" ")).map(Places::canon)
                .toArray(String[]::new);
        assertTrue(places.continuesName(words, 7), "PHÒNG of HẢI PHÒNG is no office");
        assertFalse(places.continuesName(words, 1), "BAN of ỦY BAN is no place");
    }

    @Test
    void a_letter_from_a_district_anywhere_in_the_country_infers_its_issuer_and_province() {
        DocumentMetadata m = extractor.extract(letterWithoutIssuer("Ea H'leo",
                "Thực hiện Kế hoạch của Ban Thường vụ Tỉnh ủy, các chi bộ báo cáo kết quả."));
        assertEquals("Ban Thường vụ Huyện ủy Ea H'leo", m.issuer());
        assertEquals("Đảng bộ tỉnh Đắk Lắk", m.parentIssuer());
        assertEquals("huyện", m.level());
        assertTrue(m.inferred().contains("parentIssuer"));
    }

    @Test
    void a_letter_from_a_district_name_shared_by_provinces_infers_the_province_only_when_the_text_names_it() {
        DocumentMetadata named = extractor.extract(letterWithoutIssuer("Châu Thành",
                "Thực hiện Kế hoạch của Tỉnh ủy Bến Tre, các chi bộ báo cáo kết quả."));
        assertEquals("Ban Thường vụ Huyện ủy Châu Thành", named.issuer());
        assertEquals("Đảng bộ tỉnh Bến Tre", named.parentIssuer());

        DocumentMetadata unnamed = extractor.extract(letterWithoutIssuer("Châu Thành",
                "Các chi bộ báo cáo kết quả về Ban Thường vụ Huyện ủy."));
        assertEquals("Ban Thường vụ Huyện ủy Châu Thành", unnamed.issuer());
        assertNull(unnamed.parentIssuer(), "seven provinces have a Châu Thành: the province is not guessed");
        assertFalse(unnamed.inferred().contains("parentIssuer"));
        assertEquals("huyện", unnamed.level());
    }
}
