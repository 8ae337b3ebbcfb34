package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;
import vn.archive.model.DocumentMetadata;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HeaderExtractorTest {
    private final HeaderExtractor extractor = new HeaderExtractor(Dictionaries.builtIn());

    @Test
    void the_Trieu_Phong_letter_reads_its_number_date_place_and_subject() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.TRIEU_PHONG));
        assertEquals("374-CV/HU", m.number());
        assertEquals("Công văn", m.kind());
        assertEquals(LocalDate.of(2019, 7, 30), m.date());
        assertEquals("Triệu Phong", m.place());
        assertEquals("V/v đẩy mạnh phong trào thi đua “Dân vận khéo”", m.title());
    }

    @Test
    void the_Bao_Loc_letter_reads_a_subject_over_three_lines() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.BAO_LOC));
        assertEquals("134-CV/ThU", m.number());
        assertEquals("Công văn", m.kind());
        assertEquals(LocalDate.of(2020, 4, 28), m.date());
        assertEquals("Bảo Lộc", m.place());
        assertEquals("V/v tiếp tục lãnh đạo, chỉ đạo đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2025",
                m.title());
    }

    @Test
    void the_Don_Duong_plan_has_a_kind_and_title_but_no_number_or_date() {
        DocumentMetadata m = extractor.extract(TestCorpus.read(TestCorpus.DON_DUONG));
        assertEquals("Kế hoạch", m.kind());
        assertEquals("Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020", m.title());
        assertNull(m.number(), "the number cited in the body is not the plan's own");
        assertNull(m.date());
    }

    @Test
    void a_flattened_state_header_reads_number_date_place_and_kind() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("209.txt"));
        assertEquals("2739/VPCP-ĐMDN", m.number());
        assertEquals(LocalDate.of(2019, 4, 5), m.date());
        assertEquals("Hà Nội", m.place());
        assertEquals("Công văn", m.kind());
        assertEquals("V/v quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi", m.title());
    }

    @Test
    void a_decree_reads_its_kind_from_the_header_line() {
        DocumentMetadata m = extractor.extract(TestCorpus.state("090.txt"));
        assertEquals("Nghị định", m.kind());
        assertEquals("87/2025/NĐ-CP", m.number());
        assertEquals(LocalDate.of(2025, 4, 11), m.date());
    }

    @Test
    void a_city_place_keeps_its_TP_abbreviation() {
        DocumentMetadata m = extractor.extract("THÀNH ỦY HỒ CHÍ MINH\n*\nSố 12-CV/ThU\nV/v tổng kết\n\n"
                + "ĐẢNG CỘNG SẢN VIỆT NAM\nTP. Hồ Chí Minh, ngày 05 tháng 3 năm 2021\n");
        assertEquals("TP. Hồ Chí Minh", m.place());
        assertEquals(LocalDate.of(2021, 3, 5), m.date());
    }

    @Test
    void a_kind_in_capitals_inside_a_body_sentence_is_not_the_documents_kind() {
        DocumentMetadata m = extractor.extract("BAN DÂN VẬN\n*\nSố 1-CV/BDVTU\nV/v tăng cường\n\n"
                + "Cần Thơ, ngày 27 tháng 2 năm 2013\n\nKính gửi: Các huyện ủy\n\n"
                + "Theo quy định tại Nghị định số 20/2020/NĐ-CP ngày tháng năm LUẬT CĂN CƯỚC ĐIỆN TỬ và các văn bản.\n");
        assertEquals("Công văn", m.kind());
    }

    @Test
    void a_place_spelt_with_an_apostrophe_is_the_place_of_issue() {
        DocumentMetadata m = extractor.extract("HUYỆN ỦY EA H'LEO\n*\nSố 45-CV/HU\nV/v tổng kết\n\n"
                + "ĐẢNG CỘNG SẢN VIỆT NAM\nEa H'leo, ngày 05 tháng 3 năm 2021\n");
        assertEquals("Ea H'leo", m.place());
        assertEquals(LocalDate.of(2021, 3, 5), m.date());
        assertEquals("M'Đrắk", extractor.extract("ĐẢNG CỘNG SẢN VIỆT NAM\nM'Đrắk, ngày 5 tháng 3 năm 2021\n").place());
    }

    @Test
    void a_place_joined_by_a_dash_is_read_whole_even_after_a_flattened_motto() {
        assertEquals("Phan Rang - Tháp Chàm", extractor.extract("THÀNH ỦY PHAN RANG - THÁP CHÀM\nSố 12-CV/ThU\n"
                + "ĐẢNG CỘNG SẢN VIỆT NAM Phan Rang - Tháp Chàm, ngày 05 tháng 3 năm 2021\n").place());
        assertEquals("Bà Rịa - Vũng Tàu", extractor.extract("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                + "ĐỘC LẬP - TỰ DO - HẠNH PHÚC Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2021\n").place());
        assertEquals("Hà Nội", extractor.extract("Số: 12/SNV-TCBC Hà Nội, ngày 05 tháng 3 năm 2021\n").place(),
                "a symbol's dash does not join it to the place");
    }
}
