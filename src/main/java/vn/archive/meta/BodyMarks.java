package vn.archive.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks read from the body and the margins: deadlines ("trước ngày 01/7/2020"), campaigns and movements named in
 * quotes after "phong trào" or "cuộc vận động", and the secrecy and urgency stamps. Pure functions of the text.
 */
public final class BodyMarks {
    /** A date after "ngày"; the pattern opens with a literal so the scan is fast, the lead-in is checked after. */
    private static final Pattern DATE_AFTER_NGAY = Pattern.compile(
            "ngày\\s+(\\d{1,2})\\s*(?:/|-|\\.|\\s+tháng\\s+)\\s*(\\d{1,2})\\s*(?:/|-|\\.|\\s+năm\\s+)\\s*(\\d{4})");
    private static final Pattern LEAD_IN = Pattern.compile("(trước|chậm nhất(?: là)?(?: vào)?|hạn chót(?: là)?)\\s+$");
    /** Verbs that make "trước ngày …" a task's deadline rather than a cut-off in a rule ("được cấp trước ngày …"). */
    private static final Pattern TASK = Pattern.compile(
            "báo cáo|gửi|nộp|hoàn thành|hoàn thiện|trình|tổng hợp|xong|kết thúc");
    private static final Pattern PAST = Pattern.compile("(?<![\\p{L}])(đã|được)(?![\\p{L}])");
    /** A quoted name; opening with the quote mark keeps the scan fast. */
    private static final Pattern QUOTED = Pattern.compile("“([^”\\n]{3,160})”|\"([^\"\\n]{3,160})\"");
    /** What a campaign's quoted name follows: the movement's word, or the previous campaign ("“A” và “B”"). */
    private static final Pattern CAMPAIGN_LEAD = Pattern.compile(
            "(?i:phong trào(?: thi đua)?|cuộc vận động|cuộc thi)\\s*$");
    private static final Pattern CHAINED = Pattern.compile("^\\s*(?:,|và)\\s*$");
    private static final Pattern CLASSIFICATION = Pattern.compile("(?m)^\\s*(TUYỆT MẬT|TỐI MẬT|MẬT)\\s*$");
    private static final Pattern URGENCY = Pattern.compile(
            "(?m)^\\s*(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)(?:\\s+HẸN GIỜ)?\\s*$");
    /** Stamps sit in the header's margin. */
    private static final int STAMP_CHARS = 1500;

    private BodyMarks() {
    }

    /** Deadlines set for a task, in order of appearance, without repeats. */
    public static List<LocalDate> deadlines(String text) {
        Set<LocalDate> out = new LinkedHashSet<>();
        Matcher m = DATE_AFTER_NGAY.matcher(text);
        while (m.find()) {
            Matcher lead = LEAD_IN.matcher(text.substring(Math.max(0, m.start() - 24), m.start()));
            if (!lead.find()) {
                continue;
            }
            boolean firm = !lead.group(1).equals("trước");
            if (!firm) {
                String clause = clauseBefore(text, m.start() - lead.group().length());
                firm = TASK.matcher(clause).find() && !PAST.matcher(clause).find();
            }
            if (firm) {
                try {
                    out.add(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1))));
                } catch (DateTimeException e) {
                    // an impossible date is not a deadline
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The clause that leads up to a position: back to the last sentence or clause break. */
    private static String clauseBefore(String text, int at) {
        int from = Math.max(0, at - 200);
        String before = text.substring(from, at);
        int cut = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')), before.lastIndexOf('\n'));
        return cut >= 0 ? before.substring(cut + 1) : before;
    }

    /** Campaigns and movements named in quotes, in order of first appearance, without repeats. */
    public static List<String> campaigns(String text) {
        Set<String> out = new LinkedHashSet<>();
        int previousEnd = -1;
        for (int open = nextQuote(text, 0); open >= 0; open = nextQuote(text, open + 1)) {
            Matcher m = QUOTED.matcher(text).region(open, Math.min(text.length(), open + 170));
            if (!m.lookingAt()) {
                continue;
            }
            String before = text.substring(Math.max(0, open - 40), open);
            boolean chained = previousEnd >= 0 && previousEnd <= open
                    && CHAINED.matcher(text.substring(previousEnd, open)).matches();
            if (chained || CAMPAIGN_LEAD.matcher(before).find()) {
                add(out, m.group(1) != null ? m.group(1) : m.group(2));
                previousEnd = m.end();
            } else {
                previousEnd = -1;
            }
            open = m.end() - 1;
        }
        return new ArrayList<>(out);
    }

    /** The next opening quote mark, found by a plain scan (a regex would step through every character). */
    private static int nextQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static void add(Set<String> out, String name) {
        String n = name.replaceAll("\\s+", " ").strip();
        if (!n.isEmpty()) {
            out.add(n);
        }
    }

    /** The secrecy stamp: Mật, Tối mật or Tuyệt mật. */
    public static Optional<String> classification(String text) {
        Matcher m = CLASSIFICATION.matcher(head(text));
        return m.find() ? Optional.of(sentence(m.group(1))) : Optional.empty();
    }

    /** The urgency stamp: Khẩn, Thượng khẩn or Hỏa tốc. */
    public static Optional<String> urgency(String text) {
        Matcher m = URGENCY.matcher(head(text));
        return m.find() ? Optional.of(sentence(m.group(1).replace("HOẢ", "HỎA"))) : Optional.empty();
    }

    private static String head(String text) {
        return text.length() > STAMP_CHARS ? text.substring(0, STAMP_CHARS) : text;
    }

    private static String sentence(String upper) {
        String lower = upper.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
