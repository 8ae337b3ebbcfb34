package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearDuplicatesTest {
    /** The text as a mediocre OCR might return it: one character in a hundred wrong, lines joined differently. */
    private static String ocrLike(String text) {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(Character.isLetter(c) && random.nextInt(100) == 0 ? 'x' : c == '\n' ? ' ' : c);
        }
        return sb.toString();
    }

    @Test
    void a_plan_without_number_or_date_is_grouped_with_its_noisy_scan(@TempDir Path dir) throws IOException {
        String plan = TestCorpus.read(TestCorpus.DON_DUONG);
        NearDuplicates groups = new NearDuplicates(dir.resolve("near.tsv"));
        assertEquals(List.of(), groups.joinByText("docx", plan, ""));
        assertEquals(List.of("docx"), groups.joinByText("scan", ocrLike(plan), ""));
        assertTrue(NearDuplicates.similarity(NearDuplicates.signature(plan), NearDuplicates.signature(ocrLike(plan)))
                >= NearDuplicates.TEXT_THRESHOLD);
    }

    @Test
    void two_different_directives_on_the_same_campaign_are_not_grouped(@TempDir Path dir) throws IOException {
        NearDuplicates groups = new NearDuplicates(dir.resolve("near.tsv"));
        groups.joinByText("don-duong", TestCorpus.read(TestCorpus.DON_DUONG), "");
        groups.joinByText("trieu-phong", TestCorpus.read(TestCorpus.TRIEU_PHONG), "");
        assertEquals(List.of(), groups.joinByText("bao-loc", TestCorpus.read(TestCorpus.BAO_LOC), ""));
    }

    @Test
    void groups_survive_a_restart(@TempDir Path dir) throws IOException {
        String plan = TestCorpus.read(TestCorpus.DON_DUONG);
        new NearDuplicates(dir.resolve("near.tsv")).joinByText("docx", plan, "huyenuydonduong|");
        new NearDuplicates(dir.resolve("near.tsv")).join("cong van|374cvhu|2019-07-30", "a");
        NearDuplicates reopened = new NearDuplicates(dir.resolve("near.tsv"));
        assertEquals(List.of("docx"), reopened.joinByText("scan", ocrLike(plan), "huyenuydonduong|"));
        assertEquals(List.of(), reopened.joinByText("copy", ocrLike(plan), "huyenuylamha|"),
                "the issuer kept with the signature survives too");
        assertEquals(List.of("a"), reopened.join("cong van|374cvhu|2019-07-30", "b"));
    }

    @Test
    void the_key_reads_a_number_in_any_spelling_is_empty_without_number_and_has_no_date_when_none_was_read() {
        DocumentMetadata a = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
                .date(LocalDate.of(2019, 7, 30)).issuer("Ban Thường vụ Huyện ủy Triệu Phong").build();
        DocumentMetadata b = a.toBuilder().number("374/CV-HU").build();
        assertEquals(NearDuplicates.key(a), NearDuplicates.key(b));
        assertTrue(NearDuplicates.undated(NearDuplicates.key(a.toBuilder().date(null).build()).orElseThrow()));
        assertEquals(Optional.empty(), NearDuplicates.key(a.toBuilder().number(null).build()));
    }

    /** A Party-format letter of a district's Ban Dân vận, as the generator writes them (LoadIT's 9 false pairs). */
    static String banDanVanLetter(String district, String province) {
        return "HUYỆN ỦY " + district.toUpperCase(java.util.Locale.ROOT) + "\nBAN DÂN VẬN\n*\n\nSố 1-CV/BDVHU\n\n"
                + "ĐẢNG CỘNG SẢN VIỆT NAM\n" + district + ", ngày 11 tháng 3 năm 2024\n\n"
                + "V/v triển khai phong trào thi đua Dân vận khéo năm 2024\n\n"
                + "Kính gửi: Các chi bộ, đảng bộ cơ sở trực thuộc Huyện ủy\n\n"
                + "Thực hiện Kế hoạch số 5-KH/BDVTU ngày 20/2/2024 của Ban Dân vận Tỉnh ủy " + province
                + " về phong trào thi đua Dân vận khéo, Ban Dân vận Huyện ủy đề nghị các chi bộ, đảng bộ cơ sở tổ chức"
                + " quán triệt, xây dựng mô hình dân vận khéo và báo cáo kết quả trước ngày 30/6/2024.\n\n"
                + "Nơi nhận:\n- Như kính gửi,\n- Lưu VT.\n\nTRƯỞNG BAN\n";
    }

    @Test
    void two_ban_dan_van_letters_of_two_districts_with_one_number_and_date_are_two_groups(@TempDir Path dir)
            throws IOException {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.load(Path.of("index-config")));
        DocumentMetadata thanhBa = extractor.extract(banDanVanLetter("Thanh Ba", "Phú Thọ"));
        DocumentMetadata vinhCuu = extractor.extract(banDanVanLetter("Vĩnh Cửu", "Đồng Nai"));
        assertEquals(thanhBa.number(), vinhCuu.number(), "the same number, read the same");
        assertEquals(thanhBa.date(), vinhCuu.date(), "the same date");
        NearDuplicates groups = new NearDuplicates(dir.resolve("near.tsv"));
        groups.join(NearDuplicates.key(thanhBa).orElseThrow(), "thanh-ba");
        assertEquals(List.of(), groups.join(NearDuplicates.key(vinhCuu).orElseThrow(), "vinh-cuu"),
                "never linked across issuers: " + NearDuplicates.key(thanhBa) + " / " + NearDuplicates.key(vinhCuu));
    }
}
