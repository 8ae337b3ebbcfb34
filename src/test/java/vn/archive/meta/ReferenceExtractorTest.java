package vn.archive.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceExtractorTest {
    private final ReferenceExtractor extractor = new ReferenceExtractor(Dictionaries.builtIn());
    private final MetadataExtractor metadata = new MetadataExtractor(Dictionaries.builtIn());

    private static Reference only(List<Reference> refs, String number) {
        List<Reference> found = refs.stream().filter(r -> number.equals(r.number())).toList();
        assertEquals(1, found.size(), () -> number + " in " + refs);
        return found.get(0);
    }

    @Test
    void the_Bao_Loc_letter_implements_352_CV_TU_with_its_date_and_issuer() {
        DocumentMetadata m = metadata.extract(TestCorpus.read(TestCorpus.BAO_LOC));
        Reference r = only(m.references(), "352-CV/TU");
        assertEquals(Relation.IMPLEMENTS, r.relation());
        assertEquals("Công văn", r.kind());
        assertEquals(LocalDate.of(2021, 4, 13), r.date());
        assertEquals("Ban Thường vụ Tỉnh ủy", r.issuer());
        assertEquals("Công văn số 352-CV/TU ngày 13/4/2021 của Ban Thường vụ Tỉnh ủy", r.text());
        String text = TestCorpus.read(TestCorpus.BAO_LOC);
        assertEquals(r.text(), text.substring(r.start(), r.end()).strip());
    }

    @Test
    void the_Don_Duong_plan_implements_the_provincial_plan_and_the_district_resolutions() {
        List<Reference> refs = extractor.extract(TestCorpus.read(TestCorpus.DON_DUONG), null);
        Reference plan = only(refs, "75-KH/BDVTU");
        assertEquals(Relation.IMPLEMENTS, plan.relation());
        assertEquals("Kế hoạch", plan.kind());
        assertEquals(LocalDate.of(2020, 3, 3), plan.date());
        assertEquals("Ban Dân vận Tỉnh ủy Lâm Đồng", plan.issuer());
        Reference resolution = only(refs, "13-NQ/HU");
        assertEquals(Relation.IMPLEMENTS, resolution.relation());
        assertEquals(LocalDate.of(2019, 12, 2), resolution.date());
        assertEquals("Huyện ủy", resolution.issuer());
        assertEquals(Relation.IMPLEMENTS, only(refs, "13-CT/HU").relation());
        assertEquals(LocalDate.of(2017, 5, 25), only(refs, "13-CT/HU").date());
    }

    @Test
    void a_resolution_named_by_its_congress_is_a_reference_without_a_number() {
        List<Reference> refs = extractor.extract(TestCorpus.read(TestCorpus.DON_DUONG), null);
        Reference congress = refs.stream().filter(r -> r.number() == null).findFirst().orElseThrow();
        assertEquals("Nghị quyết Đại hội XII Đảng bộ huyện", congress.text());
        assertEquals("Nghị quyết", congress.kind());
        assertEquals(Relation.IMPLEMENTS, congress.relation());
    }

    @Test
    void the_Trieu_Phong_letter_implements_25_NQ_TW_of_the_central_committee() {
        List<Reference> refs = extractor.extract(TestCorpus.read(TestCorpus.TRIEU_PHONG), "374-CV/HU");
        Reference r = only(refs, "25-NQ/TW");
        assertEquals(Relation.IMPLEMENTS, r.relation());
        assertEquals("Ban Chấp hành Trung ương Đảng", r.issuer());
        assertTrue(refs.stream().noneMatch(x -> "374-CV/HU".equals(x.number())), "its own number is no reference");
    }

    @Test
    void named_laws_without_numbers_are_based_on_with_their_date() {
        String text = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;\n"
                + "Theo đề nghị của Bộ trưởng Bộ Tài chính;";
        List<Reference> refs = extractor.extract(text, null);
        assertEquals(2, refs.size(), refs::toString);
        assertEquals("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", refs.get(0).text());
        assertEquals(LocalDate.of(2015, 6, 19), refs.get(0).date());
        assertEquals("Luật", refs.get(0).kind());
        assertNull(refs.get(0).number());
        assertEquals(Relation.BASED_ON, refs.get(1).relation());
        assertEquals(LocalDate.of(2014, 6, 23), refs.get(1).date());
    }

    @Test
    void cue_words_give_each_relation() {
        String text = """
                Hướng dẫn Nghị định số 12/2020/NĐ-CP ngày 01/02/2020 của Chính phủ.
                Sửa đổi, bổ sung một số điều của Thông tư số 22/2019/TT-BTC.
                Quyết định này thay thế Quyết định số 15/2018/QĐ-TTg.
                Bãi bỏ Chỉ thị số 05-CT/TU ngày 02/3/2016 của Ban Thường vụ Tỉnh ủy.
                Triển khai Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.
                Các nội dung khác theo Nghị định số 30/2020/NĐ-CP.
                """;
        List<Relation> relations = extractor.extract(text, null).stream().map(Reference::relation).toList();
        assertEquals(List.of(Relation.GUIDES, Relation.AMENDS, Relation.REPLACES, Relation.REPEALS, Relation.IMPLEMENTS,
                Relation.MENTIONS), relations);
    }

    @Test
    void a_citation_inside_the_description_of_another_is_only_mentioned() {
        String text = "Căn cứ Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm 2024 của Chính phủ quy định chi tiết thi hành "
                + "Nghị định số 43/2014/NĐ-CP;";
        List<Reference> refs = extractor.extract(text, null);
        assertEquals(Relation.BASED_ON, only(refs, "102/2024/NĐ-CP").relation());
        assertEquals(Relation.MENTIONS, only(refs, "43/2014/NĐ-CP").relation());
    }

    @Test
    void the_publishers_bracketed_notes_in_consolidated_texts_are_not_references() {
        String text = TestCorpus.state("010.txt");
        assertTrue(text.contains("được hướng dẫn bởi Chương 2 Nghị định 92/2002/NĐ-CP"));
        List<Reference> refs = extractor.extract(text, "28/2001/QH10");
        assertTrue(refs.stream().noneMatch(r -> "92/2002/NĐ-CP".equals(r.number())), refs::toString);
        assertTrue(refs.stream().anyMatch(r -> r.kind() != null && r.kind().equals("Hiến pháp")));
    }

    @Test
    void an_amending_law_cited_by_its_long_name_carries_its_own_date() {
        String text = "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật Đất đai "
                + "số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 ngày 29 tháng 6 năm 2024;";
        List<Reference> refs = extractor.extract(text, null);
        Reference amending = refs.stream().filter(r -> r.number() == null && r.text().startsWith("Luật sửa đổi"))
                .findFirst().orElseThrow(() -> new AssertionError(refs.toString()));
        assertEquals(LocalDate.of(2024, 6, 29), amending.date());
        assertEquals(Relation.BASED_ON, amending.relation());
        assertNull(only(refs, "27/2023/QH15").date(), "the amending law's date is not the amended law's");
    }

    @Test
    void form_and_annex_numbers_are_not_documents() {
        String text = "Lập bảng theo các mẫu số 02/CLĐ, 04/CLĐ và 06/CLĐ của Phụ lục II; minh họa tại Sơ đồ số 03/CLĐ.";
        assertEquals(List.of(), extractor.extract(text, null));
    }

    @Test
    void the_issuer_stops_where_the_sentence_goes_on() {
        String text = "Thực hiện Nghị quyết số 61/2022/QH15 ngày 16 tháng 6 năm 2022 của Quốc hội thí điểm một số chính sách.";
        assertEquals("Quốc hội", only(extractor.extract(text, null), "61/2022/QH15").issuer());
    }

    @Test
    void extraction_does_not_depend_on_the_default_locale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        List<Reference> expected = extractor.extract(TestCorpus.read(TestCorpus.DON_DUONG), null);
        try {
            for (String tag : List.of("vi", "tr", "en")) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                ReferenceExtractor fresh = new ReferenceExtractor(Dictionaries.builtIn());
                assertEquals(expected, fresh.extract(TestCorpus.read(TestCorpus.DON_DUONG), null), tag);
            }
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void no_space_variant_breaks_a_citation() {
        String text = "Căn cứ Nghị định số\u00a0103/2024/NĐ-CP\u00a0ngày 30 tháng 7 năm 2024 của Chính phủ;";
        Reference r = only(extractor.extract(text, null), "103/2024/NĐ-CP");
        assertEquals(LocalDate.of(2024, 7, 30), r.date());
        assertEquals("Nghị định", r.kind());
        assertEquals(Relation.BASED_ON, r.relation());
    }

    @Test
    void a_cue_added_to_relation_cues_in_the_config_folder_gives_its_relation(@TempDir Path config) throws Exception {
        String text = "Theo tinh thần Nghị quyết số 25-NQ/TW ngày 03/6/2021 của Bộ Chính trị, Tỉnh ủy yêu cầu.";
        assertEquals(Relation.MENTIONS, only(extractor.extract(text, null), "25-NQ/TW").relation());

        Files.writeString(config.resolve("relation-cues.tsv"),
                Files.readString(Path.of("index-config/relation-cues.tsv")) + "theo tinh thần\timplements\n");
        MetadataExtractor edited = new MetadataExtractor(Dictionaries.load(config));
        assertEquals(Relation.IMPLEMENTS, only(edited.extract(text).references(), "25-NQ/TW").relation());
        assertEquals(Relation.BASED_ON, only(new ReferenceExtractor(Dictionaries.load(config))
                .extract("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", null), "30/2020/NĐ-CP")
                .relation(), "the packaged cues stay");
    }

    /** A district committee's document in Party format, as district answers to a provincial directive are written. */
    private static String districtParty(String number, String kindLine, String body) {
        return "ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY LÂM HÀ\n*\nSố " + number + "\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                + "Lâm Hà, ngày 15 tháng 8 năm 2020\n\n" + kindLine + "\n\n" + body
                + "\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn An\n";
    }

    @Test
    void a_report_on_the_results_of_a_directive_reports_on_it_and_a_plan_that_asks_for_reports_still_implements() {
        DocumentMetadata report = metadata.extract(districtParty("30-BC/HU",
                "BÁO CÁO\nkết quả thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy",
                "Thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy về đẩy mạnh công tác dân vận"
                        + " chính quyền, Ban Thường vụ Huyện ủy báo cáo kết quả như sau."));
        assertEquals("Báo cáo", report.kind());
        assertEquals(Relation.REPORTS_ON, only(report.references(), "05-CT/TU").relation());

        DocumentMetadata letter = metadata.extract(districtParty("41-CV/HU",
                "V/v báo cáo tình hình, kết quả triển khai Chỉ thị số 05-CT/TU",
                "Kính gửi: Ban Thường vụ Tỉnh ủy\n\nBan Thường vụ Huyện ủy gửi báo cáo tình hình, kết quả triển khai"
                        + " Chỉ thị số 05-CT/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy trên địa bàn huyện."));
        assertEquals(Relation.REPORTS_ON, only(letter.references(), "05-CT/TU").relation(), "a letter sending a report");

        DocumentMetadata plan = metadata.extract(districtParty("12-KH/HU",
                "KẾ HOẠCH\nthực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy",
                "Thực hiện Chỉ thị số 05-CT/TU ngày 02/3/2020 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng"
                        + " kế hoạch như sau. Các chi bộ báo cáo kết quả thực hiện Chỉ thị số 05-CT/TU về Huyện ủy"
                        + " trước ngày 30/11 hằng năm."));
        assertEquals(Relation.IMPLEMENTS, only(plan.references(), "05-CT/TU").relation(),
                "the strongest of its citations: it carries the directive out");
    }
}
