package vn.archive.text;

import java.nio.charset.Charset;

/**
 * Repairs plain text that an extractor decoded with the wrong single-byte code page. Tika labels a Windows-1252
 * file ISO-8859-1, so its typographic marks (’ “ ” – — … in bytes 0x80–0x9F) come out as U+FFFD or as C1 control
 * characters. When the file's bytes are not UTF-8, hold such bytes, and the extracted text shows that damage, the
 * bytes are decoded again as Windows-1252. Anything else is left as it is.
 */
public final class SingleByteText {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SingleByteText() {
    }

    /**
     * The text decoded as Windows-1252 when that repairs it, else the extracted text unchanged.
     *
     * @param extracted the text as the extractor decoded it
     * @param rawPlain  the bytes of a plain-text file, or null for any other format
     */
    public static String repair(String extracted, byte[] rawPlain) {
        if (extracted == null || rawPlain == null || !damaged(extracted) || !hasC1Bytes(rawPlain) || LegacyText.hasMultiByteUtf8(rawPlain)) {
            return extracted;
        }
        return new String(rawPlain, WINDOWS_1252);
    }

    private static boolean damaged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c >= '\u0080' && c <= '\u009F') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x80 && u <= 0x9F) {
                return true;
            }
        }
        return false;
    }
}
