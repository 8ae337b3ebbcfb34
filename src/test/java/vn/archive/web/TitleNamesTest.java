package vn.archive.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Places and bodies the tables know keep their capitals when a title in capitals is shown in sentence case. */
class TitleNamesTest {
    private static final Dictionaries TABLES = Dictionaries.builtIn();

    /**
     * Each line: what the case shows | kind | title in capitals | as shown. Hòa Bình is a province and "hòa bình" is
     * peace, Thống Nhất a district and "thống nhất" unity: a place is restored only after its unit word.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a province after its unit word | Kế hoạch | TRIỂN KHAI PHONG TRÀO THI ĐUA TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG | Kế hoạch triển khai phong trào thi đua trên địa bàn tỉnh Lâm Đồng
            a ministry by name and a district's city | Công văn | V/V THỰC HIỆN Ý KIẾN CỦA BỘ TÀI CHÍNH TẠI THÀNH PHỐ BẢO LỘC | Công văn về việc thực hiện ý kiến của Bộ Tài chính tại thành phố Bảo Lộc
            a district's committee | Báo cáo | KẾT QUẢ CÔNG TÁC DÂN VẬN CỦA HUYỆN ỦY TRIỆU PHONG NĂM 2020 | Báo cáo kết quả công tác dân vận của Huyện ủy Triệu Phong năm 2020
            a centrally governed city | Kế hoạch | TỔ CHỨC LỄ KỶ NIỆM TẠI THÀNH PHỐ HỒ CHÍ MINH | Kế hoạch tổ chức lễ kỷ niệm tại Thành phố Hồ Chí Minh
            a position before its body | Thông tư | SỬA ĐỔI THÔNG TƯ SỐ 12/2015/TT-BTC CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH | Thông tư sửa đổi Thông tư số 12/2015/TT-BTC của Bộ trưởng Bộ Tài chính
            a position before its holder | Kế hoạch | HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG, ĐẠO ĐỨC, PHONG CÁCH CHỦ TỊCH HỒ CHÍ MINH | Kế hoạch học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh
            a position before an ordinary word stays lower | Quy định | VỀ TIÊU CHUẨN CHỨC DANH GIÁM ĐỐC CÁC ĐƠN VỊ SỰ NGHIỆP | Quy định về tiêu chuẩn chức danh giám đốc các đơn vị sự nghiệp
            a place that is also a word stays lower without its unit word | Nghị quyết | VỀ GIỮ VỮNG HÒA BÌNH VÀ THỐNG NHẤT, PHÁT TRIỂN TỈNH HÒA BÌNH | Nghị quyết về giữ vững hòa bình và thống nhất, phát triển tỉnh Hòa Bình
            """)
    void known_places_bodies_and_positions_keep_their_capitals_and_ordinary_words_do_not(String what, String kind,
                                                                                        String capitals, String shown) {
        assertEquals(shown, Titles.heading(capitals, kind), what);
    }

    @Test
    void every_known_place_in_a_corpus_title_keeps_the_capitals_of_the_table() throws IOException {
        MetadataExtractor extractor = new MetadataExtractor(TABLES);
        Pattern afterUnit = placesAfterUnitWords();
        List<String> checked = new ArrayList<>();
        for (Path dir : List.of(TestCorpus.SEEDS, TestCorpus.ROOT.resolve("state"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    DocumentMetadata m = extractor.extract(Files.readString(f, StandardCharsets.UTF_8));
                    if (m.title() == null) {
                        continue;
                    }
                    String heading = Titles.heading(m.title(), m.kind());
                    Matcher found = afterUnit.matcher(heading);
                    while (found.find()) {
                        String name = found.group(2);
                        String table = TABLES.adminUnits().stream().map(Dictionaries.AdminUnit::name)
                                .filter(n -> n.equalsIgnoreCase(name)).findFirst().orElseThrow();
                        assertEquals(table, name, f + ": " + heading);
                        checked.add(f.getFileName() + ": " + heading);
                    }
                    for (Dictionaries.IssuerCode body : TABLES.issuers()) {
                        Matcher named = Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(body.name()) + "(?!\\p{L})")
                                .matcher(heading);
                        boolean proper = body.name().substring(Math.max(0, body.name().indexOf(' ')))
                                .codePoints().anyMatch(Character::isUpperCase);
                        while (proper && named.find()) {
                            assertEquals(body.name(), named.group(), f + ": " + heading);
                            checked.add(f.getFileName() + ": " + heading);
                        }
                    }
                }
            }
        }
        System.out.println("TitleNamesTest: " + String.join("\n  ", checked));
        assertTrue(checked.size() >= 3, "the corpus titles name places: " + checked);
    }

    /** A unit word, then a province or district of the table, in any casing. */
    private static Pattern placesAfterUnitWords() {
        String names = TABLES.adminUnits().stream().map(Dictionaries.AdminUnit::name)
                .filter(n -> n.codePoints().anyMatch(Character::isLetter))
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow();
        return Pattern.compile("(?iu)(?<!\\p{L})(tỉnh|huyện|thành phố|thị xã|quận|huyện ủy|tỉnh ủy|thành ủy) ("
                + names + ")(?!\\p{L})");
    }
}
