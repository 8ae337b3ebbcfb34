package vn.archive.meta;

import vn.archive.model.DocNumber;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static vn.archive.meta.Citation.DATE_WORDS;
import static vn.archive.meta.Citation.date;

/**
 * Numbered citations: "Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng", "Luật Đất đai số
 * 31/2024/QH15", a bare number whose code names a kind or an issuer. Each is read with its kind word before it, and
 * its date and issuer after it. A form's or annex's number ("Mẫu số 04/QĐC") is not a document's.
 */
final class NumberedCitations {
    private static final int LOOKBACK = 140;
    private static final int KIND_LOOKBACK = 40;
    private static final int LOOKAHEAD = 260;
    private static final int MAX_ISSUER = 110;

    /** "số", "số:" right before a number. */
    private static final Pattern NUMBER_LABEL = Pattern.compile("(?iu)(?<![\\p{L}])số\\s*:?\\s*$");
    /** The label of a form or annex number rather than a document's: "Mẫu số", "các mẫu số 01/QĐC, 02/QĐC", "Bảng số". */
    private static final Pattern FORM_LABEL = Pattern.compile("(?iu)(?<![\\p{L}])(?:mẫu|biểu|bảng|phụ lục|tờ khai|phiếu|sơ đồ|bản đồ|hình)\\s+số\\s*:?\\s*(?:(?:số\\s+)?[\\p{L}\\p{Nd}/\\-]+\\s*(?:,|và|hoặc)\\s*){0,8}(?:số\\s*)?$");
    /** A named law whose number follows: "Luật Đất đai số ". The name holds no digit and no clause break. */
    private static final Pattern NAMED_BEFORE_NUMBER = Pattern.compile(
            "(?<![\\p{L}])(Bộ luật|Luật|Pháp lệnh)\\s+((?:(?!Luật\\s)[^\\d;\\n\\[\\]()]){1,90}?)\\s+số\\s*:?\\s*$");
    private static final Pattern DATE_AFTER = Pattern.compile("^\\s*,?\\s*(?:ban hành\\s+)?" + DATE_WORDS);
    private static final Pattern ISSUER_AFTER = Pattern.compile(
            "^\\s*,?\\s*của\\s+(\\p{Lu}(?:[^;,.\\n\\[\\]()“”\"]|\\n(?=\\p{Ll})){1," + MAX_ISSUER + "}?)"
                    + "(?=\\s+(?iu:về|quy định|hướng dẫn|ban hành|phê duyệt|triển khai|thực hiện|tiếp tục|sửa đổi|bổ sung|"
                    + "tổ chức thực hiện|v/v|khóa|khoá|đã|được|phải|thì|hết hiệu lực|thí điểm|để|tại|mẫu|và (?:điểm|khoản|điều|"
                    + "chương|nghị|luật|thông tư|quyết định|chỉ thị|kế hoạch|kết luận|quy định|quy chế|hướng dẫn|thông báo|thông tri|công văn|"
                    + "chương trình|đề án))(?![\\p{L}])|[ \\t]*[;,.(“”\"]|\\s*\\n(?!\\p{Ll})|\\s*$)");

    private final Dictionaries dictionaries;
    private final Pattern kindBefore;
    private final Map<String, String> kindNames = new HashMap<>();

    NumberedCitations(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
        for (Dictionaries.Kind k : dictionaries.kinds()) {
            kindNames.putIfAbsent(k.name().toLowerCase(Locale.ROOT), k.name());
        }
        String names = dictionaries.kinds().stream().map(Dictionaries.Kind::name).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.kindBefore = Pattern.compile("(?<![\\p{L}])(" + names + ")\\s*(?:số\\s*:?\\s*)?$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Adds the numbered citations of a text, in text order, leaving out the document's own number and the notes. */
    void find(String text, String ownKey, EditorialNotes editorial, List<Citation> out) {
        Matcher m = DocNumber.WRITTEN.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (nextNumber(m, text, from)) {
            from = m.end();
            if (editorial.covers(m.start())) {
                continue;
            }
            DocNumber n = DocNumber.fromMatch(m);
            DocNumber unglued = ownKey == null ? n : HeaderExtractor.withoutGluedHeader(n);
            if (n.key().equals(ownKey) || unglued != n && unglued.key().equals(ownKey)) {
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
            out.add(new Citation(kind, n.format(), date, issuer, start, end));
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
}
