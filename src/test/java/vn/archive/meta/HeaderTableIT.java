package vn.archive.meta;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import vn.archive.ingest.SourceFile;
import vn.archive.ingest.TikaExtractor;
import vn.archive.model.DocumentMetadata;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Party header laid out as Word does it, a two-column table, interleaved row by row once Tika flattens it. */
class HeaderTableIT {
    private static final String[][] HEADER = {
            {"ĐẢNG BỘ TỈNH LÂM ĐỒNG\nTHÀNH ỦY BẢO LỘC\n*", "ĐẢNG CỘNG SẢN VIỆT NAM"},
            {"Số 134 - CV/ThU", "Bảo Lộc, ngày 28 tháng 4 năm 2020"},
            {"V/v tiếp tục lãnh đạo, chỉ đạo đẩy mạnh\nphong trào thi đua “Dân vận khéo”", ""}};

    @Test
    void a_two_column_header_table_flattened_by_tika_keeps_its_fields() throws Exception {
        String text = new TikaExtractor().extract(new SourceFile("header.docx", "header.docx", docx())).text();
        DocumentMetadata m = new MetadataExtractor(Dictionaries.builtIn()).extract(text);
        assertEquals("134-CV/ThU", m.number(), "a number with spaces around its dash is one number");
        assertEquals(LocalDate.of(2020, 4, 28), m.date());
        assertEquals("Bảo Lộc", m.place());
        assertEquals("Thành ủy Bảo Lộc", m.issuer());
        assertEquals("Đảng bộ tỉnh Lâm Đồng", m.parentIssuer());
        assertEquals("V/v tiếp tục lãnh đạo, chỉ đạo đẩy mạnh phong trào thi đua “Dân vận khéo”", m.title());
        assertEquals(List.of("UBND thành phố", "Các tổ chức Đảng trực thuộc Thành ủy"), m.recipients());
    }

    private static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = doc.createTable(HEADER.length, 2);
            for (int r = 0; r < HEADER.length; r++) {
                for (int c = 0; c < 2; c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    String[] lines = HEADER[r][c].split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                        p.createRun().setText(lines[i]);
                    }
                }
            }
            for (String line : List.of("Kính gửi:", "- UBND thành phố;", "- Các tổ chức Đảng trực thuộc Thành ủy.", "",
                    "Ban Thường vụ Thành ủy yêu cầu triển khai thực hiện.")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
