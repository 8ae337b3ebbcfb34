package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header of a Party or State document: kind, number and symbol, place and date, subject, issuer.
 * A pure function of the text: unknown fields stay null and are never guessed.
 *
 * <p>Over 400 lines: every header field is read from the same lines in one pass, and the line helpers
 * (motto, leading header, capital runs, subject paragraph) only make sense for that layout; the issuer and the
 * signature have their own classes ({@link IssuerResolver}, {@link SignatureExtractor}).
 */
public final class HeaderExtractor {
    /** How far into the text the header may reach. */
    private static final int HEADER_CHARS = 2500;

    /**
     * The number label of a header: "Số", "Số:", "SỐ", or a lower-case "số:" with its colon ("Luật số: 43/2024/QH15").
     * A lower-case "số" without a colon is a citation in running text ("Kế hoạch số 75-KH/BDVTU") and is not a label.
     */
    /** A capitalised word of a place name, with its apostrophe if any. */
    private static final String PLACE_WORD = "\\p{Lu}\\p{L}*(?:['’ʼ]\\p{L}+)*";
    private static final Pattern NUMBER_LABEL = Pattern.compile(
            "(?<![\\p{L}])(?:(?:Số|SỐ|Sè|Sô)(?:[ \\t]+(?:và|VÀ)[ \\t]+(?:ký|KÝ)[ \\t]+(?:hiệu|HIỆU))?\\s*[:.]?|số\\s*:)\\s*(?=\\d)");
    /**
     * A place and a date: up to five capitalised words before "ngày", a word may hold an apostrophe ("Ea H'leo",
     * "M'Đrắk") and two words may be joined by a dash ("Phan Rang - Tháp Chàm", "Bà Rịa - Vũng Tàu") or by an
     * abbreviation's full stop, with or without a space ("TP. Hồ Chí Minh", "Tp.Hồ Chí Minh"). A symbol's
     * capitals right after its slash or dash are a cited document's number, and the date after it that document's.
     * A page may glue the digits to their word ("ngày 05 tháng11 năm 2010").
     */
    private static final Pattern PLACE_DATE = Pattern.compile(
            // never the tail of a document number: "Kế hoạch số 164-KH/TU ngày 24 …", "61/2018/NĐ-CP ngày 23 …"
            "(?<![/\\d\\p{Lu}]|[\\p{L}\\d][-–])((?:" + PLACE_WORD + "(?:\\.[ \\t]*|[ \\t]+|[ \\t]*[-–][ \\t]*)){0,4}" + PLACE_WORD + ")[ \\t]*,?[ \\t]+ngày\\s*(\\d{1,2})\\s+tháng\\s*(\\d{1,2})\\s+năm\\s*(\\d{4})");
    /** A place's first word alone on the line before the rest of it ("Tam" over "Kỳ, ngày …"). */
    private static final Pattern PLACE_BROKEN_BEFORE = Pattern.compile("(?:^|\\n)[ \\t]*(\\p{Lu}\\p{Ll}+)[ \\t]*\\n[ \\t]*$");
    /** Capitals before a place that a flattened header left there: the motto's words and its dashes, a symbol. */
    private static final Pattern CAPITALS_BEFORE_PLACE = Pattern.compile(
            // never an abbreviated type glued to the name ("Tp.Hồ Chí Minh"): that is the place's own first word
            "^(?:(?!(?iu:tp|tx)\\.\\p{Lu})(?:\\S*\\p{Lu}\\S*\\p{Lu}[^\\s.]*|[-–])\\s+)+(?=\\p{Lu}\\p{Ll})");
    /** A digit group with OCR's letter O for zero ("3O", "2O19"). */
    private static final Pattern OCR_DIGITS = Pattern.compile("(?<![\\p{L}\\d])(?=[\\dOo]*\\d)[\\dOo]+(?![\\p{L}\\d])");
    /** A letter's subject line opener, never the "V/V" inside a symbol ("1740-CV/VPTW"). */
    private static final Pattern SUBJECT = Pattern.compile("(?<![\\p{L}\\d])(?:V/v|V/V|v/v|Về việc)(?![\\p{L}])\\s*:?\\s*"
            // an older label on a line of its own: "Về: tham gia ý kiến về dự thảo Quy chế …"
            + "|(?m:^)[ \\t]*Về[ \\t]*:[ \\t]*(?=\\S)");
    private static final Set<String> NATIONAL_MOTTO = Set.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM");

    /**
     * Everything up to the end of the national motto on a flattened line. The republic's name alone is not the
     * motto: titles say "QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" too. A PDF may wrap the motto before
     * "Hạnh phúc", which then opens the next line.
     */
    private static final Pattern MOTTO_LINE = Pattern.compile(
            "^.*?(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM\\s*Độc lập\\s*[-–]\\s*Tự do\\s*[-–]\\s*(?:Hạnh phúc)?|ĐẢNG CỘNG SẢN VIỆT NAM)"
                    + "|^\\s*Hạnh phúc(?=\\s*-{3,})");

    private static final Pattern WRAPPED_YEAR = Pattern.compile("(?:19|20)\\d{2}\\s+(?=\\p{Lu}{2})");

    /** The date in a Gazette title, right after its number: "SỐ 16/2001/CT-TTG NGÀY 21 THÁNG 6 NĂM 2001". */
    private static final Pattern GAZETTE_DATE = Pattern.compile(
            "^\\s*,?\\s*NGÀY\\s+(\\d{1,2})\\s+THÁNG\\s+(\\d{1,2})\\s+NĂM\\s+(\\d{4})(?!\\d)");

    private final Dictionaries dictionaries;
    /** A kind's name in capitals followed by a capitalised title, anywhere in a line. */
    private final Pattern kindInCapitals;
    /**
     * The title of a text as the Official Gazette prints it, with no header above: kind, issuer, number and date on
     * one or two lines in capitals ("CHỈ THỊ / CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG / NGÀY 21 THÁNG 6 NĂM
     * 2001 VỀ VIỆC …"). Its "CỦA … SỐ" names the document itself, not a citation.
     */
    private final Pattern gazetteTitle;

    public HeaderExtractor(Dictionaries dictionaries) {
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
        List<String> names = new ArrayList<>();
        for (Dictionaries.Kind k : dictionaries.kinds()) {
            names.add(Pattern.quote(k.name().toUpperCase(Locale.ROOT)));
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        this.kindInCapitals = Pattern.compile("(?<![\\p{L}])(" + String.join("|", names) + ")(?=\\s+\\p{Lu}{2})");
        this.gazetteTitle = Pattern.compile("^\\s*(?:" + String.join("|", names)
                + ")\\s+CỦA\\s+\\p{Lu}[\\p{Lu} \\t\\n,]{2,120}?\\s+SỐ\\s*:?\\s*(?=\\d)");
    }

    /** Extracts what the header states. */
    public DocumentMetadata extract(String text) {
        return extractFromHeader(header(text));
    }

    /** Extracts what the header states, given the {@link #header} of the text (so a caller needs it only once). */
    DocumentMetadata extractFromHeader(String header) {
        DocumentMetadata.Builder b = DocumentMetadata.builder();
        Set<String> inferred = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();

        Optional<DocNumber> number = number(header);
        LocalDate gazetteDate = null;
        Matcher gazette = gazetteTitle.matcher(header);
        if (number.isEmpty() && gazette.lookingAt()) {
            Matcher n = DocNumber.WRITTEN.matcher(header).region(gazette.end(), header.length());
            if (n.lookingAt()) {
                number = Optional.of(properCase(DocNumber.fromMatch(n)));
                Matcher d = GAZETTE_DATE.matcher(header).region(n.end(), header.length());
                gazetteDate = d.lookingAt() ? Citation.date(d.group(3), d.group(2), d.group(1)) : null;
            }
        }
        number.ifPresent(n -> b.number(n.format()));

        Matcher pd = PLACE_DATE.matcher(header);
        if (gazetteDate != null) {
            b.date(gazetteDate); // the title's own date; a "ngày" of the body is a citation's
        } else if (findPlaceDate(pd, header)) {
            // drop capitals that end a flattened motto ("… VIỆT NAM Bảo Lộc, ngày"), but keep "TP." and "TX."
            String place = CAPITALS_BEFORE_PLACE.matcher(pd.group(1).strip()).replaceFirst("");
            int lineStart = header.lastIndexOf('\n', pd.start(1) - 1);
            Matcher broken = PLACE_BROKEN_BEFORE.matcher(header)
                    .region(Math.max(0, header.lastIndexOf('\n', Math.max(0, lineStart - 1))), pd.start(1));
            if (lineStart > 0 && header.substring(lineStart, pd.start(1)).isBlank() && broken.find()) {
                place = broken.group(1) + " " + place; // "Tam / Kỳ, ngày 19 tháng 6 năm 2007": a mirror broke the cell
            }
            if (!place.equals("Ngày") && !place.isEmpty()) {
                b.place(place);
            }
            try {
                b.date(LocalDate.of(Integer.parseInt(pd.group(4)), Integer.parseInt(pd.group(3)),
                        Integer.parseInt(pd.group(2))));
            } catch (DateTimeException e) {
                warnings.add("Ngày ban hành không hợp lệ: " + pd.group().strip());
            }
        }

        String[] lines = header.split("\n");
        String kindFromLine = null;
        String titleUnderKind = null;
        for (int i = 0; i < lines.length && kindFromLine == null; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || MOTTO_LINE.matcher(line).find()) {
                // a flattened header puts the kind after the motto on one line; look past it
                line = stripMotto(line);
                if (line.isEmpty()) {
                    continue;
                }
            }
            Optional<Dictionaries.Kind> kind = dictionaries.kindOpeningLine(stripLeadingHeader(line));
            if (kind.isPresent()) {
                kindFromLine = kind.get().name();
                String rest = stripLeadingHeader(line).substring(kind.get().name().length()).strip();
                titleUnderKind = rest.isEmpty() ? paragraphAfter(lines, i) : upperRun(rest + " " + linesAfter(lines, i));
            }
        }
        for (int i = 0; i < lines.length && kindFromLine == null && !lines[i].startsWith("Căn cứ"); i++) {
            // "… năm 2005 QUỐC HỘI NƯỚC … Khoá XI, kỳ họp thứ 8 (…) LUẬT SỞ HỮU TRÍ TUỆ": the kind inside a merged line
            Matcher k = kindInCapitals.matcher(lines[i]);
            // only after a real place and date ("Hà Nội, ngày 29 tháng 11 năm 2005"), not any "ngày" of the body
            if (k.find() && PLACE_DATE.matcher(lines[i].substring(0, k.start())).find()) {
                kindFromLine = dictionaries.kindOpeningLine(k.group(1)).map(Dictionaries.Kind::name).orElse(null);
                titleUnderKind = upperRun(lines[i].substring(k.end(1)).strip() + " " + linesAfter(lines, i));
            }
        }
        if (kindFromLine != null) {
            b.kind(kindFromLine);
        } else if (number.isPresent()) {
            kindFromSymbol(number.get()).ifPresent(k -> {
                b.kind(k);
                inferred.add("kind");
            });
        }

        Matcher subject = SUBJECT.matcher(header);
        if (subject.find()) {
            b.title(subjectText(header, subject.start()));
        } else if (titleUnderKind != null && !titleUnderKind.isBlank()) {
            b.title(titleUnderKind);
        }
        if (b.kind() == null && subject.find(0)) {
            b.kind("Công văn");
            inferred.add("kind");
        }
        b.inferred(inferred);
        b.warnings(warnings);
        return b.build();
    }

    /** The start of the text where the header lies, markup removed and OCR's "O" in numbers read as zero. */
    static String header(String text) {
        String head = plain(text.length() > HEADER_CHARS ? text.substring(0, HEADER_CHARS) : text);
        if (!letterOBesideDigit(head)) {
            return head; // every digit group is all digits already: nothing to replace
        }
        Matcher m = OCR_DIGITS.matcher(head);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group().replace('O', '0').replace('o', '0'));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether an "O" or "o" touches an ASCII digit: a digit group with OCR's O has one, else it is all digits. */
    private static boolean letterOBesideDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 'O' || c == 'o') && (i > 0 && isAsciiDigit(s.charAt(i - 1))
                    || i + 1 < s.length() && isAsciiDigit(s.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes emphasis markup that text exports leave behind (**bold**, *italic*, escaped asterisks). */
    static String plain(String text) {
        // a plain scan: the regex form of these rules costs a regex step per character of a whole code of law
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '*') {
                i++;
            } else if (c == '*') {
                int run = i;
                while (run + 1 < n && text.charAt(run + 1) == '*') {
                    run++;
                }
                // a "***" separator between two header cells glued together ("TRUNG ƯƠNG***Số: 367") keeps them apart
                if (run - i >= 2 && i > 0 && run + 1 < n && Character.isLetterOrDigit(text.charAt(i - 1))
                        && Character.isLetterOrDigit(text.charAt(run + 1))) {
                    sb.append(' ');
                }
                i = run;
            } else if (c == '_' && (i + 1 < n && text.charAt(i + 1) == '_' || i > 0 && text.charAt(i - 1) == '_')) {
                continue;
            } else if (c == ' ' && i + 1 < n && text.charAt(i + 1) == ' ' && spacesToLineEnd(text, i)) {
                while (i + 1 < n && text.charAt(i + 1) == ' ') {
                    i++;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean spacesToLineEnd(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return j == text.length() || text.charAt(j) == '\n';
    }

    /** Words before "SỐ" on its line that make the number a citation: "TRIỂN KHAI THỰC HIỆN KẾ HOẠCH SỐ 164-KH/TU". */
    private static final Pattern CITING_BEFORE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:thực hiện|triển khai|quán triệt|căn cứ|hướng dẫn|sửa đổi|bổ sung|thay thế|bãi bỏ|của|theo|tại)"
                    + "(?![\\p{L}])");

    private static Optional<DocNumber> number(String header) {
        Matcher label = NUMBER_LABEL.matcher(header);
        while (label.find()) {
            int lineStart = header.lastIndexOf('\n', label.start()) + 1;
            if (CITING_BEFORE.matcher(header).region(lineStart, label.start()).find()) {
                continue;
            }
            Matcher m = DocNumber.WRITTEN.matcher(header);
            if (m.find(label.end()) && m.start() == label.end()) {
                return Optional.of(withoutGluedHeader(DocNumber.fromMatch(m)));
            }
        }
        return Optional.empty();
    }

    /** A symbol printed in capitals with its issuers' codes as they are written: "CT-TTG" → "CT-TTg". */
    private DocNumber properCase(DocNumber n) {
        List<String> parts = n.parts().stream().map(p -> dictionaries.issuerByCode(p)
                .map(Dictionaries.IssuerCode::code).filter(c -> c.equalsIgnoreCase(p)).orElse(p)).toList();
        return new DocNumber(n.serial(), n.year(), parts, n.dashed(), n.separators());
    }

    /** The first word of a header line that a flattened page glued to the symbol before it: "VPĐOÀN TNCS", "HUĐẢNG". */
    private static final Pattern GLUED_HEADER_WORD = Pattern.compile("(?<=\\p{Lu})(?:ĐOÀN|ĐẢNG|CỘNG|ỦY|UỶ)$");

    /** "367-QĐ/TWĐTN-VPĐOÀN" (then "TNCS HỒ CHÍ MINH"): the number without the next header line's first word. */
    static DocNumber withoutGluedHeader(DocNumber n) {
        List<String> parts = n.parts();
        Matcher glued = GLUED_HEADER_WORD.matcher(parts.get(parts.size() - 1));
        if (parts.size() < 2 || !glued.find()) {
            return n;
        }
        List<String> cut = new ArrayList<>(parts);
        cut.set(cut.size() - 1, parts.get(parts.size() - 1).substring(0, glued.start()));
        return new DocNumber(n.serial(), n.year(), cut, n.dashed(), n.separators());
    }

    private Optional<String> kindFromSymbol(DocNumber n) {
        for (String part : n.parts()) {
            Optional<Dictionaries.Kind> k = dictionaries.kindByCode(part);
            if (k.isPresent()) {
                return Optional.of(k.get().name());
            }
        }
        return Optional.empty();
    }

    private static String stripMotto(String line) {
        return MOTTO_LINE.matcher(line).replaceFirst("").replaceFirst("^[\\s\\-*]+", "").strip();
    }

    /**
     * {@code pd.find()} on a matcher of {@link #PLACE_DATE} over {@code text}, started at the line of the first
     * "ngày": a match holds "ngày" and nothing before its "ngày" crosses a line break, so no match starts on an
     * earlier line and the first match is the same; a text without "ngày" is not searched at all (it runs on every
     * header line of every document).
     */
    private static boolean findPlaceDate(Matcher pd, String text) {
        int ngay = text.indexOf("ngày");
        if (ngay < 0 || !pd.find(text.lastIndexOf('\n', ngay) + 1)) {
            return false;
        }
        while (citedIssuer(text, pd.start(1))) {
            if (!pd.find()) {
                return false;
            }
        }
        return true;
    }

    /** "của" and a body's name before the capitals, on their line: the issuer and date of a cited document. */
    private static final Pattern CITED_BY = Pattern.compile("(?<![\\p{L}])của(?:[ \\t]+[^\\s,;.]+){1,10}[ \\t]+$");

    /**
     * Whether the capitals at {@code start} end a cited document's issuer ("Căn cứ công văn số 1160/SGDĐT-CTTT của Sở
     * Giáo dục và Đào tạo Thành phố Hồ Chí Minh ngày 20 tháng 4 năm 2021"): that place and date are the cited one's.
     */
    private static boolean citedIssuer(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        return start - lineStart > 4 && CITED_BY.matcher(text).region(Math.max(lineStart, start - 120), start).find();
    }

    /** Drops a leading "Số: …" and place-date from a flattened line so a kind that follows can be seen. */
    private static String stripLeadingHeader(String line) {
        Matcher year = WRAPPED_YEAR.matcher(line);
        if (year.lookingAt()) {
            // "2025 LUẬT …": the year of a date that a PDF wrapped onto this line
            return line.substring(year.end());
        }
        Matcher pd = PLACE_DATE.matcher(line);
        if (findPlaceDate(pd, line) && pd.start() < 40) {
            return line.substring(pd.end()).strip();
        }
        return line;
    }

    /** The capitalised run that forms a title in a flattened header ("VỀ CƠ CHẾ … THU HỒI Căn cứ…"). */
    private static String upperRun(String rest) {
        String[] words = rest.split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.chars().anyMatch(Character::isLowerCase)) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString().strip();
    }

    /** The next few lines after line {@code i}, joined, so a capitalised title can run on over a line break. */
    private static String linesAfter(String[] lines, int i) {
        StringBuilder sb = new StringBuilder();
        for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
            sb.append(' ').append(lines[j].strip());
        }
        return sb.toString();
    }

    /** The lines right after line {@code i}, up to the first blank line. */
    private static String paragraphAfter(String[] lines, int i) {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (j < lines.length && lines[j].isBlank()) {
            j++;
        }
        for (; j < lines.length && !lines[j].isBlank(); j++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(lines[j].strip());
        }
        return sb.toString().strip();
    }

    /** The subject after "V/v": to the end of its paragraph, stopping at the next header element. */
    private static String subjectText(String header, int from) {
        String rest = header.substring(from);
        StringBuilder sb = new StringBuilder();
        for (String line : rest.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("Kính gửi") || NATIONAL_MOTTO.stream().anyMatch(l::startsWith)
                    || PLACE_DATE.matcher(l).lookingAt()) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(l);
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
