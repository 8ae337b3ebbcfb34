package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds every mention of another document in a text: numbered citations ("Kế hoạch số 75-KH/BDVTU ngày 03/3/2020
 * của Ban Dân vận Tỉnh ủy Lâm Đồng"), named laws without a number ("Luật Hải quan ngày 23 tháng 6 năm 2014"),
 * the Constitution, and Party documents named by their congress ("Nghị quyết Đại hội XII Đảng bộ huyện").
 *
 * <p>The relation comes from the cue words before the citation in the same clause ({@link ReferenceCues}): the
 * last cue between the previous citation (or the clause start) and this one. A citation that only follows another
 * after a separator ("; ", ", ", " và ") continues that list and shares its relation; a citation that sits inside
 * the description of the previous one ("… của Chính phủ quy định chi tiết thi hành Luật Đất đai") is a mention.
 *
 * <p>Bracketed notes that the publisher of a consolidated text inserts ("[Khoản này được hướng dẫn bởi … Nghị định
 * 65/2013/NĐ-CP …]") are not the document's own words: they point from later texts back to this one, and they are
 * left out ({@link EditorialNotes}). A pure function: the same text always gives the same list.
 *
 * <p>Over 300 lines because numbered citations, named citations (laws, the Constitution, congress resolutions) and
 * the relation of each to its cue words still share the match bookkeeping here; the named citations are the next
 * section to move out, as the editorial notes were.
 */
public final class ReferenceExtractor {
    private static final int LOOKBACK = 140;
    private static final int KIND_LOOKBACK = 40;
    /** Longer than any named citation the patterns accept (the amending law's 400-character name and its date). */
    private static final int MATCH_WINDOW = 520;
    private static final int LOOKAHEAD = 260;
    private static final int MAX_ISSUER = 110;

    /** "số", "số:" right before a number. */
    private static final Pattern NUMBER_LABEL = Pattern.compile("(?iu)(?<![\\p{L}])số\\s*:?\\s*$");
    /** The label of a form or annex number rather than a document's: "Mẫu số", "các mẫu số 01/QĐC, 02/QĐC", "Bảng số". */
    private static final Pattern FORM_LABEL = Pattern.compile("(?iu)(?<![\\p{L}])(?:mẫu|biểu|bảng|phụ lục|tờ khai|phiếu|sơ đồ|bản đồ|hình)\\s+số\\s*:?\\s*(?:(?:số\\s+)?[\\p{L}\\p{Nd}/\\-]+\\s*(?:,|và|hoặc)\\s*){0,8}(?:số\\s*)?$");
    /** A named law whose number follows: "Luật Đất đai số ". The name holds no digit and no clause break. */
    private static final Pattern NAMED_BEFORE_NUMBER = Pattern.compile(
            "(?<![\\p{L}])(Bộ luật|Luật|Pháp lệnh)\\s+((?:(?!Luật\\s)[^\\d;\\n\\[\\]()]){1,90}?)\\s+số\\s*:?\\s*$");
    private static final String DATE_WORDS =
            "ngày\\s*(\\d{1,2})\\s*(?:/|-|\\.|tháng)\\s*(\\d{1,2})\\s*(?:/|-|\\.|năm)\\s*(\\d{4})";
    private static final Pattern DATE_AFTER = Pattern.compile("^\\s*,?\\s*(?:ban hành\\s+)?" + DATE_WORDS);
    private static final Pattern ISSUER_AFTER = Pattern.compile(
            "^\\s*,?\\s*của\\s+(\\p{Lu}(?:[^;,.\\n\\[\\]()“”\"]|\\n(?=\\p{Ll})){1," + MAX_ISSUER + "}?)"
                    + "(?=\\s+(?iu:về|quy định|hướng dẫn|ban hành|phê duyệt|triển khai|thực hiện|tiếp tục|sửa đổi|bổ sung|"
                    + "tổ chức thực hiện|v/v|khóa|khoá|đã|được|phải|thì|hết hiệu lực|thí điểm|để|tại|mẫu|và (?:điểm|khoản|điều|"
                    + "chương|nghị|luật|thông tư|quyết định|chỉ thị|kế hoạch))(?![\\p{L}])|[ \\t]*[;,.(“”\"]|\\s*\\n(?!\\p{Ll})|\\s*$)");
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
    /** What may sit between two citations of one list. */
    /** A window that ends with the "và" before a list's last member (the kind's name may follow it). */
    private static final Pattern LAST_MEMBER = Pattern.compile("(?iu)\\svà\\s+(?:\\p{L}+\\s+){0,3}(?:số\\s*)?$");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?iu)^[\\s;,]*(?:và|cùng|hoặc)?[\\s;,]*$");

    private final Dictionaries dictionaries;
    private final ReferenceCues cues;
    private final Pattern kindBefore;
    private final Map<String, String> kindNames = new HashMap<>();

    public ReferenceExtractor(Dictionaries dictionaries, ReferenceCues cues) {
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
        this.cues = Objects.requireNonNull(cues, "cues");
        for (Dictionaries.Kind k : dictionaries.kinds()) {
            kindNames.putIfAbsent(k.name().toLowerCase(Locale.ROOT), k.name());
        }
        String names = dictionaries.kinds().stream().map(Dictionaries.Kind::name).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.kindBefore = Pattern.compile("(?<![\\p{L}])(" + names + ")\\s*(?:số\\s*:?\\s*)?$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Extractor with the cue words loaded with the dictionaries (the {@code --config} folder's, else the jar's). */
    public ReferenceExtractor(Dictionaries dictionaries) {
        this(dictionaries, dictionaries.relationCues());
    }

    /**
     * The references in a text, in text order.
     *
     * @param text      the document's full, normalized text
     * @param ownNumber the document's own number, which is not a reference to another document (may be null)
     */
    public List<Reference> extract(String text, String ownNumber) {
        return extract(text, ownNumber, null);
    }

    /**
     * The references in a text, one per cited document in the order first cited (a document cited again keeps its
     * strongest relation), with a Hướng dẫn's title read as the document it guides.
     *
     * @param ownKind the document's own kind ("Hướng dẫn"), or null
     */
    public List<Reference> extract(String text, String ownNumber, String ownKind) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String original = text;
        // odd spaces (no-break, figure, narrow) become plain ones, one char for one, so offsets still fit the original
        text = text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ');
        String ownKey = ownNumber == null ? null : DocNumber.parse(ownNumber).map(DocNumber::key).orElse(null);
        EditorialNotes editorial = EditorialNotes.of(text);
        List<Found> found = new ArrayList<>();
        numbered(text, ownKey, editorial, found);
        named(text, editorial, found);
        found.sort(Comparator.comparingInt(Found::start));
        return RelationRules.merged(withRelations(text, original, found, RelationRules.guidanceTitle(text, ownKind),
                ownKind));
    }

    /** A citation before its relation is known. */
    private record Found(String kind, String number, LocalDate date, String issuer, int start, int end) { }

    private void numbered(String text, String ownKey, EditorialNotes editorial, List<Found> out) {
        Matcher m = DocNumber.WRITTEN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (nextNumber(m, text, from)) {
            from = m.end();
            if (editorial.covers(m.start())) {
                continue;
            }
            DocNumber n = DocNumber.fromMatch(m);
            if (n.key().equals(ownKey)) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - LOOKBACK), m.start());
            int beforeStart = m.start() - before.length();
            String kind = null;
            int start = m.start();
            // the kind and "số" sit right before the number: a short lookback keeps the big alternation cheap
            int near = Math.max(0, before.length() - KIND_LOOKBACK);
            Matcher kb = kindBefore.matcher(before).region(near, before.length());
            Matcher named = NAMED_BEFORE_NUMBER.matcher(before);
            if (kb.find()) {
                kind = kindNames.get(kb.group(1).toLowerCase(Locale.ROOT));
                start = beforeStart + kb.start();
            } else if ((before.contains("Luật") || before.contains("Pháp lệnh")) && named.find()) {
                kind = named.group(1);
                start = beforeStart + named.start();
            } else {
                Matcher label = NUMBER_LABEL.matcher(before);
                if (label.find()) {
                    start = beforeStart + label.start();
                }
            }
            if (FORM_LABEL.matcher(before).find()) {
                continue; // "Mẫu số 04/QĐC của Phụ lục I" numbers a form, not a document
            }
            boolean labelled = start < m.start();
            Optional<Dictionaries.Kind> byCode = dictionaries.kindByCode(n.parts().get(0));
            boolean knownIssuer = n.parts().stream().anyMatch(p -> dictionaries.issuerByCode(p).isPresent());
            if (!labelled && byCode.isEmpty() && !knownIssuer) {
                continue;
            }
            if (kind == null && byCode.isPresent()) {
                kind = byCode.get().name();
            }
            int end = m.end();
            String after = text.substring(end, Math.min(text.length(), end + LOOKAHEAD));
            LocalDate date = null;
            Matcher d = DATE_AFTER.matcher(after);
            if (d.find()) {
                date = date(d.group(3), d.group(2), d.group(1));
                end += d.end();
                after = after.substring(d.end());
            }
            String issuer = null;
            Matcher i = ISSUER_AFTER.matcher(after);
            if (i.find()) {
                issuer = i.group(1).replace('\n', ' ').strip(); // OCR wraps "của Ban Chấp / hành Trung ương"
                end += i.end();
            }
            out.add(new Found(kind, n.format(), date, issuer, start, end));
        }
    }

    /**
     * Moves the matcher to the next match of {@link DocNumber#WRITTEN} at or after {@code from}, as
     * {@link Matcher#find()} would, but tries the pattern only where a run of digits starts: a number opens with a
     * digit, and trying every character of a long text was the most expensive step of reference extraction.
     */
    private static boolean nextNumber(Matcher m, String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            if (isAsciiDigit(text.charAt(i)) && (i == 0 || !isAsciiDigit(text.charAt(i - 1)))) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void named(String text, EditorialNotes editorial, List<Found> out) {
        List<Found> numbered = List.copyOf(out);
        List<Found> amending = new ArrayList<>();
        for (MatchResult a : matches(AMENDING_LAW, text, "Luật")) {
            if (!editorial.covers(a.start()) && !overlaps(numbered, a.start(), a.start() + 5)) {
                LocalDate date = date(a.group(3), a.group(2), a.group(1));
                if (date != null) {
                    amending.add(new Found("Luật", null, date, null, a.start(), a.end()));
                }
            }
        }
        // the numbered laws inside an amending law's name keep their citation but lose the amending law's date
        for (Found f : amending) {
            out.replaceAll(n -> n.start() >= f.start() && n.end() <= f.end() + 1 && f.date().equals(n.date())
                    ? new Found(n.kind(), n.number(), null, n.issuer(), n.start(), n.end()) : n);
        }
        for (MatchResult m : matches(NAMED_LAW, text, "Luật", "Bộ luật", "Pháp lệnh")) {
            String name = m.group(2).strip();
            if (SELF.matcher(name).find() || overlaps(numbered, m.start(), m.end()) || overlaps(amending, m.start(), m.end())
                    || editorial.covers(m.start())
                    || amendingListMember(text, m.start())) {
                continue;
            }
            LocalDate date = m.group(3) == null ? null : date(m.group(5), m.group(4), m.group(3));
            out.add(new Found(m.group(1), null, date, null, m.start(), m.end()));
        }
        out.addAll(amending);
        for (MatchResult c : matches(CONSTITUTION, text, "Hiến pháp")) {
            if (!overlaps(out, c.start(), c.end()) && !editorial.covers(c.start())) {
                out.add(new Found("Hiến pháp", null, null, null, c.start(), c.end()));
            }
        }
        for (MatchResult p : matches(BY_CONGRESS, text, "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Kế hoạch",
                "Chương trình hành động", "Báo cáo chính trị")) {
            if (!overlaps(out, p.start(), p.end()) && !editorial.covers(p.start())) {
                out.add(new Found(p.group(1), null, null, null, p.start(), p.end()));
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

    private List<Reference> withRelations(String text, String original, List<Found> found, int[] guidanceTitle,
                                          String ownKind) {
        List<Reference> out = new ArrayList<>(found.size());
        Relation previous = null;
        int previousEnd = -1;
        Found container = null;
        boolean listed = false; // the previous citation took its relation as a member of a ';' list
        for (int k = 0; k < found.size(); k++) {
            boolean listedBefore = listed;
            listed = false;
            Found f = found.get(k);
            int clauseStart = clauseStart(text, f.start());
            boolean sameClause = previousEnd >= clauseStart && previousEnd <= f.start();
            int from = sameClause ? previousEnd : clauseStart;
            String window = text.substring(from, f.start());
            Relation relation;
            if (container != null && f.start() > container.start() && f.end() <= container.end() + 1) {
                // a number inside another citation's name ("Luật sửa đổi … của Luật Đất đai số 31/2024/QH15 …")
                relation = Relation.MENTIONS;
            } else if (sameClause && LIST_SEPARATOR.matcher(lastListItem(window)).matches()) {
                String item = lastListItem(window);
                Relation cue = RelationRules.read(cues.last(item), item);
                relation = cue != null ? cue : previous;
                listed = true;
            } else if (sameClause && listedBefore && window.indexOf(';') < 0 && LAST_MEMBER.matcher(window).find()
                    && Objects.equals(f.kind(), found.get(k - 1).kind())) {
                // "…; Nghị định số B …; Nghị định số C … và Nghị định số D …": the list's last member, after 'và'
                relation = previous;
                listed = true;
            } else if (sameClause && window.indexOf(';') < 0) {
                // inside the description of the previous citation: that text's cue words are not this document's
                relation = Relation.MENTIONS;
            } else {
                Relation cue = RelationRules.read(cues.last(window), window);
                relation = cue != null ? cue : Relation.MENTIONS;
            }
            if (relation == Relation.MENTIONS && window.isBlank() || relation == Relation.MENTIONS && !sameClause
                    && window.strip().matches("(?:\\d+[.)]|[-–+])?")) {
                if (RelationRules.ceases(text, f.end(), k + 1 < found.size() ? found.get(k + 1).start() : -1)) {
                    relation = Relation.REPEALS; // "Thông tư số … hết hiệu lực kể từ ngày Thông tư này có hiệu lực"
                }
            }
            if (guidanceTitle != null && f.start() >= guidanceTitle[0] && f.start() < guidanceTitle[1]
                    && (relation == Relation.IMPLEMENTS || relation == Relation.MENTIONS)) {
                relation = Relation.GUIDES; // "HƯỚNG DẪN thực hiện … Quy định số 181-QĐ/TW": the regulation it guides
            }
            relation = RelationRules.inReport(relation, ownKind);
            out.add(new Reference(f.kind(), f.number(), f.date(), f.issuer(), relation,
                    original.substring(f.start(), f.end()).strip(), f.start(), f.end()));
            previous = relation;
            previousEnd = f.end();
            if (f.number() == null && (container == null || f.end() > container.end())) {
                container = f;
            }
        }
        return out;
    }

    /** The part of a window after its last semicolon: "…năm 2020; " → " ". */
    private static String lastListItem(String window) {
        int semi = window.lastIndexOf(';');
        return semi < 0 ? window : window.substring(semi + 1);
    }

    /** Where the clause holding this position starts: after the last line break or sentence end before it. */
    private static int clauseStart(String text, int pos) {
        int limit = Math.max(0, pos - 2000);
        for (int i = pos - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '.' && i + 1 < pos && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 2;
            }
        }
        return limit;
    }

    private static boolean overlaps(List<Found> found, int start, int end) {
        for (Found f : found) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
