package vn.archive.meta;

import vn.archive.model.DocNumber;
import vn.archive.text.VietnameseNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who issued a document and the body above it, with level and sector. Reads the header's left column when
 * there is one; otherwise infers the issuer from the symbol (or the "Lưu" code of the distribution list), the
 * authority line ("T/M BAN THƯỜNG VỤ") and the locality, and says so.
 *
 * <p>Over 550 lines: splitting the left column and inferring the issuer from symbol, distribution code, authority
 * line, locality and (for a lost header) the body that enacts the text, with or without its tone marks, are one
 * decision that falls back from one source to the next, and they share the same word tests (committee, department,
 * place name inside a body name); the tables themselves are {@link Dictionaries}.
 */
public final class IssuerResolver {
    /**
     * Where the left column of a header ends: the national motto (a mirror may break its cell after "CỘNG"), the
     * number label or the place and date.
     */
    private static final Pattern COLUMN_END = Pattern.compile(
            "CỘNG\\s{1,3}H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG\\s{1,3}CỘNG SẢN VIỆT NAM|(?<![\\p{L}])(?:Số|SỐ|Sè)(?![\\p{L}])|\\p{L}+ số\\s*:|,?\\s*ngày\\s+\\d|\\n\\s*\\n\\s*\\p{Ll}");
    /** What opens the right cell of a header row: the motto, its second line, the Party's name, the place and date. */
    private static final Pattern RIGHT_CELL = Pattern.compile(
            "CỘNG H(?:ÒA|OÀ) XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|(?iu:độc lập)\\s*-|\\p{Lu}\\p{L}*(?:[ -]+\\p{Lu}\\p{L}*)*,\\s*ngày\\s");
    /** A committee's department on its own line right above the number line. */
    private static final Pattern LATE_DEPARTMENT = Pattern.compile(
            "(?m)^[ \\t]*(VĂN PHÒNG|BAN [\\p{Lu} ]{2,30}?|ỦY BAN KIỂM TRA)[ \\t]*\\n[ \\t]*(?:Số|SỐ)(?![\\p{L}])");
    private static final int LATE_DEPARTMENT_CHARS = 600;
    /** A header row that carries the document's number. */
    private static final Pattern NUMBER_ROW = Pattern.compile("(?:Số|SỐ)(?![\\p{L}])");
    private static final Pattern SEPARATOR = Pattern.compile("\\\\\\*|[-–_=*]{2,}|(?m)^\\s*\\*\\s*$");
    /** Words that open the name of a body; a flattened header splits where a second one starts. */
    private static final List<String> HEADS = List.of("đảng bộ", "đảng ủy", "chi bộ", "thành ủy", "huyện ủy", "tỉnh ủy",
            "quận ủy", "thị ủy", "tổng cục", "cục", "sở", "bộ", "ban", "văn phòng", "ủy ban", "hội đồng", "ubnd", "hđnd",
            "chính phủ", "quốc hội", "thủ tướng", "phủ thủ tướng", "tòa án", "viện kiểm sát", "kiểm toán", "mặt trận",
            "đoàn", "hội", "công an", "bộ chỉ huy", "trường", "phòng", "chi cục", "trung tâm", "bcđ", "ban chỉ đạo");
    /** HEADS split into words once. */
    private static final String[][] HEAD_WORDS = HEADS.stream().map(h -> h.split(" ")).toArray(String[][]::new);
    private static final Pattern COMMUNE = Pattern.compile(".* (xã|phường|thị trấn) .*");
    private static final Pattern DISTRICT = Pattern.compile(".* (huyện|quận|thị xã) .*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final List<String> COMMITTEES = List.of("huyện ủy", "tỉnh ủy", "thành ủy", "quận ủy", "thị ủy");
    /** A committee's own departments, printed under its name in a header. */
    private static final List<String> DEPARTMENTS = List.of("ban", "văn phòng", "ủy ban kiểm tra");
    private static final String CENTRAL_COMMITTEE = "ban chấp hành trung ương";
    /** The types of administrative units, canonical: the word after one begins a place name. */
    private static final Set<String> UNIT_TYPES = Set.of("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã",
            "phường", "thị trấn");
    /** A city named in an issuer (canonical form): "ủy ban nhân dân thành phố mỹ tho", "thành ủy đà nẵng". */
    private static final Pattern CITY = Pattern.compile(" (?:thành phố|thành ủy) (\\p{L}[\\p{L} ]*?) $");
    /** The digits a header line may hold: numbered urban districts and wards ("QUẬN ỦY QUẬN 4", "PHƯỜNG 12"). */
    private static final Pattern NUMBERED_UNIT = Pattern.compile("(?:QUẬN|PHƯỜNG)\\s+\\d{1,2}(?!\\d)");
    private static final Pattern AUTHORITY = Pattern.compile("^(?:T/M|TM\\.)\\s+(.+)$");
    private static final Pattern LUU = Pattern.compile("^Lưu\\s*:?\\s*(.*)$");

    private final Dictionaries dictionaries;
    private final DisplayCase casing;
    /** The canonical names of the cities that are provinces (Hà Nội, Đà Nẵng…). */
    private final List<String> provinceCities;
    /** The canonical words of each dictionary body's name, in the order of {@code dictionaries.issuers()}. */
    private final List<String[]> issuerWords;
    /** Each dictionary body's name without tone marks, lower case ("ban bi thu"), in the same order. */
    private final List<String> unmarkedNames;

    /** What was resolved, and which of it was inferred. */
    public record Result(String issuer, String parentIssuer, String level, String sector, boolean issuerInferred,
                         boolean parentInferred, boolean levelInferred) {
        public Result(String issuer, String parentIssuer, String level, String sector, boolean issuerInferred,
                      boolean parentInferred) {
            this(issuer, parentIssuer, level, sector, issuerInferred, parentInferred, false);
        }
    }

    /**
     * The operative formula at a clause start: the enacting body and its verb ("Ủy ban nhân dân tỉnh ban hành
     * Chương trình", "BỘ CHÍNH TRỊ QUYẾT ĐỊNH", "Ban Tuyên giáo Trung ương hướng dẫn").
     */
    private static final Pattern ENACTING = Pattern.compile(
            "(?:^|[,;.:]\\s+|\\n|(?<=\\d))\\s*(\\p{Lu}\\p{L}*(?:[ \\t]+\\p{L}+){0,7}?)(?:[ \\t]+|[ \\t]*\\n[ \\t]*)"
                    // a mirror's hard line break may fall between the body and its verb ("Chính phủ / ban hành …")
                    + "(?iu:ban hành|hướng dẫn|quyết định|quy định|thông báo)(?![\\p{L}])"
                    // "… đạt yêu cầu đề ra. Đại hội đại biểu Đảng bộ tỉnh lần thứ XI; / QUYẾT NGHỊ": the body closes
                    // its sentence and the operative word stands on a line of its own
                    + "|(?:^|[.;:]\\s+|\\n)(\\p{Lu}\\p{L}*(?:[ \\t]+\\p{L}+){1,9})[;:,]?[ \\t]*\\n(?:[ \\t]*\\n)*"
                    + "[ \\t]*(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)[ \\t]*:?[ \\t]*(?:\\n|$)");
    private static final int ENACTING_CHARS = 6000;
    /** A text that lost its header names who acts in its opening paragraphs. */
    private static final int UNMARKED_CHARS = 3000;
    /**
     * The same formula read without tone marks, for a text whose marks a site scrambled ("Bộ Chính trị, Bãn Bí thư
     * ýêụ cầú các cấp úỷ …"), with the verbs by which a Party or State body acts in a conclusion or a letter too:
     * "yêu cầu", "kết luận (như sau)", "có ý kiến (như sau)", "chỉ thị".
     */
    private static final Pattern ENACTING_UNMARKED = Pattern.compile(
            "(?:^|[,;.:]\\s+|\\n)\\s*(\\p{Lu}\\p{L}*(?:[ \\t]+\\p{L}+){0,7}?)(?:[ \\t]+|[ \\t]*\\n[ \\t]*)"
                    + "(?i:ban hanh|huong dan|quyet dinh|quy dinh|thong bao|yeu cau|ket luan|co y kien|chi thi)"
                    + "(?![\\p{L}])");

    public IssuerResolver(Dictionaries dictionaries, DisplayCase casing) {
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
        this.casing = Objects.requireNonNull(casing, "casing");
        this.provinceCities = dictionaries.adminUnits().stream()
                .filter(u -> "tỉnh".equals(u.level()) && "thành phố".equals(u.type())).map(u -> canon(u.name())).toList();
        this.issuerWords = dictionaries.issuers().stream().map(i -> canon(i.name()).split(" ")).toList();
        this.unmarkedNames = dictionaries.issuers().stream().map(i -> VietnameseNormalizer.fold(canon(i.name()))).toList();
    }

    /**
     * Resolves the issuer.
     *
     * @param header       the plain header text (start of the document)
     * @param number       the document's number, or null
     * @param place        the printed place of issue, or null
     * @param authority    the signer's authority ("T/M Ban Thường vụ"), or null
     * @param distribution the "Nơi nhận" items
     * @param text         the whole text, to find the locality named in the body
     */
    public Result resolve(String header, DocNumber number, String place, String authority, List<String> distribution,
                          String text) {
        List<String> column = column(header);
        String issuer = null;
        String parent = null;
        boolean inferred = false;
        boolean parentInferred = false;
        String fullName = null; // the department's name with its committee's, for its level and sector
        if (column.size() == 2 && joint(column.get(0), column.get(1))) {
            // "ỦY BAN NHÂN DÂN TỈNH KON TUM / ỦY BAN MTTQ VIỆT NAM TỈNH KON TUM": two issuers, neither above the other
            issuer = casing.apply(column.get(0)) + " - " + casing.apply(column.get(1));
        } else if (!column.isEmpty()) {
            issuer = casing.apply(column.get(column.size() - 1));
            parent = column.size() > 1 ? casing.apply(column.get(0)) : null;
            // A Party body names itself in its header with the body directly above it on the line before
            // (Hướng dẫn 36-HD/VPTW; Nghị định 30/2020 likewise for State bodies): "TỈNH ỦY HÀ TĨNH / BAN TUYÊN
            // GIÁO" is the issuer "Ban Tuyên giáo" under "Tỉnh ủy Hà Tĩnh", both kept as printed. The full name
            // ("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh", "Ban Tuyên giáo Trung ương") only gives the level and sector.
            if (parent != null && isDepartment(issuer) && startsWithCommittee(parent)) {
                fullName = issuer + " " + parent;
            } else if (parent != null && isDepartment(issuer) && canon(parent).equals(CENTRAL_COMMITTEE)) {
                fullName = issuer + " Trung ương";
            }
        } else {
            Optional<Dictionaries.IssuerCode> code = codeOf(number, distribution);
            if (code.isPresent()) {
                Dictionaries.AdminUnit unit = locality(code.get().level(), place, text);
                String name = code.get().name();
                Matcher a = authority == null ? null : AUTHORITY.matcher(authority);
                if (a != null && a.matches() && !canon(name).contains(canon(a.group(1)))) {
                    name = a.group(1) + " " + name;
                }
                if (endsWithCommittee(name)) {
                    if (unit == null) {
                        name = null;
                    } else {
                        name = name + " " + unit.name();
                    }
                }
                if (name != null) {
                    issuer = name;
                    inferred = true;
                    if ("party".equals(code.get().sector()) && unit != null && unit.province() != null) {
                        parent = "Đảng bộ tỉnh " + unit.province();
                        parentInferred = true;
                    }
                }
            }
        }
        if (column.size() == 1 && number != null) {
            // "BAN CHẤP HÀNH TRUNG ƯƠNG" over "Số: 367-QĐ/TWĐTN-VP": the header's second line ("ĐOÀN TNCS HỒ CHÍ MINH")
            // was lost or glued to the number; the symbol's body, whose name goes on from the printed one, is the issuer
            Optional<Dictionaries.IssuerCode> code = codeOf(number, List.of());
            if (code.isPresent() && canon(code.get().name()).startsWith(canon(issuer) + " ")) {
                issuer = code.get().name();
            }
        }
        String[] levelSector = levelAndSector(fullName != null ? fullName : issuer, number);
        if (levelSector[0] == null && parent != null) {
            // a body the tables lack takes the level and sector of the body above it ("Sở … / UBND tỉnh Ninh Thuận")
            levelSector = levelAndSector(parent, null);
        }
        boolean levelInferred = false;
        if (levelSector[0] == null && issuer == null && text != null) {
            // a header lost on the way: the body that enacts the text still says which level and sector it is
            levelSector = enactingBody(text.length() > ENACTING_CHARS ? text.substring(0, ENACTING_CHARS) : text);
            levelInferred = levelSector[0] != null;
        }
        return new Result(issuer, parent, levelSector[0], levelSector[1], inferred, parentInferred, levelInferred);
    }

    /** Level and sector of the first enacting body the text names with its operative verb, else nulls. */
    private String[] enactingBody(String text) {
        Matcher m = ENACTING.matcher(text);
        while (m.find()) {
            String[] ls = levelAndSector(m.group(1) != null ? m.group(1) : m.group(2), null);
            if (ls[0] != null) {
                return ls;
            }
        }
        // without tone marks: scrambled marks ("Bạn Bí thư", "ýêụ cầú") read as the words they damaged
        Matcher u = ENACTING_UNMARKED.matcher(Unmarked.of(
                text.length() > UNMARKED_CHARS ? text.substring(0, UNMARKED_CHARS) : text));
        while (u.find()) {
            String[] ls = unmarkedBody(u.group(1));
            if (ls[0] != null) {
                return ls;
            }
        }
        return new String[] {null, null};
    }

    /**
     * Level and sector of the dictionary body (of two words or more: one word without marks says too little, "so"
     * is "Sở" and "số") that a name without tone marks contains, the longest one; else nulls.
     */
    private String[] unmarkedBody(String name) {
        String n = " " + VietnameseNormalizer.fold(name).replaceAll("\\s+", " ").strip() + " ";
        Dictionaries.IssuerCode best = null;
        int bestLength = 0;
        for (int i = 0; i < issuerWords.size(); i++) {
            String folded = unmarkedNames.get(i);
            if (issuerWords.get(i).length >= 2 && folded.length() > bestLength && n.contains(" " + folded + " ")) {
                best = dictionaries.issuers().get(i);
                bestLength = folded.length();
            }
        }
        return best == null ? new String[] {null, null} : levelAndSector(best.name(), null);
    }

    /** The lines of the header's left column, separators removed; a flattened line is split where a new body starts. */
    List<String> column(String header) {
        Matcher end = COLUMN_END.matcher(header);
        String col;
        if (!end.find()) {
            col = "";
        } else if (end.group().startsWith("C") || end.group().startsWith("Đ")) {
            // the motto or the Party's name: when capitals precede it on its line, a page flattened the two-column
            // header row by row ("UBND TỈNH NINH THUẬN CỘNG HÒA … / SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - …")
            String before = header.substring(header.lastIndexOf('\n', end.start() - 1) + 1, end.start()).strip();
            col = !before.isEmpty() && before.equals(before.toUpperCase(Locale.ROOT))
                    && before.chars().anyMatch(Character::isLetter) ? leftOfRows(header) : header.substring(0, end.start());
        } else {
            col = header.substring(0, end.start());
        }
        col = SEPARATOR.matcher(col).replaceAll("\n");
        List<String> lines = new ArrayList<>();
        for (String line : col.split("\n")) {
            // a table's cell borders that a mirror kept ("CHỦ TỊCH ỦY BAN / NHÂN DÂN |") are no part of a name
            String l = WHITE_SPACE.matcher(line.replace('|', ' ')).replaceAll(" ").strip();
            if (l.startsWith("Y BAN ")) {
                l = "Ủ" + l; // "Y BAN NHÂN DÂN": a PDF or a web page lost the "Ủ"
            }
            if (dictionaries.kindOpeningLine(l).isPresent()) {
                // the kind's name ("KẾ HOẠCH") closes the header; nothing after it is the issuer
                break;
            }
            // only capitals make a header line; a title-case line is body text
            if (!l.isEmpty() && l.equals(l.toUpperCase(Locale.ROOT)) && l.chars().anyMatch(Character::isLetter)
                    && NUMBERED_UNIT.matcher(l).replaceAll("").chars().noneMatch(Character::isDigit)) {
                lines.add(l);
            }
        }
        // a line that does not open with a body continues the one above ("BỘ TÀI / NGUYÊN VÀ MÔI TRƯỜNG" wrapped)
        List<String> joined = new ArrayList<>();
        for (String l : lines) {
            String[] both = joined.isEmpty() ? null : (joined.get(joined.size() - 1) + " " + l).split(" ");
            if (both != null && (headAt(l.split(" "), 0) == 0 && !endsWithPlace(joined.get(joined.size() - 1), both)
                    || knownBodyAt(both, 0) == both.length)) {
                // also "ỦY BAN THƯỜNG VỤ / QUỐC HỘI": one known body wrapped where a second one seems to start
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + l);
            } else {
                joined.add(l);
            }
        }
        if (joined.size() == 1 && (startsWithCommittee(joined.get(0)) || canon(joined.get(0)).equals(CENTRAL_COMMITTEE))) {
            // a page that flattened the header column by column may print the department after the motto and the
            // date, right above its number ("BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG CỘNG SẢN … / Hà Nội, ngày … / VĂN
            // PHÒNG / Số: 21-HD/VPTW"): it is the issuer under the committee
            Matcher late = LATE_DEPARTMENT.matcher(header);
            if (late.find() && late.start() < LATE_DEPARTMENT_CHARS) {
                return List.of(joined.get(0), late.group(1).strip());
            }
        }
        if (joined.size() == 1) {
            return split(joined.get(0));
        }
        return joined;
    }

    /**
     * Whether a header line is a whole body that ends with its place's name ("TỈNH ỦY BÌNH DƯƠNG", "ỦY BAN NHÂN DÂN
     * TỈNH KON TUM") which the next line does not go on with: that line is then a department of its own, even when
     * OCR damaged the word that would show it ("VĂN PHỊNG" for "VĂN PHÒNG"), not the rest of a wrapped name.
     *
     * @param line the line above
     * @param both the line above and the next one, as words
     */
    private boolean endsWithPlace(String line, String[] both) {
        String[] words = canon(line).split(" ");
        String[] all = Arrays.stream(both).map(IssuerResolver::canon).toArray(String[]::new);
        if (dictionaries.places().continuesName(all, words.length)) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String before = words[i - 1];
            String before2 = i > 1 ? words[i - 2] + " " + before : "";
            boolean opens = UNIT_TYPES.contains(before) || UNIT_TYPES.contains(before2)
                    || COMMITTEES.contains(before2);
            String place = String.join(" ", Arrays.copyOfRange(words, i, words.length));
            if (opens && dictionaries.places().isName(place)) {
                // "TỈNH ỦY BÀ RỊA / VŨNG TÀU": a longer name goes on over the break, with or without its dash
                String next = String.join(" ", Arrays.copyOfRange(all, words.length, all.length));
                return !dictionaries.places().isName(place + " " + next)
                        && !dictionaries.places().isName(place + " - " + next);
            }
        }
        return false;
    }

    /**
     * The left cells of a header flattened row by row: each line up to the motto, the Party's name or the place and
     * date, until the number line, a separator line or a blank line.
     */
    private static String leftOfRows(String header) {
        StringBuilder left = new StringBuilder();
        for (String line : header.split("\n", 8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("*") || NUMBER_ROW.matcher(l).lookingAt()) {
                break;
            }
            Matcher right = RIGHT_CELL.matcher(l);
            left.append(right.find() ? l.substring(0, right.start()) : l).append('\n');
        }
        return left.toString();
    }

    /** Splits "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN" into its two bodies; a joint header ("BỘ A - BỘ B") stays one. */
    private List<String> split(String line) {
        if (line.contains(" - ")) {
            return List.of(line);
        }
        String[] words = line.split(" ");
        String[] canonical = Arrays.stream(words).map(IssuerResolver::canon).toArray(String[]::new);
        List<Integer> starts = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            int n = insidePlaceName(canonical, i) ? 0 : headAt(words, i);
            int known = knownBodyAt(words, i);
            if (n > 0 && known > n) {
                // a whole known body ("VĂN PHÒNG QUỐC HỘI") is never cut at a head inside it
                starts.add(i);
                i += known;
            } else if (n > 0) {
                boolean committeeOfBan = i > 0 && canon(words[0]).equals("ban") && isCommittee(words, i, n);
                if (!committeeOfBan) {
                    starts.add(i);
                }
                i += n;
            } else {
                i++;
            }
        }
        if (starts.size() < 2 || starts.get(0) != 0) {
            return List.of(line);
        }
        int cut = starts.get(1);
        return List.of(String.join(" ", Arrays.copyOfRange(words, 0, cut)),
                String.join(" ", Arrays.copyOfRange(words, cut, words.length)));
    }

    /** The length in words of the longest dictionary body whose name starts at word i, or 0. */
    private int knownBodyAt(String[] words, int i) {
        int best = 0;
        for (String[] bw : issuerWords) {
            if (bw.length > best && i + bw.length <= words.length) {
                boolean same = true;
                for (int k = 0; k < bw.length && same; k++) {
                    same = canon(words[i + k]).equals(bw[k]);
                }
                if (same) {
                    best = bw.length;
                }
            }
        }
        return best;
    }

    /**
     * Whether word i continues a place name begun before it ("HẢI PHÒNG": that PHÒNG is no office).
     *
     * @param words the line's words, each already in canonical form
     */
    private boolean insidePlaceName(String[] words, int i) {
        if (i > 0 && UNIT_TYPES.contains(words[i - 1])
                || i > 1 && UNIT_TYPES.contains(words[i - 2] + " " + words[i - 1])) {
            // "HUYỆN TRƯỜNG SA": a word right after a unit's type starts its name, whatever else it means
            return true;
        }
        return dictionaries.places().continuesName(words, i);
    }

    private static int headAt(String[] words, int i) {
        int best = 0;
        for (String[] hw : HEAD_WORDS) {
            if (i + hw.length <= words.length && hw.length > best) {
                boolean same = true;
                for (int k = 0; k < hw.length && same; k++) {
                    same = canon(words[i + k]).equals(hw[k]);
                }
                if (same) {
                    best = hw.length;
                }
            }
        }
        return best;
    }

    private static boolean isCommittee(String[] words, int i, int n) {
        String head = canon(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
        return COMMITTEES.contains(head);
    }

    private static boolean isDepartment(String name) {
        String c = canon(name);
        return DEPARTMENTS.stream().anyMatch(d -> c.equals(d) || c.startsWith(d + " "));
    }

    private static boolean startsWithCommittee(String name) {
        String c = canon(name);
        return COMMITTEES.stream().anyMatch(k -> c.startsWith(k + " "));
    }

    private static boolean endsWithCommittee(String name) {
        String c = canon(name);
        return COMMITTEES.stream().anyMatch(c::endsWith);
    }

    /** The issuer code from the symbol's last part, or else from the "Lưu" line of the distribution list. */
    private Optional<Dictionaries.IssuerCode> codeOf(DocNumber number, List<String> distribution) {
        if (number != null) {
            for (int i = number.parts().size() - 1; i >= 1; i--) {
                Optional<Dictionaries.IssuerCode> c = dictionaries.issuerByCode(number.parts().get(i));
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        for (String item : distribution) {
            Matcher m = LUU.matcher(item);
            if (m.matches()) {
                List<String> codes = List.of(m.group(1).split("[\\s,;:()]+"));
                for (int i = codes.size() - 1; i >= 0; i--) {
                    Optional<Dictionaries.IssuerCode> c = dictionaries.issuerByCode(codes.get(i));
                    if (c.isPresent() && !c.get().code().equals("-")) {
                        return c;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The unit of this level that the document belongs to: the place of issue, or the first one the body names. */
    private Dictionaries.AdminUnit locality(String level, String place, String text) {
        return dictionaries.places().locality(level, place, text);
    }

    /** Level and sector from the longest dictionary body named in the issuer, the locality overriding the level. */
    private String[] levelAndSector(String issuer, DocNumber number) {
        Dictionaries.IssuerCode best = null;
        if (issuer != null) {
            String c = unabbreviated(canon(issuer));
            for (Dictionaries.IssuerCode i : dictionaries.issuers()) {
                String n = canon(i.name());
                if (containsWords(c, n) && (best == null || n.length() > canon(best.name()).length())) {
                    best = i;
                }
            }
        } else if (number != null) {
            for (int i = number.parts().size() - 1; i >= 1 && best == null; i--) {
                best = dictionaries.issuerByCode(number.parts().get(i)).orElse(null);
            }
        }
        if (best == null) {
            // a ministry the table lacks: "Bộ …" opens the name of no other kind of body
            return issuer != null && canon(issuer).startsWith("bộ ") ? new String[] {"trung ương", "state"}
                    : new String[] {null, null};
        }
        String level = best.level();
        if (issuer != null && !"trung ương".equals(level)) {
            String c = " " + unabbreviated(canon(issuer)) + " ";
            Matcher city = CITY.matcher(c);
            if (COMMUNE.matcher(c).matches() && !c.contains(" thị xã ")) {
                level = "xã";
            } else if (DISTRICT.matcher(c).matches()) {
                level = "huyện";
            } else if (city.find()) {
                // a city is a province (Hà Nội, Đà Nẵng) or inside one (Mỹ Tho; Bắc Giang, the capital of its province)
                String name = city.group(1).replaceFirst("^thành phố ", ""); // "thành ủy thành phố hồ chí minh"
                level = provinceCities.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + " ")) ? "tỉnh" : "huyện";
            } else if (c.contains(" tỉnh ")) {
                level = "tỉnh";
            }
        }
        return new String[] {level, best.sector()};
    }

    /** A unit's type and name at the end of a body's name, canonical: " tỉnh kon tum" (not "tỉnh ủy …"). */
    private static final Pattern LOCALITY = Pattern.compile(
            " (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) (?!ủy )[\\p{L} ]+$");

    /** Two bodies of the same locality, neither named in the other: a joint header, not a body and its parent. */
    private static boolean joint(String upper, String lower) {
        String a = canon(upper);
        String b = canon(lower);
        Matcher la = LOCALITY.matcher(" " + a);
        Matcher lb = LOCALITY.matcher(" " + b);
        return la.find() && lb.find() && la.group().equals(lb.group()) && !a.contains(b) && !b.contains(a)
                && headAt(upper.split(" "), 0) > 0 && headAt(lower.split(" "), 0) > 0;
    }

    /** A canonical name with the people's bodies' abbreviations written out ("ubnd huyện …" → "ủy ban nhân dân …"). */
    private static String unabbreviated(String canonical) {
        if (canonical.startsWith("ubnd ")) {
            return "ủy ban nhân dân" + canonical.substring(4);
        }
        return canonical.startsWith("hđnd ") ? "hội đồng nhân dân" + canonical.substring(4) : canonical;
    }

    private static boolean containsWords(String haystack, String needle) {
        return (" " + haystack + " ").contains(" " + needle + " ");
    }

    private static String canon(String s) {
        return CanonicalWords.phrase(s);
    }
}
