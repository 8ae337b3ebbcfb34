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
}
