package vn.archive.text;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result's opening snippet starts at the body, past the header block, and carries no Markdown. */
class LeadTest {
    @Test
    void a_law_opens_at_its_first_line_of_running_text_not_at_its_header() {
        String lead = Lead.of(TestCorpus.read(Path.of("corpus/state/027.txt")), 300);
        assertTrue(lead.startsWith("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"), lead);
    }

    @Test
    void a_header_sharing_a_line_with_the_body_is_left_out() {
        String lead = Lead.of("QUỐC HỘI\nSố:\n28/2001/QH10 Hà Nội, ngày 29 tháng 6 năm 2001 LUẬT CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ"
                + " HỘI CHỦ NGHĨA VIỆT NAM SỐ 28/2001/QH10 VỀ DI SẢN VĂN HOÁ Di sản văn hoá Việt Nam là tài sản quý giá của"
                + " cộng đồng các dân tộc Việt Nam.\nĐiều 1.", 300);
        assertTrue(lead.startsWith("Di sản văn hoá Việt Nam là tài sản quý giá"), lead);
    }

    @Test
    void a_party_document_in_markdown_opens_at_its_body_without_the_markup() {
        String lead = Lead.of(TestCorpus.read(TestCorpus.BAO_LOC), 400);
        assertFalse(lead.contains("**") || lead.contains("\\*"), lead);
        assertFalse(lead.startsWith("ĐẢNG BỘ") || lead.contains("THÀNH ỦY BẢO LỘC"), lead);
        assertTrue(lead.length() <= 402 && lead.endsWith(" …"), lead);
    }

    @Test
    void markup_is_taken_out_of_a_highlighted_passage_and_a_text_with_no_running_line_is_kept_whole() {
        assertEquals("báo cáo <mark>trước ngày</mark> 01/7/2020. *",
                Lead.unmarked("báo cáo **<mark>trước ngày</mark> 01/7/2020.** \\*"));
        assertEquals("QUỐC HỘI LUẬT CĂN CƯỚC", Lead.of("QUỐC HỘI\nLUẬT\nCĂN CƯỚC", 100));
    }

    @Test
    void an_escaped_slash_or_a_lone_star_is_no_markup_but_a_heading_mark_opening_a_line_is() {
        String number = "Nghị quyết số 25-NQ&#x2F;TW về <mark>dân vận</mark>; a*b, snake_case, C# và #1";
        assertTrue(number == Lead.unmarked(number), "a passage without markup is returned as it is");
        assertEquals("Mục 1\nĐiều 2", Lead.unmarked("## Mục 1\n# Điều 2"));
        assertEquals("Điều 1\u2028Điều 2", Lead.unmarked("Điều 1\u2028### Điều 2"));
        assertEquals("in đậm và gạch", Lead.unmarked("in **đậm** và __gạch__"));
    }
}
