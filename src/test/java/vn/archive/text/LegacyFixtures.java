package vn.archive.text;

import java.nio.charset.StandardCharsets;

/**
 * Writes Unicode text in a legacy encoding, from the same mapping tables the decoder reads, inverted: what an old
 * editor with .VnTime, VNI-Times or a VISCII font would have saved.
 */
public final class LegacyFixtures {
    private LegacyFixtures() {
    }

    /** The bytes of a plain-text file in this encoding (CRLF line ends, as Windows editors wrote). */
    public static byte[] txt(String unicode, LegacyEncoding encoding) {
        return LegacyEncoding.bytes(encoding.encode(unicode).replace("\n", "\r\n"));
    }

    /**
     * The text a DOC, RTF or PDF extractor shows for a document typed in a legacy font: the Windows-1252 reading
     * of the bytes (so "Thực hiện" in .VnTime reads "Thùc hiÖn").
     */
    public static String fontText(String unicode, LegacyEncoding encoding) {
        return LegacyEncoding.extractorView(encoding.encode(unicode));
    }

    /** The comparison form of a text: cleaned, look-alikes plain, ellipses as three dots. */
    public static String comparable(String text) {
        return VietnameseNormalizer.unifyLookalikes(VietnameseNormalizer.clean(text)).replace("\u2026", "...")
                .replace("\r\n", "\n").strip();
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
