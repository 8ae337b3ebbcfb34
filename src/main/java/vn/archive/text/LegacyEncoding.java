package vn.archive.text;

import vn.archive.config.ConfigTables;

import com.ibm.icu.text.Normalizer2;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pre-Unicode Vietnamese encoding, with its mapping table loaded from {@code index-config/legacy/<name>.tsv}.
 *
 * <p>Legacy text reaches us as "byte text": a string whose chars 0–255 stand for the bytes of the legacy
 * encoding, either the raw bytes of a .txt file, or what a DOC, RTF or PDF extractor shows for a font such as
 * .VnTime, which is the Windows-1252 reading of the bytes (see {@link #byteText(String)}). Chars above 255 are
 * already real Unicode and pass through unchanged.
 */
public enum LegacyEncoding {
    /** TCVN 5712:1993 VN3, the "ABC" fonts .VnTime, .VnArial and their capital variants .VnTimeH. */
    TCVN3("TCVN3", "tcvn3.tsv"),
    /** VNI-Windows fonts (VNI-Times): base letter followed by a mark byte. */
    VNI("VNI-Windows", "vni.tsv"),
    /** VISCII (RFC 1456). */
    VISCII("VISCII", "viscii.tsv"),
    /** Windows-1258: letters followed by combining tone marks. */
    WINDOWS_1258("Windows-1258", "windows-1258.tsv");

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** Windows-1252's meaning of bytes 0x80–0x9F (0 where undefined), which is what Tika shows for them. */
    private static final String CP1252_HIGH = "\u20AC\u0000\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160"
            + "\u2039\u0152\u0000\u017D\u0000\u0000\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u0000\u017E\u0178";
    private static final Map<Character, Character> CP1252_TO_BYTE = cp1252ToByte();
    /** The five Vietnamese tone marks as combining characters. */
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private final String displayName;
    private final String file;
    private volatile Table table;

    /** The decoding table (byte sequences of one or two bytes → Unicode) and its inverse. */
    private record Table(Map<String, String> decode, Map<String, String> encode, int longest,
                         Set<Character> marks) { }

    LegacyEncoding(String displayName, String file) {
        this.displayName = displayName;
        this.file = file;
    }

    /** The name officers know it by ("TCVN3", "VNI-Windows"). */
    public String displayName() {
        return displayName;
    }

    /**
     * Decodes byte text: each byte sequence of the table becomes its Unicode letter; other bytes keep their
     * Windows-1252 meaning; chars above 255 pass through. The result is NFC.
     */
    public String decode(CharSequence byteText) {
        Table t = table();
        StringBuilder sb = new StringBuilder(byteText.length());
        int i = 0;
        while (i < byteText.length()) {
            char c = byteText.charAt(i);
            if (c > 0xFF) {
                sb.append(c);
                i++;
                continue;
            }
            String hit = null;
            int len = Math.min(t.longest(), byteText.length() - i);
            for (; len >= 1; len--) {
                hit = t.decode().get(byteText.subSequence(i, i + len).toString());
                if (hit != null) {
                    break;
                }
            }
            if (hit != null) {
                sb.append(hit);
                i += len;
            } else {
                sb.append(c >= 0x80 && c <= 0x9F && CP1252_HIGH.charAt(c - 0x80) != 0 ? CP1252_HIGH.charAt(c - 0x80) : c);
                i++;
            }
        }
        return NFC.normalize(sb);
    }

    /**
     * Encodes Unicode text as byte text with this table inverted, as an old editor would have saved it; letters
     * the encoding lacks are given in their nearest form (TCVN3 has no toned capitals: they take the lowercase
     * code, as .VnTimeH documents do), and characters with no byte at all are left as they are.
     */
    public String encode(String unicode) {
        Table t = table();
        StringBuilder sb = new StringBuilder(unicode.length() * 2);
        String nfc = NFC.normalize(unicode);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            String s = String.valueOf(c);
            String bytes = t.encode().get(s);
            if (bytes == null && Character.isUpperCase(c)) {
                bytes = t.encode().get(s.toLowerCase(Locale.ROOT));
            }
            if (bytes == null && this == WINDOWS_1258) {
                bytes = encodeDecomposed(t, s);
            }
            if (bytes != null) {
                sb.append(bytes);
            } else if (c < 0x80) {
                sb.append(c);
            } else if (CP1252_TO_BYTE.containsKey(c) && free(t, CP1252_TO_BYTE.get(c))) {
                sb.append(CP1252_TO_BYTE.get(c));
            } else if (c <= 0xFF && free(t, c)) {
                sb.append(c);
            } else {
                // no byte for it: an old editor would have typed the plain form (" for “, - for –, ... for …)
                sb.append(c == '\u2026' ? "..." : VietnameseNormalizer.unifyLookalikes(s));
            }
        }
        return sb.toString();
    }

    /** Whether this byte means nothing special in the table, so it may carry its Windows-1252 meaning. */
    private static boolean free(Table t, char b) {
        return !t.decode().containsKey(String.valueOf(b)) && !t.marks().contains(b);
    }

    /** Windows-1258 writes most toned letters as a letter (perhaps with its vowel mark) plus a combining tone. */
    private static String encodeDecomposed(Table t, String s) {
        String nfd = Normalizer2.getNFDInstance().normalize(s);
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            (TONE_MARKS.indexOf(c) >= 0 ? tones : base).append(c);
        }
        String letter = NFC.normalize(base);
        String bytes = letter.length() == 1 && letter.charAt(0) < 0x80 ? letter : t.encode().get(letter);
        if (bytes == null || tones.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(bytes);
        for (int i = 0; i < tones.length(); i++) {
            String mark = t.encode().get(String.valueOf(tones.charAt(i)));
            if (mark == null) {
                return null;
            }
            sb.append(mark);
        }
        return sb.toString();
    }

    /**
     * What an extractor shows for byte text typed in a legacy font: the Windows-1252 reading of each byte, and the
     * C1 control for the five bytes Windows-1252 leaves undefined (as Word keeps them). Inverse of
     * {@link #byteText(String)}.
     */
    public static String extractorView(String byteText) {
        StringBuilder sb = new StringBuilder(byteText.length());
        for (int i = 0; i < byteText.length(); i++) {
            char c = byteText.charAt(i);
            boolean high = c >= 0x80 && c <= 0x9F && CP1252_HIGH.charAt(c - 0x80) != 0;
            sb.append(high ? CP1252_HIGH.charAt(c - 0x80) : c);
        }
        return sb.toString();
    }

    /**
     * The byte text an extractor's output stands for: Windows-1252 punctuation back to its byte (“ → 0x93), chars
     * up to 255 as they are; other chars stay (they cannot be legacy bytes).
     */
    public static String byteText(String extracted) {
        StringBuilder sb = new StringBuilder(extracted.length());
        for (int i = 0; i < extracted.length(); i++) {
            char c = extracted.charAt(i);
            Character b = CP1252_TO_BYTE.get(c);
            sb.append(b != null ? b : c);
        }
        return sb.toString();
    }

    /** The byte text of raw bytes (ISO-8859-1 maps every byte to the char of the same value). */
    public static String byteText(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The real bytes of byte text, for writing fixtures; chars above 255 become '?'. */
    public static byte[] bytes(String byteText) {
        byte[] out = new byte[byteText.length()];
        for (int i = 0; i < out.length; i++) {
            char c = byteText.charAt(i);
            out[i] = (byte) (c <= 0xFF ? c : '?');
        }
        return out;
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            t = load(file);
            table = t;
        }
        return t;
    }

    private static Table load(String file) {
        Map<String, String> decode = new LinkedHashMap<>();
        Map<String, String> encode = new HashMap<>();
        int longest = 1;
        for (ConfigTables.Row r : ConfigTables.read(null, "legacy/" + file, 2)) {
            String bytes = parse(r.cols()[0], 16, r);
            String unicode = NFC.normalize(parse(r.cols()[1].replace("U+", ""), 16, r));
            decode.put(bytes, unicode);
            encode.putIfAbsent(unicode, bytes);
            longest = Math.max(longest, bytes.length());
        }
        Set<Character> marks = new HashSet<>();
        decode.keySet().forEach(k -> {
            for (int i = 1; i < k.length(); i++) {
                marks.add(k.charAt(i));
            }
        });
        return new Table(Collections.unmodifiableMap(decode), Collections.unmodifiableMap(encode), longest,
                Set.copyOf(marks));
    }

    private static String parse(String hexList, int radix, ConfigTables.Row row) {
        StringBuilder sb = new StringBuilder();
        for (String h : hexList.trim().split("\\s+")) {
            try {
                sb.appendCodePoint(Integer.parseInt(h, radix));
            } catch (NumberFormatException e) {
                throw row.error("[" + h + "] is not hexadecimal");
            }
        }
        return sb.toString();
    }

    private static Map<Character, Character> cp1252ToByte() {
        Map<Character, Character> m = new HashMap<>();
        for (int i = 0; i < CP1252_HIGH.length(); i++) {
            if (CP1252_HIGH.charAt(i) != 0) {
                m.put(CP1252_HIGH.charAt(i), (char) (0x80 + i));
            }
        }
        return Map.copyOf(m);
    }
}
