package vn.archive.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes a publisher adds in square brackets to a consolidated text ("[Khoản này được hướng dẫn bởi … Nghị định
 * 65/2013/NĐ-CP …]"): not the document's own words, so the citations inside them are not its citations.
 */
final class EditorialNotes {
    /** A publisher's editorial note in square brackets. */
    private static final Pattern BRACKET = Pattern.compile("\\[[^\\[\\]]{0,20000}\\]");
    private static final Pattern EDITORIAL = Pattern.compile(
            "được (?:hướng dẫn|sửa đổi|bổ sung|bãi bỏ|thay thế|quy định chi tiết|đính chính)|hết hiệu lực|bị (?:bãi bỏ|thay thế|đình chỉ)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final List<int[]> ranges;

    private EditorialNotes(List<int[]> ranges) {
        this.ranges = ranges;
    }

    /** The editorial notes of a text. */
    static EditorialNotes of(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BRACKET.matcher(text);
        while (m.find()) {
            if (EDITORIAL.matcher(m.group()).find()) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return new EditorialNotes(out);
    }

    /** Whether this offset of the text is inside an editorial note. */
    boolean covers(int pos) {
        for (int[] r : ranges) {
            if (pos >= r[0] && pos < r[1]) {
                return true;
            }
        }
        return false;
    }
}
