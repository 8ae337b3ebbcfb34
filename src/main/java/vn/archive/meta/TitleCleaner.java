package vn.archive.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trims what a flattened header glues after a title: the enacting body's own line ("QUỐC HỘI", "CHỦ TỊCH UỶ BAN
 * NHÂN DÂN TỈNH", "TỔNG CỤC TRƯỞNG TỔNG CỤC HẢI QUAN"), which sits between the title and the preamble.
 */
final class TitleCleaner {
    private static final List<String> REPUBLIC = words("NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

    private TitleCleaner() {
    }

    /** The title without a trailing enacting body; unchanged when none is found or nothing would be left. */
    static String trimEnactingBody(String title, String issuer, List<String> positions) {
        if (issuer == null) {
            return title.strip().replaceFirst("\\s+LỜI NÓI ĐẦU$", "");
        }
        // the preamble's heading follows a constitution's title on a flattened line
        String[] printed = title.strip().replaceFirst("\\s+LỜI NÓI ĐẦU$", "").split("\\s+");
        List<String> t = new ArrayList<>();
        for (String w : printed) {
            t.add(canon(w));
        }
        List<String> body = words(issuer);
        for (int k = 1; k < t.size(); k++) {
            List<String> tail = t.subList(k, t.size());
            // "… NGÀY 14/07/1993 CỦA QUỐC HỘI": a body after "của" belongs to the title
            boolean owned = t.get(k - 1).equals("của");
            if (!owned && (isBody(tail, body) || enactingPosition(tail, body, positions))) {
                return String.join(" ", Arrays.copyOfRange(printed, 0, k));
            }
        }
        return String.join(" ", printed);
    }

    private static boolean isBody(List<String> tail, List<String> body) {
        if (tail.equals(body)) {
            return true;
        }
        return tail.size() == body.size() + REPUBLIC.size() && tail.subList(0, body.size()).equals(body)
                && tail.subList(body.size(), tail.size()).equals(REPUBLIC);
    }

    private static boolean enactingPosition(List<String> tail, List<String> body, List<String> positions) {
        for (String p : positions) {
            List<String> pw = words(p);
            if (tail.size() > pw.size() && tail.subList(0, pw.size()).equals(pw)) {
                List<String> rest = tail.subList(pw.size(), tail.size());
                if (rest.size() <= body.size() && body.subList(0, rest.size()).equals(rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String s) {
        return CanonicalWords.trimmedWords(s);
    }

    private static String canon(String w) {
        return CanonicalWords.trimmed(w);
    }
}
