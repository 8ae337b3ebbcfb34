package vn.archive.meta;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static vn.archive.meta.Citation.DATE_WORDS;
import static vn.archive.meta.Citation.LIST_SEPARATOR;
import static vn.archive.meta.Citation.date;
import static vn.archive.meta.Citation.overlaps;

/**
 * Citations by name rather than number: laws, codes and ordinances with their date or year ("Luật Hải quan ngày 23
 * tháng 6 năm 2014"), an amending law by its long name, the Constitution, and Party documents named by their congress
 * or plenum ("Nghị quyết Đại hội XII Đảng bộ huyện").
 */
final class NamedCitations {
    /** Longer than any named citation the patterns accept (the amending law's 400-character name and its date). */
    private static final int MATCH_WINDOW = 520;
    /** A law, code or ordinance named without a number, with its date or year: "Luật Hải quan ngày 23 tháng 6 năm 2014". */
    private static final Pattern NAMED_LAW = Pattern.compile(
            "(?<![\\p{L}])(Bộ luật|Luật|Pháp lệnh)\\s+((?:(?!Luật\\s|Bộ luật\\s|Pháp lệnh\\s|ngày\\s|năm\\s|là\\s|có\\s|được\\s|đã\\s|này\\s)[^\\d;.\\n\\[\\]()“”\"])"
                    + "{1,120}?)\\s*,?\\s+(?:" + DATE_WORDS + "|năm\\s+(\\d{4}))(?![\\p{L}\\p{Nd}])");
    /**
     * An amending law cited by its long name and date, without its number: "Luật sửa đổi, bổ sung một số điều của
     * Luật Đất đai số 31/2024/QH15, …, Luật Các tổ chức tín dụng số 32/2024/QH15 ngày 29 tháng 6 năm 2024" (the
     * date is the amending law's). It may contain the numbered citations of the laws it amends.
     */
    private static final Pattern AMENDING_LAW = Pattern.compile(
            "(?<![\\p{L}])Luật\\s+(?iu:sửa đổi),?\\s+(?:bổ sung\\s+)?[^;\\n\\[\\]]{1,400}?\\s+(?:ngày\\s+)?"
                    + "(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})(?![\\p{L}\\p{Nd}])");
    /** The Constitution by its full name or its year (a bare "Hiến pháp" in running text is not a citation). */
    private static final Pattern CONSTITUTION = Pattern.compile(
            "(?<![\\p{L}])Hiến pháp(?:\\s+nước\\s+Cộng\\s+h(?:oà|òa)\\s+xã\\s+hội\\s+chủ\\s+nghĩa\\s+Việt\\s+Nam"
                    + "(?:\\s+năm\\s+(\\d{4}))?|\\s+năm\\s+(\\d{4}))(?![\\p{L}\\p{Nd}])");
    /** A Party document known by its congress or plenum rather than a number. */
    private static final Pattern BY_CONGRESS = Pattern.compile(
            "(?<![\\p{L}])(Nghị quyết|Chỉ thị|Kết luận|Quy định|Kế hoạch|Chương trình hành động|Báo cáo chính trị)\\s+"
                    + "((?:Đại hội|Hội nghị)[^;,.\\n\\[\\]()“”\"]{1,80}?)(?=\\s+về\\s|\\s*[;,.\\n(“”\"]|\\s*$)");
    /** A lone "Luật này", "Bộ luật này": the document itself. */
    private static final Pattern SELF = Pattern.compile("(?iu)^(?:này|nay)(?![\\p{L}])");

    private NamedCitations() {
    }

    /** Adds the named citations of a text to the numbered ones already in {@code out}, leaving out the notes. */
    static void find(String text, EditorialNotes editorial, List<Citation> out) {
        List<Citation> numbered = List.copyOf(out);
        List<Citation> amending = new ArrayList<>();
        for (MatchResult a : matches(AMENDING_LAW, text, "Luật")) {
            if (!editorial.covers(a.start()) && !overlaps(numbered, a.start(), a.start() + 5)) {
                LocalDate date = date(a.group(3), a.group(2), a.group(1));
                if (date != null) {
                    amending.add(new Citation("Luật", null, date, null, a.start(), a.end()));
                }
            }
        }
        // the numbered laws inside an amending law's name keep their citation but lose the amending law's date
        for (Citation f : amending) {
            out.replaceAll(n -> n.start() >= f.start() && n.end() <= f.end() + 1 && f.date().equals(n.date())
                    ? new Citation(n.kind(), n.number(), null, n.issuer(), n.start(), n.end()) : n);
        }
        for (MatchResult m : matches(NAMED_LAW, text, "Luật", "Bộ luật", "Pháp lệnh")) {
            String name = m.group(2).strip();
            if (SELF.matcher(name).find() || overlaps(numbered, m.start(), m.end()) || overlaps(amending, m.start(), m.end())
                    || editorial.covers(m.start())
                    || amendingListMember(text, m.start())) {
                continue;
            }
            LocalDate date = m.group(3) == null ? null : date(m.group(5), m.group(4), m.group(3));
            out.add(new Citation(m.group(1), null, date, null, m.start(), m.end()));
        }
        out.addAll(amending);
        for (MatchResult c : matches(CONSTITUTION, text, "Hiến pháp")) {
            if (!overlaps(out, c.start(), c.end()) && !editorial.covers(c.start())) {
                out.add(new Citation("Hiến pháp", null, null, null, c.start(), c.end()));
            }
        }
        for (MatchResult p : matches(BY_CONGRESS, text, "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Kế hoạch",
                "Chương trình hành động", "Báo cáo chính trị")) {
            if (!overlaps(out, p.start(), p.end()) && !editorial.covers(p.start())) {
                out.add(new Citation(p.group(1), null, null, null, p.start(), p.end()));
            }
        }
    }

    /**
     * Matches of a pattern that can only start at one of these words, as {@link Matcher#find()} would give them.
     * Trying the pattern only where a start word is (found with indexOf) keeps long lazy patterns cheap on long laws.
     */
    private static List<MatchResult> matches(Pattern pattern, String text, String... startWords) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (String w : startWords) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                starts.add(i);
            }
        }
        List<MatchResult> out = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int after = 0;
        for (int start : starts) {
            if (start < after) {
                continue;
            }
            m.region(start, Math.min(text.length(), start + MATCH_WINDOW));
            if (m.lookingAt()) {
                out.add(m.toMatchResult());
                after = m.end();
            }
        }
        return out;
    }

    /**
     * True for "Luật Tổ chức chính quyền địa phương" in "Luật sửa đổi … của Luật Tổ chức Chính phủ và Luật Tổ chức
     * chính quyền địa phương ngày 22 tháng 11 năm 2019": the date belongs to the amending law, not to this one.
     */
    private static boolean amendingListMember(String text, int start) {
        int from = Math.max(0, start - 300);
        String before = text.substring(from, start);
        int cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('\n'));
        String clause = before.substring(cut + 1);
        return clause.contains("một số điều của") && !clause.strip().isEmpty()
                && !LIST_SEPARATOR.matcher(clause.substring(clause.lastIndexOf("một số điều của"))).matches()
                && clause.lastIndexOf("Luật") > clause.lastIndexOf("một số điều của") - 60;
    }
}
