package vn.archive.meta;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisplayCaseTest {
    private final DisplayCase casing = new DisplayCase(Dictionaries.builtIn());

    @Test
    void a_header_in_capitals_keeps_capitals_only_on_names() {
        assertEquals("Ban Thường vụ Huyện ủy Triệu Phong", casing.apply("BAN THƯỜNG VỤ HUYỆN ỦY TRIỆU PHONG"));
        assertEquals("Đảng bộ tỉnh Lâm Đồng", casing.apply("ĐẢNG BỘ TỈNH LÂM ĐỒNG"));
        assertEquals("Bộ Tài nguyên và Môi trường", casing.apply("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"));
    }

    @Test
    void the_word_after_the_head_of_a_body_opens_its_name_and_abbreviations_stay_capitals() {
        assertEquals("Sở Y tế", casing.apply("SỞ Y TẾ"));
        assertEquals("Cục Thuế tỉnh Lâm Đồng", casing.apply("CỤC THUẾ TỈNH LÂM ĐỒNG"));
        assertEquals("UBND tỉnh Lâm Đồng", casing.apply("UBND TỈNH LÂM ĐỒNG"));
        assertEquals("Đảng bộ tỉnh Lâm Đồng", casing.apply("ĐẢNG BỘ TỈNH LÂM ĐỒNG"));
    }

    @Test
    void the_old_tone_placement_of_uỷ_reads_as_ủy() {
        assertEquals("Ủy ban nhân dân tỉnh Tuyên Quang", casing.apply("UỶ BAN NHÂN DÂN TỈNH TUYÊN QUANG"));
    }

    @Test
    void display_casing_does_not_depend_on_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            for (String tag : new String[] {"tr", "vi", "en"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals("Ban Chỉ đạo thi đua khen thưởng tỉnh Lâm Đồng",
                        casing.apply("BAN CHỈ ĐẠO THI ĐUA KHEN THƯỞNG TỈNH LÂM ĐỒNG"), tag);
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void a_capitals_word_without_a_vowel_is_an_abbreviation_the_dictionaries_need_not_know() {
        assertEquals("BCĐ xây dựng đề án phường ĐCVMĐT", casing.apply("BCĐ XÂY DỰNG ĐỀ ÁN PHƯỜNG ĐCVMĐT"));
        assertEquals("Phòng GD&ĐT", casing.apply("PHÒNG GD&ĐT"));
    }
}
