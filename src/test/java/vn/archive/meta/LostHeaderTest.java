package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Texts whose header a web page lost or broke, on fixtures made from the patterns of the real set's tuning part
 * ({@code src/test/resources/real/064–083}): what the body still says of the kind, the level and sector, which
 * "ngày …" is not the document's own date, and the bare signature of an old Gazette text.
 */
class LostHeaderTest {
    private final MetadataExtractor metadata = new MetadataExtractor(Dictionaries.builtIn());

    private static void assertLevel(DocumentMetadata m, String level, String sector) {
        assertEquals(level + " / " + sector, m.level() + " / " + m.sector(), "level / sector");
    }

    @Test
    void a_body_that_guides_as_follows_makes_a_huong_dan_of_a_text_without_kind_line() {
        DocumentMetadata m = metadata.extract("""
                Năm 2015 toàn Đảng, toàn dân ta tổ chức kỷ niệm 85 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2015).
                Thực hiện Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị, Ban Tuyên giáo Trung ương hướng dẫn \
                công tác tuyên truyền các ngày lễ lớn năm 2015 như sau:
                I. MỤC ĐÍCH, YÊU CẦU
                """);
        assertEquals("Hướng dẫn", m.kind());
        assertLevel(m, "trung ương", "party");
        assertNull(m.issuer(), "a body named only in the text is not a printed issuer");
    }

    @Test
    void a_committee_that_issues_a_plan_as_follows_makes_a_ke_hoach_and_a_cited_decrees_date_is_not_its_own() {
        DocumentMetadata m = metadata.extract("""
                Thực hiện Nghị định số 45/2020/NĐ-CP ngày 08 tháng
                4 năm 2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử, Ủy ban nhân dân tỉnh \
                ban hành Kế hoạch triển
                khai như sau:
                1. Mục đích
                """);
        assertEquals("Kế hoạch", m.kind());
        assertNull(m.date(), "08/4/2020 is the decree's date");
        assertNull(m.place(), "'NĐ-CP' is the decree's symbol, not a place");
    }

    @Test
    void a_party_plans_number_in_a_capitals_title_gives_neither_place_nor_date() {
        DocumentMetadata m = metadata.extract("""
                CHƯƠNG TRÌNH
                THỰC HIỆN KẾ HOẠCH SỐ 27-KH/TU NGÀY 10 THÁNG 3 NĂM 2021 CỦA BAN THƯỜNG VỤ TỈNH ỦY
                Căn cứ Kế hoạch số 27-KH/TU ngày 10 tháng 3 năm 2021 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân \
                tỉnh ban hành Chương trình như sau:
                """);
        assertNull(m.date());
        assertNull(m.place(), "'TU' ends the plan's symbol");
    }

    @Test
    void a_government_that_enacts_across_a_line_break_gives_central_state_level() {
        DocumentMetadata m = metadata.extract("""
                NGHỊ ĐỊNH
                QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA BỘ NỘI VỤ
                Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
                Chính phủ
                ban hành Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ.
                """);
        assertEquals("Nghị định", m.kind());
        assertLevel(m, "trung ương", "state");
    }

    @Test
    void a_district_committee_that_announces_gives_district_state_level() {
        DocumentMetadata m = metadata.extract("""
                Để thực hiện Thông báo số 120/TB-UBND ngày 02/3/2022 của UBND tỉnh, UBND huyện thông báo lịch tiếp \
                công dân tháng 3 năm 2022 như sau:
                """);
        assertLevel(m, "huyện", "state");
    }

    @Test
    void the_party_name_broken_over_two_lines_ends_the_issuers_column() {
        DocumentMetadata m = metadata.extract("""
                BỘ
                CHÍNH TRỊ
                -------
                ĐẢNG
                CỘNG SẢN VIỆT NAM
                ---------
                Số:
                105-QĐ/TW
                Hà
                Nội, ngày 19 tháng 12 năm 2017
                QUY ĐỊNH
                VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ
                """);
        assertEquals("Bộ Chính trị", m.issuer());
        assertLevel(m, "trung ương", "party");
    }

    @Test
    void the_council_of_ministers_is_a_central_state_body_not_a_minister_under_a_council() {
        DocumentMetadata m = metadata.extract("""
                HỘI ĐỒNG BỘ TRƯỞNG
                ********
                CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Số: 64-HĐBT
                Hà Nội, ngày 12 tháng 6 năm 1984
                QUYẾT ĐỊNH
                """);
        assertEquals("Hội đồng Bộ trưởng", m.issuer());
        assertNull(m.parentIssuer());
        assertLevel(m, "trung ương", "state");
    }

    @Test
    void a_name_alone_over_its_da_ky_line_is_the_signer() {
        DocumentMetadata m = metadata.extract("""
                HỘI ĐỒNG BỘ TRƯỞNG
                Số: 64-HĐBT
                Hà Nội, ngày 12 tháng 6 năm 1984
                QUYẾT ĐỊNH
                Điều 2: Đồng chí chủ tịch Uỷ ban nhân dân tỉnh chịu trách nhiệm thi hành quyết định này.

                Tố Hữu

                (Đã ký)
                """);
        assertEquals("Tố Hữu", m.signer().name());
    }

    @Test
    void a_resolution_that_lost_its_kind_line_and_is_titled_quy_dinh_stays_a_resolution() {
        DocumentMetadata m = metadata.extract("""
                HỘI ĐỒNG NHÂN DÂN
                TỈNH ĐỒNG THÁP
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Số: 12/2018/NQ-HĐND
                Đồng Tháp, ngày 12 tháng 7 năm 2018
                QUY ĐỊNH MỨC CHI HỖ TRỢ CÔNG TÁC PHỔ BIẾN PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH ĐỒNG THÁP
                HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP
                Căn cứ Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015;
                QUYẾT NGHỊ:
                Điều 1. Quy định mức chi hỗ trợ công tác phổ biến pháp luật.
                """);
        assertEquals("Nghị quyết", m.kind());
    }

    @Test
    void a_month_glued_to_its_word_still_dates_the_text_and_keeps_its_place() {
        DocumentMetadata m = metadata.extract("""
                UBND TỈNH BÌNH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ Y TẾ Độc lập - Tự do - Hạnh phúc
                Số : 1520 /SYT-VP Phan Thiết, ngày 12 tháng9 năm 2012
                V/v báo cáo tình hình dịch bệnh
                """);
        assertEquals(java.time.LocalDate.of(2012, 9, 12), m.date());
        assertEquals("Phan Thiết", m.place());
    }

    @Test
    void a_conclusion_whose_site_scrambled_its_tone_marks_still_shows_the_politburo_and_secretariat_acting() {
        DocumentMetadata m = metadata.extract("""
                Tạị phíên họp ngàý 17/10/2025, sảụ khí nghẹ Báỏ cáó số 493-BC/VPTW, ngàỳ 16/10/2025 củạ Văn phòng \
                Trụng ương Đảng về kết qũả đạí hộì đảng bộ các cấp, Bộ Chính trị, Bạn Bí thư kết lụận như sạu:
                1. Cơ bản thống nhất vớí Báọ cáo củá Văn phòng Trúng ương Đảng.
                """);
        assertLevel(m, "trung ương", "party");
        assertNull(m.issuer(), "a body named only in the text is not a printed issuer");
    }

    @Test
    void a_politburo_that_asks_the_party_committees_to_act_gives_central_party_level() {
        DocumentMetadata m = metadata.extract("""
                Để Nghị quyết Đại hội XIII của Đảng được triển khai thực hiện nghiêm túc, đạt kết quả, Bộ Chính trị \
                yêu cầu các cấp ủy, tổ chức đảng, các cấp, các ngành tập trung thực hiện tốt một số nội dung sau:
                - Việc nghiên cứu, học tập, quán triệt Nghị quyết là công việc thường xuyên.
                """);
        assertLevel(m, "trung ương", "party");
    }

    @Test
    void a_one_word_body_without_tone_marks_says_nothing_since_so_is_both_a_department_and_a_number() {
        DocumentMetadata m = metadata.extract("""
                Theo thống kê, Số liệu yêu cầu được cập nhật hằng tháng.
                """);
        assertNull(m.level());
        assertNull(m.sector());
    }

    @Test
    void a_letter_to_the_heads_of_preschools_primary_and_lower_secondary_schools_comes_from_a_district() {
        DocumentMetadata m = metadata.extract("""
                Kính gửi:

                Hiệu trưởng các trường MN, TH, THCS và TH&THCS trên toàn thị xã
                Do tình trạng ngập lụt nghiêm trọng xảy ra trên diện rộng, các đơn vị cho học sinh nghỉ học.
                Đề nghị Hiệu trưởng các đơn vị chấp hành nghiêm túc./.
                """);
        assertEquals(java.util.List.of("Hiệu trưởng các trường MN, TH, THCS và TH&THCS trên toàn thị xã"),
                m.recipients(), "one undashed addressee on the line after 'Kính gửi:'");
        assertLevel(m, "huyện", "state");
        assertEquals(true, m.inferred().contains("level"), "the level is inferred, and said so");
    }

    @Test
    void a_letter_to_upper_secondary_schools_and_the_district_offices_comes_from_a_province() {
        DocumentMetadata m = metadata.extract("""
                Kính gửi:
                - Trưởng phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố;
                - Hiệu trưởng các trường THPT, THCS.
                Sở Giáo dục và Đào tạo đề nghị các đơn vị báo cáo số học sinh nghỉ học do lũ lụt.
                """);
        assertLevel(m, "tỉnh", "state");
    }

    @Test
    void a_letter_to_the_district_party_committees_comes_from_a_provincial_party_body() {
        DocumentMetadata m = metadata.extract("""
                Kính gửi:
                - Các huyện ủy, thị ủy, thành ủy;
                - Các đảng ủy trực thuộc.
                Đề nghị các cấp ủy chỉ đạo tổ chức sinh hoạt chính trị trong toàn đảng bộ.
                """);
        assertLevel(m, "tỉnh", "party");
    }

    @Test
    void a_printed_header_outranks_what_the_addressees_show() {
        DocumentMetadata m = metadata.extract("""
                UBND TỈNH NINH THUẬN
                SỞ GIÁO DỤC VÀ ĐÀO TẠO
                Số: 120/SGDĐT-VP
                Kính gửi: Hiệu trưởng các trường Tiểu học.
                Sở đề nghị các trường báo cáo.
                """);
        assertLevel(m, "tỉnh", "state");
    }

    @Test
    void a_cited_letters_issuer_and_date_after_cua_are_neither_the_place_nor_the_date() {
        DocumentMetadata m = metadata.extract("""
                Kính gửi: Hiệu trưởng các trường Tiểu học.
                Căn cứ công văn số 215/SGDĐT-GDTH của Sở Giáo dục và Đào tạo Thành phố Đà Nẵng ngày 12 tháng 3 năm \
                2022 về tổ chức ngày hội đọc sách;
                Phòng Giáo dục và Đào tạo đề nghị các trường thực hiện như sau:
                """);
        assertNull(m.place(), "Đà Nẵng ends the cited Sở's name");
        assertNull(m.date(), "12/3/2022 is the cited letter's date");
    }
}
