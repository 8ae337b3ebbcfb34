package vn.archive.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The Content-Disposition header for downloads, safe for any file name (RFC 6266 with an RFC 5987 UTF-8 name). */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
