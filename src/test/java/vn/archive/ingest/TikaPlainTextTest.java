package vn.archive.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain-text files in a single-byte Windows code page, as Tika reads them. */
class TikaPlainTextTest {
    @Test
    void a_windows_1252_text_file_keeps_its_quotes_dashes_and_ellipsis() throws Exception {
        String letter = "Kinh gui: cac chi bo truc thuoc\nPhong trao “Dan van kheo” – nam 2020 — theo Ke hoach’s …\n"
                + "De nghi cac don vi trien khai thuc hien nghiem tuc, bao cao ket qua truoc ngay 30/6/2020.\n";
        byte[] bytes = letter.getBytes(Charset.forName("windows-1252"));
        String text = new TikaExtractor().extract(new SourceFile("cp1252.txt", "cp1252.txt", bytes)).text();
        assertFalse(text.contains("\uFFFD"), text);
        assertTrue(text.contains("“Dan van kheo”") && text.contains("–") && text.contains("—"), text);
        assertTrue(text.contains("Ke hoach’s"), text);
    }
}
