package vn.archive.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Legible, lossless names for reports: bytes that are not UTF-8 become {@code \xFF}, control characters a
 * backslash-u escape. Java decodes a file name's bad bytes to U+FFFD, so two different names could print alike, and
 * a terminal would obey the escape sequences a name carries; the report must name each file so it can be found.
 */
final class FileNames {
    private static final char REPLACEMENT = '\uFFFD';

    private FileNames() {
    }

    /** The path as text, with each name element that lost bytes to decoding rebuilt from its raw bytes. */
    static String legible(Path path) {
        String text = path.toString();
        if (text.indexOf(REPLACEMENT) < 0) {
            return escapeControls(text);
        }
        StringBuilder out = new StringBuilder(path.getRoot() == null ? "" : path.getRoot().toString());
        for (int i = 0; i < path.getNameCount(); i++) {
            if (i > 0) {
                out.append(path.getFileSystem().getSeparator());
            }
            String name = path.getName(i).toString();
            out.append(name.indexOf(REPLACEMENT) < 0 ? escapeControls(name) : legible(rawBytes(path.subpath(0, i + 1))));
        }
        return out.toString();
    }

    /**
     * The raw bytes of a path's last name element. A Unix path keeps the bytes the directory listing gave it, and its
     * URI percent-encodes them, which is the one public way to read them back.
     */
    static byte[] rawBytes(Path path) {
        String raw = path.toAbsolutePath().toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                out.write(c); // the URI percent-encodes every byte outside printable ASCII
            }
        }
        return out.toByteArray();
    }

    /** Raw name bytes as text: UTF-8 where they are UTF-8, {@code \xNN} for every byte that is not. */
    static String legible(byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer chars = CharBuffer.allocate(raw.length + 1);
        StringBuilder out = new StringBuilder();
        while (true) {
            CoderResult r = decoder.decode(in, chars, true);
            chars.flip();
            out.append(escapeControls(chars.toString()));
            chars.clear();
            if (r.isError()) {
                for (int k = 0; k < r.length(); k++) {
                    out.append(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xFF));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return out.toString();
    }

    /** Control characters (C0, DEL, C1) as a backslash-u escape, so a name cannot steer a terminal or split a report line. */
    static String escapeControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
