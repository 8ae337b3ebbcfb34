package vn.archive.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SingleByteTextTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** A letter typed on Windows: the smart quotes, dash and ellipsis are 0x80–0x9F bytes in Windows-1252. */
    private static final String LETTER = "Kinh gui: cac chi bo truc thuoc\nPhong trao “Dan van kheo” – nam 2020 — "
            + "theo Ke hoach cua Ban Dan van Huyen uy’s …\n";

    @Test
    void a_windows_1252_file_read_as_latin_1_gets_its_quotes_dashes_and_ellipsis_back() {
        byte[] bytes = LETTER.getBytes(WINDOWS_1252);
        String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        String withReplacement = asLatin1.replaceAll("[\\u0080-\\u009F]", "\uFFFD");
        assertEquals(LETTER, SingleByteText.repair(asLatin1, bytes));
        assertEquals(LETTER, SingleByteText.repair(withReplacement, bytes));
    }

    @Test
    void utf8_text_and_undamaged_text_stay_as_they_are() {
        String unicode = "Phong trào “Dân vận khéo” — năm 2020";
        assertEquals(unicode, SingleByteText.repair(unicode, unicode.getBytes(StandardCharsets.UTF_8)));
        String plain = "Kinh gui cac chi bo";
        assertEquals(plain, SingleByteText.repair(plain, plain.getBytes(WINDOWS_1252)));
        assertEquals("x\uFFFD", SingleByteText.repair("x\uFFFD", null), "only a plain-text file's bytes are re-read");
    }
}
