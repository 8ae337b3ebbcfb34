package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Relations of citations that a legal mirror's hard line breaks cut from their cue, and of the later members of a
 * long "Căn cứ" sentence, on fixtures made from the patterns of the real set ({@code src/test/resources/real/}).
 */
class WrappedCitationsTest {
    private final ReferenceExtractor extractor = new ReferenceExtractor(Dictionaries.builtIn());

    private void assertRelations(String text, Map<String, Relation> expected) {
        List<Reference> refs = extractor.extract(text, null);
        expected.forEach((number, relation) -> {
            List<Reference> found = refs.stream().filter(r -> number.equals(r.number())).toList();
            assertEquals(1, found.size(), () -> number + " in " + refs);
            assertEquals(relation, found.get(0).relation(), number);
        });
    }

    @Test
    void a_directive_whose_kind_a_line_break_cut_is_still_carried_out() {
        assertRelations("""
                KẾ HOẠCH
                PHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2020
                Thực hiện Chỉ
                thị số 1234/CT-BNN ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và Phát triển
                nông thôn về việc phòng, chống hạn hán. Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
                """, Map.of("1234/CT-BNN", Relation.IMPLEMENTS));
    }

    @Test
    void a_decree_after_a_semicolon_and_a_line_break_inside_a_basis_is_a_basis_too() {
        assertRelations("""
                Căn cứ Nghị định số
                34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết một số
                điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật; Nghị định
                số 154/2020/NĐ-CP ngày 31 tháng 12 năm 2020 của Chính phủ sửa đổi, bổ sung một
                số điều của Nghị định số 34/2016/NĐ-CP;
                QUYẾT ĐỊNH:
                """, Map.of("34/2016/NĐ-CP", Relation.BASED_ON, "154/2020/NĐ-CP", Relation.BASED_ON));
    }

    @Test
    void an_article_of_a_second_decree_after_a_comma_is_a_second_basis() {
        assertRelations("""
                Căn cứ Điều 9 của Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn \
                thư, Điều 4 của Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ,
                Bộ Nội vụ hướng dẫn như sau:
                """, Map.of("30/2020/NĐ-CP", Relation.BASED_ON, "34/2016/NĐ-CP", Relation.BASED_ON));
    }

    @Test
    void a_letter_after_a_semicolon_of_a_basis_rests_on_it_but_a_proposal_does_not() {
        assertRelations("""
                Căn cứ Kết luận số 88-KL/TW, ngày 18/2/2014 của Bộ Chính trị về tổ chức kỷ niệm ngày sinh các đồng \
                chí lãnh đạo; ý kiến chỉ đạo của Ban Bí thư tại Công văn số 1520-CV/VPTW ngày 07/9/2022 về việc tổ \
                chức kỷ niệm một số ngày lễ lớn năm 2023; xét đề nghị của Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày \
                10/9/2022, Ban Tuyên giáo Trung ương hướng dẫn như sau:
                """, Map.of("88-KL/TW", Relation.BASED_ON, "1520-CV/VPTW", Relation.BASED_ON,
                "45/TTr-SNV", Relation.MENTIONS));
    }
}
