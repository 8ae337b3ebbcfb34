package vn.archive.text;

import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys laws are known by when cited without a number ("Luật Hải quan ngày 23 tháng 6 năm 2014", "Hiến pháp"):
 * kind and folded name. Computed from one document alone, so the index files each law under its key and each named
 * citation under the key it cites, and a lookup finds either side without reading the rest of the archive.
 */
public final class LawNames {
    private static final Set<String> LAW_KINDS = Set.of("LUAT", "BO LUAT", "PHAP LENH", "HIEN PHAP");
    /** The key of the Constitution: cited by kind alone, it means the one in force. */
    public static final String CONSTITUTION = "HIEN PHAP";
    private static final Pattern NAMED = Pattern.compile(
            "^(?:Bộ luật|Luật|Pháp lệnh)\\s+(.*?)\\s*,?\\s+(?:ngày|năm)\\s.*$", Pattern.DOTALL);
    private static final Pattern AMENDING = Pattern.compile("(?iu)(?:luật\\s+)?sửa đổi");
    private static final String AMENDS_NAME = "sửa đổi";
    private static final Pattern TITLE_TAIL = Pattern.compile("(?iu)\\s+(?:số\\s+\\d|ngày\\s+\\d|của quốc hội).*$", Pattern.DOTALL);

    // compiled once: fold runs for every unit, issuer and place compared (String.replaceAll compiles per call)
    private static final Pattern DASH = Pattern.compile("\\s*[-–]\\s*");
    private static final Pattern APOSTROPHE = Pattern.compile("[’ʼ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private LawNames() {
    }

    /** A name folded for comparison: "Lâm Đồng" and "LÂM ĐỒNG" give "LAM DONG". */
    public static String fold(String name) {
        // "Phan Rang-Tháp Chàm" and "Phan Rang - Tháp Chàm" are one place; so are the apostrophes ’ and '
        return name == null ? null : DocNumber.fold(SPACES.matcher(APOSTROPHE.matcher(
                DASH.matcher(name.strip()).replaceAll(" - ")).replaceAll("'")).replaceAll(" "));
    }

    /** The key a law is filed under, from its kind and title; empty for anything that is not a law. */
    public static Optional<String> ofDocument(DocumentMetadata m) {
        return key(m.kind(), titleName(m));
    }

    /** The key a citation without a number names; empty for a numbered citation or one that names no law. */
    public static Optional<String> cited(Reference r) {
        return r.number() == null ? key(r.kind(), referenceName(r)) : Optional.empty();
    }

    /** The key of a law of this kind and name; empty when the kind is not a law's. */
    public static Optional<String> key(String kind, String name) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = fold(kind);
        if (!LAW_KINDS.contains(k)) {
            return Optional.empty();
        }
        if (k.equals(CONSTITUTION)) {
            return Optional.of(k);
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(k + "|" + fold(name.replaceAll("[^\\p{L}\\p{Nd}]+", " ")).strip());
    }

    /** "Hải quan" from "Luật Hải quan ngày 23 tháng 6 năm 2014"; "sửa đổi" for any amending law. */
    static String referenceName(Reference r) {
        if (AMENDING.matcher(r.text()).lookingAt()) {
            return AMENDS_NAME;
        }
        Matcher m = NAMED.matcher(r.text());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * A law's name as its title gives it ("HẢI QUAN"), without a leading "LUẬT" nor a trailing number and date
     * ("ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993 CỦA QUỐC HỘI"); "sửa đổi" for any amending law, which is cited by date.
     */
    static String titleName(DocumentMetadata m) {
        if (m.title() == null) {
            return null;
        }
        String t = TITLE_TAIL.matcher(m.title().strip()).replaceFirst("");
        if (AMENDING.matcher(t).lookingAt()) {
            return AMENDS_NAME;
        }
        String kind = m.kind() == null ? "" : m.kind();
        if (!kind.isEmpty() && t.toUpperCase(Locale.ROOT).startsWith(kind.toUpperCase(Locale.ROOT) + " ")) {
            t = t.substring(kind.length() + 1);
        }
        return t;
    }
}
