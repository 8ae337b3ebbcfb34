package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers of real bodies, on fixtures made from the patterns of the real documents ({@code src/test/resources/real/}). */
class RealHeadersTest {
    private final MetadataExtractor metadata = new MetadataExtractor(Dictionaries.builtIn());

    private DocumentMetadata read(String text) {
        return metadata.extract(text);
    }

    @Test
    void the_central_committees_office_is_a_central_party_body() {
        DocumentMetadata m = read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                VĂN PHÒNG
                *
                Số 36-HD/VPTW
                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Nội, ngày 03 tháng 4 năm 2018
                HƯỚNG DẪN
                THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY VĂN BẢN CỦA ĐẢNG
                """);
        assertEquals("trung ương", m.level());
        assertEquals("party", m.sector());
    }

    @Test
    void a_ministry_and_a_ministry_level_committee_are_central_state_bodies() {
        DocumentMetadata ministry = read("""
                BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
                Số: 02/2022/TT-BLĐTBXH
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 30 tháng 3 năm 2022
                THÔNG TƯ
                Sửa đổi, bổ sung một số nội dung của Thông tư số 07/2021/TT-BLĐTBXH
                """);
        assertEquals("trung ương", ministry.level());
        assertEquals("state", ministry.sector());
        DocumentMetadata committee = read("""
                ỦY BAN DÂN TỘC
                Số: 12/QĐ-UBDT
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 10 tháng 1 năm 2023
                QUYẾT ĐỊNH
                Về việc ban hành Kế hoạch công tác năm 2023
                """);
        assertEquals("Ủy ban Dân tộc", committee.issuer());
        assertEquals("trung ương", committee.level());
        assertEquals("state", committee.sector());
    }

    @Test
    void the_party_committee_of_ho_chi_minh_city_is_at_province_level() {
        DocumentMetadata m = read("""
                THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH
                *
                Số 15-CT/TU
                ĐẢNG CỘNG SẢN VIỆT NAM
                Thành phố Hồ Chí Minh, ngày 12 tháng 5 năm 2022
                CHỈ THỊ
                về tăng cường công tác dân vận
                """);
        assertEquals("tỉnh", m.level());
        assertEquals("party", m.sector());
    }

    @Test
    void a_header_that_lost_its_first_letter_is_still_the_provincial_peoples_committee() {
        DocumentMetadata m = read("""
                Y BAN NHÂN DÂN
                TỈNH KON TUM
                Số: 1240/QĐ-UBND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Kon Tum, ngày 09 tháng 11 năm 2020
                QUYẾT ĐỊNH
                Về việc phê duyệt Đề án
                """);
        assertEquals("Ủy ban nhân dân tỉnh Kon Tum", m.issuer());
        assertEquals("tỉnh", m.level());
        assertEquals("state", m.sector());
    }

    @Test
    void a_joint_regulation_of_the_peoples_committee_and_the_front_keeps_both_issuers() {
        DocumentMetadata m = read("""
                ỦY BAN NHÂN DÂN TỈNH KON TUM
                ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM
                Số: 01/QCPH/UBND-UBMTTQ
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Kon Tum, ngày 15 tháng 3 năm 2021
                QUY CHẾ PHỐI HỢP
                giữa Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh
                """);
        assertEquals("01/QCPH/UBND-UBMTTQ", m.number());
        assertTrue(m.issuer().contains("Ủy ban nhân dân tỉnh Kon Tum") && m.issuer().contains("MTTQ"), m.issuer());
        assertNull(m.parentIssuer(), "the front is no part of the people's committee");
        assertEquals("tỉnh", m.level());
    }

    @Test
    void a_regulation_printed_under_the_decision_that_issues_it_does_not_take_its_number() {
        DocumentMetadata m = read("""
                QUY CHẾ
                Làm việc của Ủy ban nhân dân tỉnh
                (Ban hành kèm theo Quyết định số 28/2021/QĐ-UBND ngày 15 tháng 7 năm 2021 của Ủy ban nhân dân tỉnh)
                Chương I
                QUY ĐỊNH CHUNG
                """);
        assertEquals("Quy chế", m.kind());
        assertNull(m.number());
        assertTrue(m.references().stream().anyMatch(r -> "28/2021/QĐ-UBND".equals(r.number())), m.references()::toString);
    }

    @Test
    void a_title_is_never_a_lone_colon() {
        DocumentMetadata m = read("""
                ỦY BAN NHÂN DÂN
                TỈNH AN GIANG
                Số: 186/QĐ-UBND
                An Giang, ngày 26 tháng 01 năm 2018
                QUYẾT ĐỊNH
                :
                CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG
                Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
                """);
        assertTrue(m.title() == null || m.title().chars().anyMatch(Character::isLetter), m.title());
    }

    @Test
    void a_cited_issuer_goes_on_across_a_line_break_in_ocr_text() {
        DocumentMetadata m = read("Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp\nhành Trung ương Đảng khóa "
                + "XII về một số vấn đề tiếp tục đổi mới.");
        Reference r = m.references().get(0);
        assertEquals("Ban Chấp hành Trung ương Đảng", r.issuer().replace('\n', ' '));
    }

    @Test
    void the_effective_date_is_read_from_the_effect_clause() {
        DocumentMetadata fixed = read("""
                Số: 14/2014/QĐ-UBND
                Long An, ngày 10 tháng 3 năm 2014
                Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 20 tháng 3 năm 2014 và thay thế Quyết định số 44/2010/QĐ-UBND.
                """);
        assertEquals(LocalDate.of(2014, 3, 20), fixed.effectiveFrom());
        DocumentMetadata signed = read("""
                Số: 186/QĐ-UBND
                An Giang, ngày 26 tháng 01 năm 2018
                Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
                """);
        assertEquals(LocalDate.of(2018, 1, 26), signed.effectiveFrom());
        assertNull(read("Thông tư số 33/2017/TT-BTNMT hết hiệu lực kể từ ngày Thông tư này có hiệu lực.").effectiveFrom());
    }

    @Test
    void a_text_whose_header_was_lost_takes_its_kind_level_and_sector_from_its_operative_formula() {
        DocumentMetadata decision = read("""
                Căn cứ Điều lệ Đảng;
                Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khóa X,
                BỘ CHÍNH TRỊ QUYẾT ĐỊNH
                Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận của hệ thống chính trị.
                """);
        assertEquals("Quyết định", decision.kind());
        assertEquals("trung ương", decision.level());
        assertEquals("party", decision.sector());
        assertTrue(decision.inferred().contains("kind") && decision.inferred().contains("level"), decision.inferred()::toString);
        DocumentMetadata programme = read("Căn cứ Kế hoạch số 164-KH/TU ngày 24 tháng 8 năm 2022 của Ban Thường vụ Tỉnh ủy, "
                + "Ủy ban nhân dân tỉnh ban hành Chương trình triển khai thực hiện cụ thể như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n");
        assertEquals("tỉnh", programme.level());
        assertEquals("state", programme.sector());
        DocumentMetadata resolution = read("Hội đồng nhân dân tỉnh khóa IX, kỳ họp thứ 6;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua.");
        assertEquals("Nghị quyết", resolution.kind());
    }

    @Test
    void a_regulation_printed_under_its_decisions_header_is_kept_apart_from_the_decision() {
        DocumentMetadata m = read("""
                ỦY BAN NHÂN DÂN
                TỈNH KON TUM
                Số: 28/2021/QĐ-UBND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Kon Tum, ngày 15 tháng 7 năm 2021
                QUY CHẾ
                Làm việc của Ủy ban nhân dân tỉnh Kon Tum nhiệm kỳ 2021 - 2026
                (Ban hành kèm theo Quyết định số 28/2021/QĐ-UBND ngày 15 tháng 7 năm 2021 của Ủy ban nhân dân tỉnh)
                Chương I
                QUY ĐỊNH CHUNG
                """);
        assertEquals("Quy chế", m.kind());
        assertNull(m.number(), "the number printed above is the decision's");
        assertTrue(m.references().stream().anyMatch(r -> "28/2021/QĐ-UBND".equals(r.number())), m.references()::toString);
    }

    @Test
    void a_party_qd_number_without_its_kind_line_is_a_quy_dinh_when_the_text_regulates() {
        String header = """
                BAN CHẤP HÀNH TRUNG ƯƠNG
                *
                Số %s
                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Nội, ngày 6 tháng 02 năm 2017
                """;
        DocumentMetadata regulation = read(header.formatted("66-QĐ/TW") + "- Căn cứ Điều lệ Đảng;\n"
                + "Ban Bí thư quy định thể thức và kỹ thuật trình bày văn bản của Đảng như sau:\n1- Phạm vi điều chỉnh\n");
        assertEquals("Quy định", regulation.kind());
        DocumentMetadata decision = read(header.formatted("290-QĐ/TW") + "Căn cứ Điều lệ Đảng;\nBỘ CHÍNH TRỊ QUYẾT ĐỊNH\n"
                + "Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận.\n");
        assertEquals("Quyết định", decision.kind());
    }

    @Test
    void a_provincial_department_is_named_as_its_header_line_with_the_committee_above_it_as_parent() {
        DocumentMetadata m = read("""
                TỈNH UỶ HÀ TĨNH
                BAN TUYÊN GIÁO
                *
                Số 369 - CV/BTGTU
                Gửi Đề cương tuyên truyền

                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Tĩnh, ngày 15 tháng 6 năm 2021
                """);
        assertEquals("Ban Tuyên giáo", m.issuer());
        assertEquals("Tỉnh ủy Hà Tĩnh", m.parentIssuer());
        assertEquals("tỉnh", m.level());
        assertEquals("party", m.sector());
    }

    @Test
    void a_header_flattened_row_by_row_keeps_both_left_cells_as_body_and_parent() {
        DocumentMetadata m = read("""
                UBND HUYỆN CHÂU THÀNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc
                Số : 215 /PGDĐT-VP Châu Thành, ngày 05 tháng 11 năm 2012
                V/v báo cáo nhanh tình hình
                """);
        assertEquals("Phòng Giáo dục và Đào tạo", m.issuer());
        assertEquals("UBND huyện Châu Thành", m.parentIssuer());
        assertEquals("huyện", m.level());
        assertEquals("state", m.sector());
        DocumentMetadata committee = read("""
                ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                TỈNH KON TUM Độc Lập - Tự Do - Hạnh Phúc

                Số: 54/UBND-KTTH Kon Tum, ngày 6 tháng 4 năm 2011
                """);
        assertEquals("Ủy ban nhân dân tỉnh Kon Tum", committee.issuer());
        assertNull(committee.parentIssuer());
        assertEquals("tỉnh", committee.level());
    }

    @Test
    void a_known_body_wrapped_over_two_header_lines_is_one_issuer_not_a_body_and_its_parent() {
        DocumentMetadata m = read("""
                ỦY BAN THƯỜNG VỤ
                QUỐC HỘI
                --------
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Nghị quyết số: 12/2020/UBTVQH14
                Hà Nội, ngày 10 tháng 3 năm 2020
                """);
        assertEquals("Ủy ban Thường vụ Quốc hội", m.issuer());
        assertNull(m.parentIssuer());
        assertEquals("trung ương", m.level());
    }

    @Test
    void a_signature_marked_da_ky_between_position_and_name_keeps_the_name() {
        DocumentMetadata m = read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                *
                Số 15-QĐ/TW
                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Nội, ngày 25 tháng 02 năm 2011
                QUYẾT ĐỊNH
                ban hành Quy chế công tác văn thư
                Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác văn thư.
                Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

                T/M BỘ CHÍNH TRỊ
                TỔNG BÍ THƯ
                (đã ký)
                Trần Văn Bình
                """);
        assertEquals("Trần Văn Bình", m.signer().name());
        assertEquals("Tổng Bí thư", m.signer().position());
    }

    @Test
    void a_text_without_header_takes_level_and_sector_from_a_body_glued_to_a_year_or_standing_before_quyet_nghi() {
        DocumentMetadata guide = read("""
                Căn cứ Kết luận số 45-KL/TW ngày 18/2/2019 của Bộ Chính trị; ý kiến chỉ đạo của Ban Bí thư về các ngày lễ lớn trong năm 2023Ban Dân vận Trung ương hướng dẫn công tác tuyên truyền như sau:
                I. MỤC ĐÍCH, YÊU CẦU
                """);
        assertEquals("trung ương", guide.level());
        assertEquals("party", guide.sector());
        DocumentMetadata resolution = read("""
                Đại hội đại biểu Đảng bộ huyện lần thứ XX, nhiệm kỳ 2020 - 2025 diễn ra trong hai ngày, toàn bộ chương trình đã hoàn thành. Đại hội đại biểu Đảng bộ huyện lần thứ XX;

                QUYẾT NGHỊ

                I- Tán thành những nội dung về đánh giá kết quả nhiệm kỳ 2015 - 2020.
                """);
        assertEquals("Nghị quyết", resolution.kind());
        assertEquals("huyện", resolution.level());
        assertEquals("party", resolution.sector());
    }

    @Test
    void a_department_printed_after_the_motto_right_above_its_number_is_the_issuer_under_the_committee() {
        DocumentMetadata m = read("""
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ĐẢNG CỘNG SẢN VIỆT NAM
                *
                Hà Nội, ngày 10 tháng 5 năm 2015
                BAN TUYÊN GIÁO
                Số: 40-HD/BTGTW

                HƯỚNG DẪN
                tuyên truyền kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh
                """);
        assertEquals("Ban Tuyên giáo", m.issuer());
        assertEquals("Ban Chấp hành Trung ương", m.parentIssuer());
        assertEquals("trung ương", m.level());
    }

    @Test
    void the_v_v_inside_a_cited_symbol_does_not_make_a_headerless_guidance_a_letter() {
        DocumentMetadata m = read("""
                Căn cứ ý kiến chỉ đạo của Ban Bí thư tại Công văn số 1740-CV/VPTW ngày 07/9/2021 về việc tổ chức kỷ niệm các ngày lễ lớn, Ban Tuyên giáo Trung ương hướng dẫn công tác tuyên truyền như sau:
                I. MỤC ĐÍCH, YÊU CẦU
                """);
        assertEquals("Hướng dẫn", m.kind(), "no kind line, no V/v line: its formula 'hướng dẫn … như sau', not a letter");
        assertNull(m.title());
    }

    @Test
    void a_gazette_title_gives_the_number_the_date_and_the_issuer_on_its_own_lines_in_capitals() {
        DocumentMetadata m = read("""
                CHỈ THỊ
                CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 07/2003/CT-TTG
                NGÀY 12 THÁNG 3 NĂM 2003 VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ
                NHÀ NƯỚC ĐỐI VỚI HOẠT ĐỘNG XUẤT KHẨU
                Thực hiện Nghị quyết số 02/2003/NQ-CP ngày 17 tháng 1 năm 2003 của Chính phủ về một số chủ trương,
                Thủ tướng Chính phủ yêu cầu các Bộ, ngành tập trung thực hiện tốt các nhiệm vụ sau đây.
                """);
        assertEquals("Chỉ thị", m.kind());
        assertEquals("07/2003/CT-TTg", m.number(), "the issuer's code as it is written, not in the title's capitals");
        assertEquals(LocalDate.of(2003, 3, 12), m.date(), "the title's date, not the cited resolution's");
        assertEquals("Thủ tướng Chính phủ", m.issuer());
        assertNull(m.place(), "a Gazette title names no place");
        assertTrue(m.references().stream().noneMatch(r -> r.number() != null && r.number().startsWith("07/2003")),
                "its own number is no citation: " + m.references());
    }

    @Test
    void a_youth_union_decision_glued_into_one_line_keeps_its_number_kind_and_central_mass_body() {
        DocumentMetadata m = read("BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 212 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 12 "
                + "tháng 5 năm 2015 QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN TNCS HỒ "
                + "CHÍ MINH- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của "
                + "Ban Chấp hành Trung ương Đoàn; QUYẾT ĐỊNH Điều 1. Ban hành kèm theo quyết định này Quy chế làm việc.");
        assertEquals("212-QĐ/TWĐTN-VP", m.number(), "the next header line's first word is not part of the symbol");
        assertEquals("Quyết định", m.kind());
        assertEquals(LocalDate.of(2015, 5, 12), m.date());
        assertEquals("Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", m.issuer(), "the symbol's body goes on from the printed line");
        assertEquals("trung ương", m.level());
        assertEquals("mass", m.sector());
        assertEquals(List.of("84-QĐ/TWĐTN"), m.references().stream().map(Reference::number).toList(),
                "its own glued number is no citation; the cited one lost its dash");
    }

    @Test
    void a_header_whose_cells_a_mirror_broke_inside_words_keeps_its_body_and_its_two_word_place() {
        DocumentMetadata m = read("""
                ỦY
                BAN NHÂN DÂN
                TỈNH BÌNH ĐỊNH
                --------
                |
                CỘNG
                HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                ---------------
                |
                Số:
                21/2009/QĐ-UBND
                |
                Quy
                Nhơn, ngày 05 tháng 8 năm 2009
                |
                QUYẾT ĐỊNH
                BAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ CHỢ
                """);
        assertEquals("Ủy ban nhân dân tỉnh Bình Định", m.issuer(), "the motto broken after 'CỘNG' still ends the column");
        assertEquals("tỉnh", m.level());
        assertEquals("Quy Nhơn", m.place());
        assertEquals("21/2009/QĐ-UBND", m.number());
    }

    @Test
    void the_table_borders_a_mirror_kept_are_no_part_of_the_issuers_name() {
        DocumentMetadata m = read("""
                |
                CHỦ TỊCH ỦY BAN
                NHÂN DÂN |
                CỘNG HÒA XÃ HỘI
                CHỦ NGHĨA VIỆT NAM |
                |
                Số: 12/2024/QĐ-CTUBND |
                Kon Tum, ngày 03 tháng 4 năm 2024 |
                Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
                """);
        assertEquals("Chủ tịch Ủy ban nhân dân", m.issuer());
        assertEquals("Kon Tum", m.place());
    }

    @Test
    void a_youth_union_signature_glued_into_one_line_keeps_the_permanent_secretarys_name() {
        DocumentMetadata m = read("Điều 3. Quyết định này có hiệu lực từ ngày ký. Nơi nhận: - Như điều 3; - Lưu VP. "
                + "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Đắc Vinh");
        assertEquals("Nguyễn Đắc Vinh", m.signer().name());
        assertEquals("Bí thư Thường trực", m.signer().position(), "the authority's last word glued to the position");
        assertTrue(m.signer().authority().startsWith("TM. Ban Bí thư Trung ương"), m.signer().authority());
    }
}
