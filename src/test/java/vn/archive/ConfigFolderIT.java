package vn.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.AppConfig;
import vn.archive.config.ConfigTables;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An archive opened with a {@code --config} folder reads its edited tables everywhere: extraction, cues, search. */
class ConfigFolderIT {
    private static final String PLAN = """
            HUYỆN ỦY ĐƠN DƯƠNG
            *
            Số 12-PAn/HU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Đơn Dương, ngày 05 tháng 3 năm 2021

            PHƯƠNG ÁN
            tổ chức đại hội chi bộ

            Theo tinh thần Nghị quyết số 25-NQ/TW ngày 03/6/2021 của Bộ Chính trị, Ban Thường vụ Huyện ủy xây dựng
            phương án như sau.

            T/M BAN THƯỜNG VỤ
            BÍ THƯ

            Nguyễn Văn An
            """;
    private static final String OTHER = """
            HUYỆN ỦY ĐƠN DƯƠNG
            *
            Số 12-KH/HU

            ĐẢNG CỘNG SẢN VIỆT NAM
            Đơn Dương, ngày 06 tháng 3 năm 2021

            KẾ HOẠCH
            chuẩn bị phương án nhân sự

            Các chi bộ chuẩn bị phương án nhân sự 12 tháng.
            """;

    private static String withRow(String table, String row) {
        StringBuilder sb = new StringBuilder();
        for (ConfigTables.Row r : ConfigTables.read(null, table, 2)) {
            sb.append(String.join("\t", r.cols())).append('\n');
        }
        return sb.append(row).append('\n').toString();
    }

    @Test
    void a_kind_and_a_relation_cue_added_in_the_config_folder_are_read_by_import_and_search(@TempDir Path temp)
            throws Exception {
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("kinds.tsv"), withRow("kinds.tsv", "PAn\tPhương án"));
        Files.writeString(config.resolve("relation-cues.tsv"), withRow("relation-cues.tsv", "theo tinh thần\timplements"));
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.writeString(inbox.resolve("phuong-an.txt"), PLAN);
        Files.writeString(inbox.resolve("ke-hoach.txt"), OTHER);

        try (Archive archive = Archive.open(new AppConfig(temp.resolve("data"), config, AppConfig.DEFAULT_HOST, 0))) {
            archive.pipeline().run(List.of(inbox), o -> { });
            List<SearchHit> hits = archive.search().search(SearchRequest.of("phương án 12")).hits();
            SearchHit first = hits.get(0);
            assertEquals("12-PAn/HU", first.number(), "the kind name in the query is read as the new kind's code: " + hits);
            assertEquals("Phương án", first.kind());
            DocumentMetadata m = archive.search().document(first.id()).orElseThrow().metadata();
            Reference nq25 = m.references().stream().filter(r -> "25-NQ/TW".equals(r.number())).findFirst().orElseThrow();
            assertEquals(Relation.IMPLEMENTS, nq25.relation(), "the new cue gives its relation");
        }
    }
}
