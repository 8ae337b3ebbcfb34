package vn.archive.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {
    @Test
    void utf8_names_are_shown_as_they_are() {
        assertEquals("Quyết định 12.pdf", FileNames.legible("Quyết định 12.pdf".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytes_that_are_not_utf8_are_escaped_one_by_one_not_replaced() {
        assertEquals("a\\xFFb\\xFE.txt", FileNames.legible(new byte[] {'a', (byte) 0xFF, 'b', (byte) 0xFE, '.', 't', 'x', 't'}));
        // TCVN3 "Quyết định": each byte that does not start valid UTF-8 keeps its own escape, the rest stays readable
        assertEquals("Quy\\xD5t \\xAE\\xDFnh", FileNames.legible(new byte[] {'Q', 'u', 'y', (byte) 0xD5, 't', ' ', (byte) 0xAE,
                (byte) 0xDF, 'n', 'h'}));
        // a truncated UTF-8 sequence at the end
        assertEquals("đ\\xE1\\xBA", FileNames.legible(new byte[] {(byte) 0xC4, (byte) 0x91, (byte) 0xE1, (byte) 0xBA}));
    }

    @Test
    void control_characters_cannot_reach_a_terminal_or_split_a_line() {
        assertEquals("ten\\u0007\\u001B[31m\\u000Ax.txt", FileNames.escapeControls("ten\u0007\u001b[31m\nx.txt"));
        assertEquals("tab\\u0009\\u0085", FileNames.legible("tab\t\u0085".getBytes(StandardCharsets.UTF_8)));
    }
}
