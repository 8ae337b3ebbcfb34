package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a lawyer reads a citation's relation beyond its cue word: past work narrated under a document only mentions
 * it; "sửa đổi", "thay thế", "bãi bỏ" right after a kind's name belong to another document's title; a document
 * that "hết hiệu lực" is repealed; a Hướng dẫn guides what its title names; and a document cited many times is one
 * reference with its strongest relation; a report on carrying a document out ("Báo cáo kết quả thực hiện …", or any
 * "thực hiện …" cue in a Báo cáo) reports on it.
 */
final class RelationRules {
    /** "Sau 10 năm", "Qua 5 năm", "kết quả", "tổng kết": what follows is narrated past work. */
    private static final Pattern NARRATED = Pattern.compile(
            "(?iu)(?:(?<![\\p{L}])(?:sau|qua)\\s+(?:\\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|hơn \\d+)"
                    + "(?:\\s+\\p{L}+){0,2}\\s+năm|kết quả|tổng kết|sơ kết|tình hình|quá trình)\\s*(?:\\p{L}+\\s+){0,2}$"
                    // "Trong những năm qua, quán triệt và thực hiện …": what was done in the years gone by
                    + "|(?iu)(?<![\\p{L}])(?:trong\\s+)?(?:những|các|thời gian)\\s+(?:năm\\s+)?qua[\\s,]+(?:\\p{L}+\\s+){0,3}$");
    /**
     * Right before an implementing cue: a report on the work ("báo cáo kết quả thực hiện", "báo cáo tình hình, kết quả
     * triển khai", "báo cáo việc thực hiện", "báo cáo sơ kết 5 năm thực hiện").
     */
    private static final Pattern REPORTED = Pattern.compile(
            "(?iu)(?<![\\p{L}])báo cáo(?:[\\s,]+(?:kết quả|tình hình|sơ kết|tổng kết|đánh giá|việc|về|và|\\d+|năm|tháng"
                    + "|quý|các|một số|nhiệm vụ))*\\s*$");
    /** What a repeal cue reaches when only parts go: "bãi bỏ một số điều, khoản của …" amends the document. */
    private static final Pattern PARTS = Pattern.compile(
            "(?iu)bãi bỏ\\s+(?:một số|các)\\s+(?:điều|khoản|điểm)(?![\\p{L}])");
    /** "thực hiện theo quy định tại …": a rule applied, not a document carried out. */
    private static final Pattern APPLIES = Pattern.compile("(?iu)(?:thực hiện|triển khai)\\s+theo\\s+(?:đúng\\s+)?(?:các\\s+)?quy định(?![\\p{L}])");
    /** A kind's name right before the cue: "Luật sửa đổi", "Nghị định thay thế" name another document. */
    private static final Pattern KIND_BEFORE_CUE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:bộ luật|luật|pháp lệnh|nghị định|thông tư(?: liên tịch)?|nghị quyết|quyết định|chỉ thị)"
                    + "\\s*$");
    /** After the citation, in its sentence: it ceases to have effect. */
    private static final Pattern CEASES = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:hết hiệu lực|(?:bị|được) bãi bỏ)(?![\\p{L}])");
    /** Where a title's region ends: the first line of the body. */
    private static final Pattern BODY_LINE = Pattern.compile(
            "(?m)^\\s*(?:Căn cứ|CĂN CỨ|Thực hiện|Triển khai|Kính gửi|Điều\\s|I[.\\-\\s]|1[.\\-\\s]|[-–+]\\s)");
    private static final int TITLE_REGION = 800;
    /** From the strongest to the weakest. */
    private static final List<Relation> STRENGTH = List.of(Relation.REPLACES, Relation.REPEALS, Relation.AMENDS,
            Relation.GUIDES, Relation.IMPLEMENTS, Relation.REPORTS_ON, Relation.BASED_ON, Relation.MENTIONS);

    private RelationRules() { }

    /**
     * The relation a cue gives, read in its window (the text from the clause or list item start to the citation).
     * Returns MENTIONS where the cue narrates past work or belongs to another document's name, else the cue's own.
     */
    static Relation read(ReferenceCues.Cue cue, String window) {
        if (cue == null) {
            return null;
        }
        String before = window.substring(0, cue.start());
        Relation r = cue.relation();
        if (r == Relation.IMPLEMENTS && REPORTED.matcher(before).find()) {
            return Relation.REPORTS_ON;
        }
        if ((r == Relation.IMPLEMENTS) && (NARRATED.matcher(before).find()
                || APPLIES.matcher(window).region(cue.start(), window.length()).lookingAt())) {
            return Relation.MENTIONS;
        }
        if ((r == Relation.AMENDS || r == Relation.REPLACES || r == Relation.REPEALS)
                && KIND_BEFORE_CUE.matcher(before).find()) {
            return Relation.MENTIONS;
        }
        if (r == Relation.REPEALS && PARTS.matcher(window).region(cue.start(), window.length()).lookingAt()) {
            // "Sửa đổi, bổ sung, bãi bỏ một số điều, khoản của Nghị định số …": the document stays, amended
            return Relation.AMENDS;
        }
        return r;
    }

    /** In a Báo cáo, what it carries out is what it reports on ("Thực hiện Chỉ thị số …, Huyện ủy báo cáo …"). */
    static Relation inReport(Relation r, String kind) {
        return r == Relation.IMPLEMENTS && kind != null && kind.toLowerCase(Locale.ROOT).equals("báo cáo")
                ? Relation.REPORTS_ON : r;
    }

    /** Whether the citation's own sentence says it ceases to have effect ("… hết hiệu lực kể từ ngày …"). */
    static boolean ceases(String text, int end, int nextStart) {
        int stop = Math.min(text.length(), nextStart < 0 ? end + 200 : Math.min(nextStart, end + 200));
        for (int i = end; i < stop; i++) {
            char c = text.charAt(i);
            if (c == ';' || c == '\n' || c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) {
                stop = i;
                break;
            }
        }
        return end < stop && CEASES.matcher(text).region(end, stop).find();
    }

    /**
     * The offsets of a Hướng dẫn's title: from its kind line to the first line of the body (Căn cứ, Thực hiện, a
     * numbered part), at most {@value #TITLE_REGION} characters; null when the document is no Hướng dẫn.
     */
    static int[] guidanceTitle(String text, String kind) {
        if (kind == null || !kind.toLowerCase(Locale.ROOT).equals("hướng dẫn")) {
            return null;
        }
        Matcher k = Pattern.compile("(?m)^\\s*(?:HƯỚNG DẪN|Hướng dẫn)(?![\\p{L}])").matcher(text);
        if (!k.find() || k.start() > 4000) {
            return null;
        }
        int limit = Math.min(text.length(), k.end() + TITLE_REGION);
        int lineEnd = text.indexOf('\n', k.end());
        Matcher body = BODY_LINE.matcher(text).region(lineEnd < 0 ? limit : Math.min(limit, lineEnd + 1), limit);
        return new int[] {k.start(), body.find() ? body.start() : limit};
    }

    /**
     * One reference per cited number (by its key), in the order they are first cited, each with the strongest
     * relation any of its citations gives and the fullest date, issuer and kind. Citations without a number stay.
     */
    static List<Reference> merged(List<Reference> refs) {
        Map<String, Reference> byKey = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        Set<String> withYear = new HashSet<>();
        List<DocNumber> parsed = new ArrayList<>(refs.size());
        for (Reference r : refs) {
            DocNumber n = r.number() == null ? null : DocNumber.parse(r.number()).orElse(null);
            parsed.add(n);
            if (n != null && n.year() != null) {
                withYear.add(n.key());
            }
        }
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            DocNumber n = parsed.get(i);
            String key = r.number() == null ? null : n == null ? r.number() : keyOf(n, r, withYear);
            if (key == null) {
                order.add(r);
                continue;
            }
            Reference seen = byKey.get(key);
            if (seen == null) {
                byKey.put(key, r);
                order.add(key);
            } else {
                byKey.put(key, stronger(seen, r));
            }
        }
        List<Reference> out = new ArrayList<>(order.size());
        for (Object o : order) {
            out.add(o instanceof Reference r ? r : byKey.get((String) o));
        }
        return out;
    }

    /**
     * A number's key; a number printed without its year ("41/NQ-HĐND ngày 09/12/2022") takes the key of the same
     * number with the year of its date when the text also cites it so ("41/2022/NQ-HĐND"): one document.
     */
    private static String keyOf(DocNumber n, Reference r, Set<String> withYear) {
        if (n.year() == null && r.date() != null) {
            String dated = DocNumber.key(n.serial(), String.valueOf(r.date().getYear()), n.parts());
            if (withYear.contains(dated)) {
                return dated;
            }
        }
        return n.key();
    }

    private static boolean hasLower(String number) {
        return number.chars().anyMatch(Character::isLowerCase);
    }

    /** A year among a number's parts ("41/2022/NQ-HĐND"), read without parsing the number again. */
    private static final Pattern YEAR_PART = Pattern.compile("[/-](?:19|20)\\d{2}[/-]");

    private static boolean yearless(String number) {
        return number != null && !YEAR_PART.matcher(number).find();
    }

    /** The first citation's span and text, the strongest relation of the two, the fullest date, issuer and kind. */
    private static Reference stronger(Reference first, Reference next) {
        Relation relation = STRENGTH.indexOf(next.relation()) < STRENGTH.indexOf(first.relation())
                ? next.relation() : first.relation();
        // "34/2014/QĐ-TTG" and "34/2014/QĐ-TTg" are one document: the spelling with a lower-case letter is the right one
        String number = !hasLower(first.number()) && hasLower(next.number()) ? next.number() : first.number();
        if (yearless(number) && !yearless(next.number())) {
            number = next.number(); // the number with its year is the fuller one
        }
        return new Reference(first.kind() != null ? first.kind() : next.kind(), number,
                first.date() != null ? first.date() : next.date(), first.issuer() != null ? first.issuer() : next.issuer(),
                relation, first.text(), first.start(), first.end());
    }
}
