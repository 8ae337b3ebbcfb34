package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Headers that came through damaged, on fixtures made from the patterns of the real set: a department line that OCR
 * spoiled under its committee, and a body whose name wraps before its place.
 */
class DamagedHeaderTest {
    private final MetadataExtractor metadata = new MetadataExtractor(Dictionaries.builtIn());

    @Test
    void a_department_line_that_ocr_spoiled_stays_apart_from_the_committee_above_it() {
        DocumentMetadata m = metadata.extract("""
                TỈNH ỦY ĐỒNG NAI
                VĂN PHỊNG
                *

                ĐẢNG CỘNG SẢN VIỆT NAM
                Đồng Nai, ngày 10 tháng 3 năm 2020
                """);
        assertEquals("Văn phịng", m.issuer());
        assertEquals("Tỉnh ủy Đồng Nai", m.parentIssuer());
        assertEquals("tỉnh / party", m.level() + " / " + m.sector());
    }

    @Test
    void an_office_without_a_head_word_under_a_provincial_committee_is_its_own_issuer() {
        DocumentMetadata m = metadata.extract("""
                ỦY BAN NHÂN DÂN TỈNH KON TUM
                THANH TRA TỈNH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 15/TTr
                Kon Tum, ngày 3 tháng 4 năm 2019
                """);
        assertEquals("Thanh tra tỉnh", m.issuer());
        assertEquals("Ủy ban nhân dân tỉnh Kon Tum", m.parentIssuer());
        assertEquals("tỉnh / state", m.level() + " / " + m.sector(), "from the committee above it");
    }

    @Test
    void a_body_wrapped_before_its_place_name_is_still_one_issuer() {
        DocumentMetadata m = metadata.extract("""
                ỦY BAN NHÂN DÂN
                TỈNH LONG AN
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 135/KH-UBND
                Long An, ngày 27 tháng 9 năm 2022
                """);
        assertEquals("Ủy ban nhân dân tỉnh Long An", m.issuer());
        assertNull(m.parentIssuer());
    }

    @Test
    void a_place_name_wrapped_over_two_lines_is_not_cut_into_a_department() {
        DocumentMetadata m = metadata.extract("""
                TỈNH ỦY BÀ RỊA
                VŨNG TÀU
                *
                ĐẢNG CỘNG SẢN VIỆT NAM
                Bà Rịa, ngày 5 tháng 1 năm 2022
                """);
        assertNull(m.parentIssuer(), "VŨNG TÀU goes on with the province's name");
        assertEquals("tỉnh / party", m.level() + " / " + m.sector());
    }

    @Test
    void a_place_glued_to_its_abbreviated_type_is_kept_as_printed_and_an_older_subject_label_makes_a_letter() {
        DocumentMetadata m = metadata.extract("""
                UỶ BAN NHÂN DÂN
                THÀNH PHỐ HỒ CHÍ MINH
                SỞ TƯ PHÁP

                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập – Tự do – Hạnh phúc

                Số: 1520/STP-VP
                Về: góp ý dự thảo quy chế phối hợp.

                Tp.Hồ Chí Minh, ngày 12 tháng 5 năm 2009

                Kính gửi: Ủy ban nhân dân các quận, huyện.
                """);
        assertEquals("Tp.Hồ Chí Minh", m.place());
        assertEquals(java.time.LocalDate.of(2009, 5, 12), m.date());
        assertEquals("Công văn", m.kind(), "a subject line and 'Kính gửi' make a letter");
        assertEquals("tỉnh / state", m.level() + " / " + m.sector());
    }
}
