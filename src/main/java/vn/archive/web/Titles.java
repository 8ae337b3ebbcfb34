package vn.archive.web;

import vn.archive.text.VietnameseSyllables;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a document's title is shown (the stored title stays as the header wrote it, and the API gives that one): the
 * kind, then the subject in sentence case, the way a portal lists documents: "Luật Căn cước" for a law whose header
 * reads "CĂN CƯỚC", "Kế hoạch thực hiện phong trào thi đua …", "Công văn về việc đẩy mạnh …". A subject written in
 * capitals is lowered except for acronyms (words that are not Vietnamese syllables), numbers, Roman numerals, the proper names listed here
 * and the places and bodies of the tables ({@link TitleNames}).
 */
final class Titles {
    /** Kinds whose subject is the act's own name, written with a capital ("Luật Đất đai", "Bộ luật Dân sự"). */
    private static final List<String> NAMED_ACTS = List.of("Luật", "Bộ luật", "Pháp lệnh", "Luật sửa đổi");
    /** Names kept with their capitals when a title in capitals is lowered; longer ones first. */
    private static final List<String> PROPER = List.of("Đảng Cộng sản Việt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam",
            "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Thủ tướng Chính phủ", "Thành phố Hồ Chí Minh",
            "Cộng hoà xã hội chủ nghĩa Việt Nam", "Hồ Chí Minh", "Việt Nam", "Quốc hội", "Chính phủ", "Nhà nước", "Trung ương", "Bộ Chính trị", "Ban Bí thư",
            "Hà Nội", "Hiến pháp", "Đảng", "Nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}./-]*");
    private static final Pattern ROMAN = Pattern.compile("[IVXLC]{2,}");
    /** Roman numerals that are also Vietnamese syllables ("VI PHẠM"), kept as numerals only after what numbers. */
    private static final Set<String> SYLLABLES = Set.of("VI", "XI", "LI");
    private static final Pattern NUMBERED = Pattern.compile("(?iu)(khóa|khoá|đại hội|hội nghị|lần thứ|kỳ|chương|phần|mục)\\s*$");
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** A document named by its kind and number ("theo nghị định 20/2021/NĐ-CP"): the kind takes its capital. */
    private static final Pattern KIND_NUMBER = Pattern.compile(
            "(?<!\\p{L})(nghị định|nghị quyết|quyết định|thông tư|chỉ thị|kế hoạch|công văn|thông báo|kết luận)(?= (số )?\\d)");
    /** An act named inside a title ("của luật đất đai"): "Luật Đất đai", not the "pháp luật" of law in general. */
    private static final Pattern ACT_NAME = Pattern.compile("(?<!\\p{L})(?<!pháp )(bộ luật|luật|pháp lệnh) (\\p{Ll})");

    private Titles() {
    }

    /** The title to show: kind and subject in sentence case; null when there is no title. */
    static String heading(String title, String kind) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip().replaceAll("\\s+", " ").replaceFirst("^(?i)v/v:?\\s*", "về việc ");
        if (mostlyCapitals(t)) {
            t = sentenceCase(t);
        }
        if (kind == null || kind.isBlank()) {
            return capitalFirst(t);
        }
        boolean named = NAMED_ACTS.contains(kind);
        String rest = startsWithWords(t, kind) ? t.substring(kind.length()).strip() : t;
        if (rest.isEmpty()) {
            return kind;
        }
        // an act's own name takes a capital ("Luật Căn cước"), not what only describes it ("Luật sửa đổi…", "của…")
        boolean ownName = named && !rest.toLowerCase(VI).matches("(?sU)(sửa đổi|của|về|số)\\b.*");
        return kind + " " + (ownName ? capitalFirst(rest) : lowerFirst(rest));
    }

    private static boolean mostlyCapitals(String s) {
        long upper = s.codePoints().filter(Character::isUpperCase).count();
        long letters = s.codePoints().filter(Character::isLetter).count();
        return letters >= 4 && upper * 10 >= letters * 8;
    }

    /** Lowers a title written in capitals, keeping acronyms, numbers, Roman numerals and listed names. */
    static String sentenceCase(String capitals) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(capitals);
        int last = 0;
        while (m.find()) {
            out.append(capitals, last, m.start());
            String word = m.group();
            boolean keep = acronym(word) || word.chars().anyMatch(Character::isDigit)
                    || ROMAN.matcher(word).matches() && (!SYLLABLES.contains(word)
                    || NUMBERED.matcher(capitals.substring(0, m.start())).find());
            out.append(keep ? word : word.toLowerCase(VI));
            last = m.end();
        }
        out.append(capitals.substring(last));
        String s = ACT_NAME.matcher(out.toString()).replaceAll(r -> Matcher.quoteReplacement(
                capitalFirst(r.group(1)) + " " + r.group(2).toUpperCase(VI)));
        s = KIND_NUMBER.matcher(s).replaceAll(r -> Matcher.quoteReplacement(capitalFirst(r.group(1))));
        for (String name : PROPER) {
            s = Pattern.compile("(?iu)(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})").matcher(s)
                    .replaceAll(Matcher.quoteReplacement(name));
        }
        return capitalFirst(TitleNames.restore(s));
    }

    /** A word that is not Vietnamese syllables ("UBND", "NĐ-CP"): an acronym or a code, kept as written. */
    private static boolean acronym(String word) {
        for (String part : word.split("[./-]")) {
            if (!part.isEmpty() && !VietnameseSyllables.isSyllable(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithWords(String text, String prefix) {
        return text.length() >= prefix.length() && text.substring(0, prefix.length()).equalsIgnoreCase(prefix)
                && (text.length() == prefix.length() || !Character.isLetter(text.charAt(prefix.length())));
    }

    private static String capitalFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(VI) + s.substring(1);
    }

    /** Lowers the first letter of an ordinary word; an acronym or a listed name keeps its capital. */
    private static String lowerFirst(String s) {
        if (s.length() < 2 || !Character.isLowerCase(s.charAt(1))
                || PROPER.stream().anyMatch(p -> startsWithWords(s, p) && s.startsWith(p))) {
            return s;
        }
        return s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }
}
