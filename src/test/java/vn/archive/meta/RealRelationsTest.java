package vn.archive.meta;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Relations read as a lawyer reads them, on fixtures made from the patterns of the real documents
 * ({@code src/test/resources/real/}, which stay held out): the set itself has few guides, amends, replaces and
 * repeals, so each gets its fixture here.
 */
class RealRelationsTest {
    private final MetadataExtractor metadata = new MetadataExtractor(Dictionaries.builtIn());

    private static Reference only(List<Reference> refs, String number) {
        List<Reference> found = refs.stream().filter(r -> number.equals(r.number())).toList();
        assertEquals(1, found.size(), () -> number + " in " + refs);
        return found.get(0);
    }

    private List<Reference> refs(String text) {
        return metadata.extract(text).references();
    }

    /** Each cited number has this relation, one reference each. */
    private void assertRelations(String text, java.util.Map<String, Relation> expected) {
        List<Reference> refs = refs(text);
        expected.forEach((number, relation) -> assertEquals(relation, only(refs, number).relation(), number));
    }

    @Test
    void a_huong_dan_guides_the_regulation_its_title_names_even_when_it_also_rests_on_it() {
        String text = """
                BAN CHẤP HÀNH TRUNG ƯƠNG
                ỦY BAN KIỂM TRA
                *
                Số 09-HD/UBKTTW
                ĐẢNG CỘNG SẢN VIỆT NAM
                Hà Nội, ngày 6 tháng 6 năm 2013
                HƯỚNG DẪN
                THỰC HIỆN MỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ 181- QĐ/TW NGÀY30-3-2013 CỦA BỘ CHÍNH TRỊ VỀ XỬ LÝ ĐẢNG VIÊN VI PHẠM
                Căn cứ Quy định số 181-QĐ/TW, ngày30-3-2013 của Bộ Chính trị về xử lý kỷ luật đảng viên vi phạm;
                Ủy ban Kiểm tra Trung ương hướng dẫn thực hiện một số điều như sau:
                """;
        assertEquals(Relation.GUIDES, only(refs(text), "181-QĐ/TW").relation());
    }

    @Test
    void a_plan_whose_title_says_it_carries_out_a_directive_implements_it() {
        String text = """
                ỦY BAN NHÂN DÂN
                TỈNH LẠNG SƠN
                Số: 54/KH-UBND
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Lạng Sơn, ngày 27 tháng 3 năm 2020
                KẾ HOẠCH
                Thực hiện Chỉ thị số 19/CT-TTg ngày 24/7/2018 của Thủ tướng Chính phủ về tăng cường công tác phòng cháy
                Căn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001;
                Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Chỉ thị số 19/CT-TTg như sau:
                """;
        assertEquals(Relation.IMPLEMENTS, only(refs(text), "19/CT-TTg").relation());
    }

    @Test
    void a_program_carrying_out_a_party_plan_keeps_its_own_number_empty() {
        String text = """
                CHƯƠNG TRÌNH
                TRIỂN KHAI THỰC HIỆN KẾ HOẠCH SỐ 164-KH/TU NGÀY 24/8/2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY
                Căn cứ Kế hoạch số 164-KH/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 12-CT/TW,
                Ủy ban nhân dân tỉnh ban hành Chương trình như sau:
                """;
        DocumentMetadata m = metadata.extract(text);
        assertEquals(null, m.number(), "a number the title carries out is not the document's own");
        assertEquals(Relation.IMPLEMENTS, only(m.references(), "164-KH/TU").relation());
        assertEquals(Relation.MENTIONS, only(m.references(), "12-CT/TW").relation());
    }

    @Test
    void this_circular_replaces_the_circular_it_names_after_thay_the() {
        String text = "Điều 20. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2024.\n"
                + "2. Thông tư này thay thế Thông tư số 27/2018/TT-BTNMT ngày 14 tháng 12 năm 2018 của Bộ trưởng Bộ Tài "
                + "nguyên và Môi trường quy định về thống kê, kiểm kê đất đai.\n";
        assertEquals(Relation.REPLACES, only(refs(text), "27/2018/TT-BTNMT").relation());
    }

    @Test
    void a_circular_that_ceases_to_have_effect_from_this_ones_effect_is_repealed() {
        String text = "Điều 3. Hiệu lực thi hành\nThông tư này có hiệu lực kể từ ngày 15 tháng 01 năm 2025. Thông tư số "
                + "33/2017/TT-BTNMT ngày 29 tháng 9 năm 2017 của Bộ trưởng Bộ Tài nguyên và Môi trường hết hiệu lực kể từ "
                + "ngày Thông tư này có hiệu lực.\n";
        assertEquals(Relation.REPEALS, only(refs(text), "33/2017/TT-BTNMT").relation());
    }

    @Test
    void a_decision_that_takes_effect_and_replaces_an_older_one_replaces_it() {
        String text = "Điều 3. Quyết định này có hiệu lực thi hànhsau 10 (mười) ngày kể từ ngày ký và thay thế Quyết "
                + "định số 44/2010/QĐ-UBND ngày 15 tháng 12 năm 2010 của Ủy ban nhân dân tỉnh.";
        assertEquals(Relation.REPLACES, only(refs(text), "44/2010/QĐ-UBND").relation());
    }

    @Test
    void laws_named_inside_an_amending_laws_title_are_only_mentioned() {
        String text = "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật "
                + "Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, Luật Kinh doanh bất động sản số 29/2023/QH15 và "
                + "Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024;\n"
                + "Bộ trưởng Bộ Tài nguyên và Môi trường ban hành Thông tư quy định về thống kê, kiểm kê đất đai.\n";
        List<Reference> refs = refs(text);
        for (String n : List.of("31/2024/QH15", "27/2023/QH15", "29/2023/QH15", "32/2024/QH15")) {
            assertEquals(Relation.MENTIONS, only(refs, n).relation(), n);
        }
    }

    @Test
    void a_document_cited_many_times_is_one_reference_with_its_strongest_relation() {
        String text = """
                Căn cứ Nghị định số 92/2009/NĐ-CP ngày 22 tháng 10 năm 2009 của Chính phủ về chức danh, số lượng cán bộ;
                Căn cứ Nghị định số 29/2013/NĐ-CP ngày 08 tháng 4 năm 2013 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 92/2009/NĐ-CP;
                Thực hiện Quyết định số 34/2014/QĐ-TTG; các nội dung khác theo Quyết định số 34/2014/QĐ-TTg.
                """;
        List<Reference> refs = refs(text);
        assertEquals(Relation.BASED_ON, only(refs, "92/2009/NĐ-CP").relation());
        assertEquals(Relation.BASED_ON, only(refs, "29/2013/NĐ-CP").relation());
        assertEquals(1, refs.stream().filter(r -> r.number() != null && r.number().startsWith("34/2014/")).count(),
                refs::toString);
        assertEquals(Relation.IMPLEMENTS, refs.stream().filter(r -> r.number() != null
                && r.number().startsWith("34/2014/")).findFirst().orElseThrow().relation());
    }

    @Test
    void a_guidance_named_in_a_previous_list_items_description_does_not_make_the_next_item_guided() {
        String text = "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ; Thông tư số "
                + "07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn "
                + "phương pháp rà soát, phân loại hộ nghèo; Thông tư số 02/2022/TT-BLĐTBXH ngày 30/3/2022 của Bộ trưởng "
                + "Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung một số nội dung của Thông tư số 07/2021/TT-BLĐTBXH .";
        List<Reference> refs = refs(text);
        assertEquals(Relation.BASED_ON, only(refs, "02/2022/TT-BLĐTBXH").relation());
        assertEquals(Relation.BASED_ON, only(refs, "07/2021/TT-BLĐTBXH").relation());
    }

    @Test
    void past_work_narrated_under_a_directive_only_mentions_it() {
        String text = "Sau 10 năm thực hiện Chỉ thị số 04-CT/TW ngày 22/4/2011 của Ban Bí thư khóa XI, công tác đã đạt "
                + "nhiều kết quả. Qua 5 năm triển khai Nghị quyết số 18-NQ/TW, bộ máy được sắp xếp.";
        List<Reference> refs = refs(text);
        assertEquals(Relation.MENTIONS, only(refs, "04-CT/TW").relation());
        assertEquals(Relation.MENTIONS, only(refs, "18-NQ/TW").relation());
    }

    @Test
    void numbers_glued_to_words_are_cited_whole_and_once() {
        String text = "Thực hiện Quy định số31-QĐ/TW của Bộ Chính trị và Thông báo 70-TB/TWngày 5/3/2020; Quy chế phối hợp "
                + "số 01/QCPH/UBND-UBMTTQ; Quyết định số 34/2014/QĐ-TTG và Quyết định số 34/2014/QĐ-TTg.";
        List<Reference> refs = refs(text);
        assertEquals(List.of("31-QĐ/TW", "70-TB/TW", "01/QCPH/UBND-UBMTTQ", "34/2014/QĐ-TTg"),
                refs.stream().map(Reference::number).toList());
    }

    @Test
    void a_plan_titled_in_capitals_on_its_kind_line_implements_the_directive_and_keeps_its_own_number() {
        String text = """
                ỦY BAN NHÂN DÂN
                HUYỆN TRIỆU SƠN
                Số: 661/KH-UBND
                Triệu Sơn, ngày 05 tháng 02 năm 2021
                KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 24/7/2018 CỦA THỦ TƯỚNG CHÍNH PHỦ
                Căn cứ Chỉ thị số 19/CT-TTg ngày 24/7/2018 của Thủ tướng Chính phủ, Ủy ban nhân dân huyện ban hành Kế hoạch.
                """;
        DocumentMetadata m = metadata.extract(text);
        assertEquals("661/KH-UBND", m.number());
        Reference directive = only(m.references(), "19/CT-TTg");
        assertEquals(Relation.IMPLEMENTS, directive.relation());
    }

    @Test
    void a_rule_applied_under_a_decree_is_not_the_decree_carried_out() {
        String text = "Căn cứ Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm 2024 của Chính phủ quy định chi tiết thi hành "
                + "một số điều của Luật Đất đai;\n2. Loại đất khi thống kê, kiểm kê đất đai thực hiện theo quy định tại Điều 9 "
                + "Luật Đất đai, các điều 4, 5 và 6 Nghị định số 102/2024/NĐ-CP.\n";
        assertEquals(Relation.BASED_ON, only(refs(text), "102/2024/NĐ-CP").relation());
    }

    @Test
    void repealing_some_articles_of_a_decree_amends_it_and_every_decree_of_the_amending_list_is_amended() {
        List<Reference> refs = refs("""
                Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 61/2011/NĐ-CP ngày 08 tháng 6 năm 2011 của Chính phủ về tiếp dân; Nghị định số 21/2009/NĐ-CP ngày 14 tháng 02 năm 2009 của Chính phủ về phản ánh, kiến nghị và Nghị định số 52/2012/NĐ-CP ngày 04 tháng 7 năm 2012 của Chính phủ quy định tổ chức pháp chế,
                Điều 1. Sửa đổi, bổ sung, bãi bỏ một số điều, khoản của Nghị định số 61/2011/NĐ-CP ngày 08 tháng 6 năm 2011 của Chính phủ như sau:
                """);
        assertEquals(Relation.AMENDS, only(refs, "61/2011/NĐ-CP").relation(), "part of it is repealed: amended");
        assertEquals(Relation.AMENDS, only(refs, "21/2009/NĐ-CP").relation());
        assertEquals(Relation.AMENDS, only(refs, "52/2012/NĐ-CP").relation(), "the list's last member, after 'và'");
    }

    @Test
    void documents_carried_out_in_the_years_gone_by_are_only_mentioned() {
        List<Reference> refs = refs("""
                Trong những năm qua, quán triệt và thực hiện Kết luận số 45-KL/TW ngày 18/8/2015 của Ban Bí thư về dư luận xã hội, công tác nắm bắt dư luận trên địa bàn tỉnh đạt nhiều kết quả.
                """);
        assertEquals(Relation.MENTIONS, only(refs, "45-KL/TW").relation());
    }

    @Test
    void a_resolution_cited_once_without_its_year_and_once_with_it_is_one_reference() {
        List<Reference> refs = refs("""
                Căn cứ Nghị quyết số 17/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh về cơ chế lồng ghép nguồn vốn;
                QUYẾT ĐỊNH:
                Điều 1. Triển khai thực hiện Nghị quyết số 17/2021/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh về cơ chế lồng ghép nguồn vốn.
                """);
        assertEquals(1, refs.size(), refs::toString);
        assertEquals("17/2021/NQ-HĐND", refs.get(0).number());
        assertEquals(Relation.IMPLEMENTS, refs.get(0).relation());
    }

    @Test
    void a_decision_numbered_with_a_full_stop_in_its_symbol_is_replaced_whole() {
        String text = "Điều 3. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký và thay thế Quyết định số "
                + "05/2000/QĐ.UB ngày 20/3/2000 của Ủy ban nhân dân tỉnh Long An về ban hành Quy định tạm thời.";
        Reference r = only(refs(text), "05/2000/QĐ-UB");
        assertEquals(Relation.REPLACES, r.relation());
    }

    @Test
    void a_second_document_cited_in_full_after_va_is_carried_out_like_the_first() {
        String text = "Thực hiện Chỉ thị số 05/CT-TTg ngày 10/3/2022 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện "
                + "nhiệm vụ phát triển kinh tế và Kế hoạch số 21/KH-BCĐ ngày 02/4/2022 của Ban Chỉ đạo Trung ương, "
                + "Ủy ban nhân dân tỉnh Quảng Trị ban hành Kế hoạch thực hiện như sau:\n";
        assertRelations(text, java.util.Map.of("05/CT-TTg", Relation.IMPLEMENTS, "21/KH-BCĐ", Relation.IMPLEMENTS));
    }

    @Test
    void a_law_named_after_va_in_a_decrees_description_is_still_only_mentioned() {
        String text = "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi "
                + "hành Luật Đất đai và Luật số 35/2018/QH14 sửa đổi một số điều;\n";
        // no date, no issuer: the law after 'và' is part of the decree's description
        assertRelations(text, java.util.Map.of("43/2014/NĐ-CP", Relation.BASED_ON, "35/2018/QH14", Relation.MENTIONS));
    }

    @Test
    void a_cited_issuer_stops_before_va_and_the_next_conclusion() {
        String text = "Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 100-KL/TW "
                + "của Ban Bí thư và Kết luận số 111-KL/TU ngày 14/8/2017 của Ban Thường vụ Tỉnh ủy về công tác tư tưởng.";
        List<Reference> refs = refs(text);
        assertEquals("Ban Bí thư", only(refs, "100-KL/TW").issuer());
        assertEquals(Relation.MENTIONS, only(refs, "111-KL/TU").relation(),
                "listed beside a conclusion the plan carried out, in a narrative sentence");
    }
}
