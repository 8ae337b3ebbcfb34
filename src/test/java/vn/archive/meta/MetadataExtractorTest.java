package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Signer;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataExtractorTest {
    private final MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());

    @Test
    void the_Triệu_Phong_letter_infers_its_issuer_from_the_authority_line() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.TRIEU_PHONG));
        assertEquals("Ban Thường vụ Huyện ủy Triệu Phong", m.issuer());
        assertEquals("Đảng bộ tỉnh Quảng Trị", m.parentIssuer());
        assertEquals("huyện", m.level());
        assertEquals("party", m.sector());
        assertTrue(m.inferred().contains("issuer"), "the issuer line is missing, so the value is inferred");
        assertTrue(m.inferred().contains("parentIssuer"));
    }

    @Test
    void the_Triệu_Phong_letter_is_signed_for_the_standing_committee_by_its_deputy_secretary() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.TRIEU_PHONG));
        assertEquals(new Signer("Phan Văn Linh", "Phó Bí thư", "T/M Ban Thường vụ"), m.signer());
        assertEquals(List.of("UBND huyện", "Ủy ban MTTQ Việt Nam, các đoàn thể CT-XH huyện", "Các cấp ủy cơ sở"),
                m.recipients());
        assertEquals(List.of("Như kính gửi", "Ban Dân vận Tỉnh ủy", "Lưu VP, BDVHU"), m.distribution());
    }

    @Test
    void the_Triệu_Phong_letter_sets_a_deadline_and_names_two_campaigns() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.TRIEU_PHONG));
        assertEquals(List.of(LocalDate.of(2020, 7, 1)), m.deadlines());
        assertEquals(List.of("Dân vận khéo", "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"), m.campaigns());
    }

    @Test
    void the_Bảo_Lộc_letter_reads_issuer_and_parent_from_its_header_in_display_casing() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.BAO_LOC));
        assertEquals("Thành ủy Bảo Lộc", m.issuer());
        assertEquals("Đảng bộ tỉnh Lâm Đồng", m.parentIssuer());
        assertFalse(m.inferred().contains("issuer"), "a printed issuer is read, not inferred");
        assertNull(m.signer(), "the Bảo Lộc text ends without a signature block");
    }

    @Test
    void the_Đơn_Dương_plan_keeps_number_and_date_null_but_infers_its_issuer_from_the_archive_code() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.DON_DUONG));
        assertNull(m.number());
        assertNull(m.date());
        assertNull(m.place());
        assertEquals("Ban Dân vận Huyện ủy Đơn Dương", m.issuer());
        assertEquals("Đảng bộ tỉnh Lâm Đồng", m.parentIssuer());
        assertEquals("huyện", m.level());
        assertTrue(m.inferred().contains("issuer"));
        assertEquals(new Signer("Lê Đình Thủy", "Trưởng ban", null), m.signer());
    }

    @Test
    void a_flattened_government_header_splits_authority_from_position() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("024.txt"));
        assertEquals(new Signer("Tố Hữu", "Phó Thủ tướng", "K/T Thủ tướng Chính phủ"), m.signer());
        assertEquals("Phủ Thủ tướng", m.issuer());
        assertEquals("Hà Nội", m.place(), "the symbol's tail (TTg) on the same line is not part of the place");
    }

    @Test
    void a_flattened_two_body_header_gives_issuer_and_parent() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("146.txt"));
        assertEquals("Tổng cục Hải quan", m.issuer());
        assertEquals("Bộ Tài chính", m.parentIssuer());
        assertEquals("trung ương", m.level());
        assertEquals("state", m.sector());
    }

    @Test
    void a_provincial_people_committee_is_at_province_level() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("022.txt"));
        assertEquals("Ủy ban nhân dân tỉnh Tuyên Quang", m.issuer());
        assertEquals("tỉnh", m.level());
        assertEquals("Tuyên Quang", m.place());
        assertEquals(new Signer("Vũ Thị Bích Việt", "Phó Chủ tịch", "KT. Chủ tịch"), m.signer());
    }

    @Test
    void a_pdf_line_that_merges_number_subject_date_and_addressee_is_taken_apart() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("209.txt"));
        assertEquals(List.of("Bộ Kế hoạch và Đầu tư"), m.recipients());
        assertEquals(new Signer("Mai Tiến Dũng", "Bộ trưởng, Chủ nhiệm", null), m.signer());
        assertEquals("Lưu: VT, ĐMDN (2b)", m.distribution().get(m.distribution().size() - 1),
                "the drafter's name after the archive code is dropped");
    }

    @Test
    void a_consolidated_text_is_of_that_kind_whatever_it_consolidates() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("104.txt"));
        assertEquals("Văn bản hợp nhất", m.kind());
        assertEquals("Văn phòng Quốc hội", m.issuer());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }

    @Test
    void ocr_noise_in_the_number_label_and_the_date_is_read_through() {
        DocumentMetadata m = extractor.extract("HUYỆN ỦY TRIỆU PHONG\nSè 374 - CV/HU\nTriệu Phong, ngày 3O tháng 7 năm 2O19\n"
                + "V/v đẩy mạnh phong trào thi đua “Dân vận khéo”\n");
        assertEquals("374-CV/HU", m.number());
        assertEquals(LocalDate.of(2019, 7, 30), m.date());
        assertEquals("Huyện ủy Triệu Phong", m.issuer());
    }

    @Test
    void an_impossible_date_is_left_null_and_warned_about() {
        DocumentMetadata m = extractor.extract("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/UBND-VX\nLâm Đồng, ngày 31 tháng 2 năm 2020\n"
                + "V/v tổ chức hội nghị\n");
        assertNull(m.date());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("không hợp lệ")), m.warnings().toString());
    }

    @Test
    void a_symbol_of_another_kind_is_warned_about() {
        DocumentMetadata m = extractor.extract("HUYỆN ỦY ĐƠN DƯƠNG\nSố 12-NQ/HU\nĐơn Dương, ngày 02 tháng 12 năm 2019\n"
                + "KẾ HOẠCH\nthực hiện nhiệm vụ năm 2020\n");
        assertEquals("Kế hoạch", m.kind());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("không khớp")), m.warnings().toString());
    }

    @Test
    void secrecy_and_urgency_stamps_are_read_from_the_margin() {
        DocumentMetadata m = extractor.extract("TỈNH ỦY LÂM ĐỒNG\nSố 352-CV/TU\nMẬT\nHỎA TỐC\n"
                + "Đà Lạt, ngày 13 tháng 4 năm 2021\nV/v tiếp tục đẩy mạnh phong trào\n");
        assertEquals("Mật", m.classification());
        assertEquals("Hỏa tốc", m.urgency());
        assertEquals("tỉnh", m.level());
    }

    @Test
    void a_cut_off_date_in_a_rule_is_not_a_deadline() {
        assertEquals(List.of(), BodyMarks.deadlines("Giấy phép đã được cấp trước ngày 01 tháng 7 năm 2015 vẫn có hiệu lực."));
        assertEquals(List.of(LocalDate.of(2020, 7, 1)), BodyMarks.deadlines("Các đơn vị gửi báo cáo chậm nhất ngày 01/7/2020."));
    }

    @Test
    void unknown_issuer_is_reported_not_guessed() {
        DocumentMetadata m = extractor.extract("Số 5-CV/XYZ\nngày 01 tháng 01 năm 2020\nV/v một việc\n");
        assertNull(m.issuer());
        assertNull(m.level());
        assertFalse(m.inferred().contains("issuer"));
    }

    @Test
    void a_department_under_its_committee_is_named_as_its_header_prints_it_with_the_committee_as_parent() {
        DocumentMetadata m = extractor.extract("HUYỆN ỦY ĐƠN DƯƠNG\nBAN DÂN VẬN\n*\nSố 12-KH/BDVHU\n"
                + "Đơn Dương, ngày 05 tháng 3 năm 2020\nKẾ HOẠCH\ntổ chức phong trào\n");
        assertEquals("Ban Dân vận", m.issuer());
        assertEquals("Huyện ủy Đơn Dương", m.parentIssuer());
        assertEquals("huyện", m.level());
        assertEquals("party", m.sector());
    }

    @Test
    void a_commune_party_committee_unknown_to_the_dictionaries_keeps_its_place_name_capitalised() {
        DocumentMetadata m = extractor.extract("ĐẢNG BỘ HUYỆN ĐƠN DƯƠNG\nĐẢNG ỦY XÃ LẠC XUÂN\n*\nSố 45-CV/ĐU\n"
                + "Lạc Xuân, ngày 10 tháng 6 năm 2020\nV/v tổ chức hội nghị\n");
        assertEquals("Đảng ủy xã Lạc Xuân", m.issuer());
        assertEquals("Đảng bộ huyện Đơn Dương", m.parentIssuer());
        assertEquals("xã", m.level());
        assertEquals("Lạc Xuân", m.place());
    }

    @Test
    void a_kind_named_inside_a_merged_header_line_is_found_after_the_date() {
        DocumentMetadata m = extractor.extract("QUỐC HỘI --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
                + " ---------------\nSố: 50/2005/QH11\nHà Nội, ngày 29 tháng 11 năm 2005 QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ"
                + " NGHĨA VIỆT NAM Khoá XI, kỳ họp thứ 8 (Từ ngày 18 tháng 10 đến ngày 29 tháng 11 năm 2005) LUẬT SỞ HỮU TRÍ TUỆ"
                + "\nCăn cứ vào Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992;\n");
        assertEquals("Luật", m.kind());
        assertEquals("SỞ HỮU TRÍ TUỆ", m.title());
        assertEquals("Quốc hội", m.issuer());
    }

    @Test
    void a_provincial_department_is_read_under_its_people_committee() {
        DocumentMetadata m = extractor.extract("UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\n-------\nSố: 123/SYT-NVY\n"
                + "Đà Lạt, ngày 05 tháng 3 năm 2020\nV/v phòng, chống dịch\n");
        assertEquals("Sở Y tế", m.issuer());
        assertEquals("UBND tỉnh Lâm Đồng", m.parentIssuer());
        assertEquals("tỉnh", m.level());
        assertEquals("state", m.sector());
        assertEquals("Đà Lạt", m.place());
    }

    /** A header as the generated corpus prints it: the left column, the motto, place and date, then the kind. */
    private DocumentMetadata header(String column, String number, String place) {
        return extractor.extract(column + "\n*\n\nSố " + number + "\n\nĐẢNG CỘNG SẢN VIỆT NAM\n" + place
                + ", ngày 7 tháng 12 năm 2011\n\nKẾ HOẠCH\nVề đẩy mạnh phong trào thi đua “Dân vận khéo”\n\n"
                + "Nội dung kế hoạch.\n");
    }

    @Test
    void the_city_of_Hải_Phòng_is_not_cut_at_its_last_word_as_if_it_were_an_office() {
        DocumentMetadata m = header("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG", "1/KH-UBND", "Hải Phòng");
        assertEquals("Ủy ban nhân dân thành phố Hải Phòng", m.issuer());
        assertNull(m.parentIssuer());
        assertEquals("tỉnh", m.level());
    }

    @Test
    void a_numbered_urban_district_is_part_of_the_header() {
        DocumentMetadata dept = header("QUẬN ỦY QUẬN 4\nBAN DÂN VẬN", "1-KH/BDVQU", "TP. Hồ Chí Minh");
        assertEquals("Ban Dân vận", dept.issuer());
        assertEquals("Quận ủy Quận 4", dept.parentIssuer());
        assertEquals("huyện", dept.level());
        DocumentMetadata committee = header("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH\nQUẬN ỦY QUẬN 5", "1-KH/QU", "TP. Hồ Chí Minh");
        assertEquals("Quận ủy Quận 5", committee.issuer());
        assertEquals("Đảng bộ thành phố Hồ Chí Minh", committee.parentIssuer());
        assertEquals("huyện", committee.level());
    }

    @Test
    void a_department_under_the_central_committee_is_printed_under_it_and_takes_the_central_level() {
        DocumentMetadata m = header("BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO", "1-KH/BTGTW", "Hà Nội");
        assertEquals("Ban Tuyên giáo", m.issuer());
        assertEquals("Ban Chấp hành Trung ương", m.parentIssuer());
        assertEquals("trung ương", m.level());
        assertEquals("party", m.sector());
    }
}
