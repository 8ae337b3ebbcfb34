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
    private static final Pattern DEADLINE = Pattern.compile(
            "(trước|chậm nhất(?: là)?(?: vào)?|hạn chót(?: là)?)\\s+ngày\\s+(\\d{1,2})\\s*(?:/|-|\\.|\\s+tháng\\s+)\\s*(\\d{1,2})"
                    + "\\s*(?:/|-|\\.|\\s+năm\\s+)\\s*(\\d{4})");
    /** Verbs that make "trước ngày …" a task's deadline rather than a cut-off in a rule ("được cấp trước ngày …"). */
    private static final Pattern TASK = Pattern.compile(
            "báo cáo|gửi|nộp|hoàn thành|hoàn thiện|trình|tổng hợp|xong|kết thúc");
    private static final Pattern PAST = Pattern.compile("(?<![\\p{L}])(đã|được)(?![\\p{L}])");
    private static final String QUOTED = "[“\"]([^”\"\\n]{3,160})[”\"]";
    private static final Pattern CAMPAIGN = Pattern.compile(
            "(?i:phong trào(?: thi đua)?|cuộc vận động|cuộc thi)\\s*" + QUOTED
                    + "((?:\\s*(?:,|và)\\s*" + QUOTED + ")*)");
    private static final Pattern FOLLOWING = Pattern.compile(QUOTED);
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
        Matcher m = DEADLINE.matcher(text);
        while (m.find()) {
            boolean firm = !m.group(1).equals("trước");
            if (!firm) {
                String clause = clauseBefore(text, m.start());
                firm = TASK.matcher(clause).find() && !PAST.matcher(clause).find();
            }
            if (firm) {
                try {
                    out.add(LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(2))));
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
        Matcher m = CAMPAIGN.matcher(text);
        while (m.find()) {
            add(out, m.group(1));
            if (m.group(2) != null && !m.group(2).isBlank()) {
                Matcher more = FOLLOWING.matcher(m.group(2));
                while (more.find()) {
                    add(out, more.group(1));
                }
            }
        }
        return new ArrayList<>(out);
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
