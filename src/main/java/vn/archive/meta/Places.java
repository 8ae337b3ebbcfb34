package vn.archive.meta;

import vn.archive.text.VietnameseNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrative units of {@code admin-units.tsv} looked up by name, built once per {@link Dictionaries}: the
 * table holds some 770 units, and extraction asks for a place in every document, so nothing here walks the table.
 * A name may belong to several units (Châu Thành is a district of seven provinces, Điện Biên a province and one of
 * its districts); the level asked for and the province named in the text decide, and when they do not, the unit
 * is returned without a province rather than with a guessed one.
 */
public final class Places {
    /** A unit's type followed by a name: "huyện Đơn Dương", "Thành phố Bảo Lộc", "quận 4". */
    private static final Pattern TYPED = Pattern.compile(
            "(?<![\\p{L}])(?iu:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn)(?=[ \\t]+\\S)");
    /** What a printed place may carry before its name ("TP. Hồ Chí Minh", "TX. Quảng Trị"). */
    private static final Pattern ABBREVIATED_TYPE = Pattern.compile("^(?iu:tp|tx|q)\\.\\s*");

    /** Level → canonical name → units of that level with that name, in file order. */
    private final Map<String, Map<String, List<Dictionaries.AdminUnit>>> byName = new HashMap<>();
    /** Level → canonical "type name" ("huyện đơn dương") → units, as a body's text names them. */
    private final Map<String, Map<String, List<Dictionaries.AdminUnit>>> byTypedName = new HashMap<>();
    /** Canonical names of more than one word. */
    private final Set<String> longNames = new HashSet<>();
    /** The most words in a name, and in a type and name. */
    private final int longestName;
    private final int longestTyped;

    Places(List<Dictionaries.AdminUnit> units) {
        int longest = 1;
        int typed = 1;
        for (Dictionaries.AdminUnit u : units) {
            String name = canon(u.name());
            String typedName = canon(u.type() + " " + u.name());
            add(byName, u.level(), name, u);
            if (Character.isDigit(u.name().charAt(0))) {
                // a numbered district is printed with its type: "Quận 4, ngày…"
                add(byName, u.level(), typedName, u);
            }
            add(byTypedName, u.level(), typedName, u);
            int words = name.split(" ").length;
            if (words > 1) {
                longNames.add(name);
            }
            longest = Math.max(longest, words);
            typed = Math.max(typed, typedName.split(" ").length);
        }
        this.longestName = longest;
        this.longestTyped = typed;
    }

    private static void add(Map<String, Map<String, List<Dictionaries.AdminUnit>>> index, String level, String key,
                            Dictionaries.AdminUnit u) {
        index.computeIfAbsent(level, k -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(u);
    }

    /**
     * The unit of this level a document belongs to: its place of issue when a unit of the level has that name,
     * else the first unit of the level its text names with its type ("huyện Đơn Dương"). A name shared by units of
     * several provinces is settled by the province the text names; when it is not, the unit comes back with no
     * province, so nothing is inferred from a guess.
     *
     * @param level "tỉnh", "huyện" or "xã"
     * @param place the printed place of issue, or null
     * @param text  the document's text
     * @return the unit, or null when none is known
     */
    public Dictionaries.AdminUnit locality(String level, String place, String text) {
        if (place != null && !place.isBlank()) {
            String name = canon(ABBREVIATED_TYPE.matcher(place.strip()).replaceFirst(""));
            List<Dictionaries.AdminUnit> named = byName.getOrDefault(level, Map.of()).get(name);
            if (named != null) {
                return settle(named, text);
            }
        }
        Map<String, List<Dictionaries.AdminUnit>> typed = byTypedName.getOrDefault(level, Map.of());
        if (typed.isEmpty() || text == null) {
            return null;
        }
        Matcher m = TYPED.matcher(text);
        while (m.find()) {
            String[] words = text.substring(m.start(), Math.min(text.length(), m.start() + 80)).split("\\s+");
            for (int n = Math.min(longestTyped, words.length); n >= 2; n--) {
                String candidate = String.join(" ", Arrays.copyOfRange(words, 0, n))
                        .replaceFirst("[,.;:)]+$", "");
                List<Dictionaries.AdminUnit> found = typed.get(canon(candidate));
                if (found != null) {
                    return settle(found, text);
                }
            }
        }
        return null;
    }

    /** One unit, or the one of the province the text names, or the first without its province. */
    private static Dictionaries.AdminUnit settle(List<Dictionaries.AdminUnit> units, String text) {
        if (units.size() == 1) {
            return units.get(0);
        }
        List<Dictionaries.AdminUnit> named = new ArrayList<>();
        Set<String> provinces = new HashSet<>();
        for (Dictionaries.AdminUnit u : units) {
            if (u.province() != null && text != null && namesProvince(text, u.province())) {
                named.add(u);
            }
            provinces.add(u.province());
        }
        if (provinces.size() == 1) {
            // Kỳ Anh the town and Kỳ Anh the district: one province either way
            return units.get(0);
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        Dictionaries.AdminUnit first = units.get(0);
        return new Dictionaries.AdminUnit(first.name(), first.level(), first.type(), null);
    }

    /** Whether the text names this province with its type ("tỉnh Tiền Giang", "TỈNH ỦY TIỀN GIANG"…). */
    private static boolean namesProvince(String text, String province) {
        String lower = text.toLowerCase(Locale.ROOT);
        String p = province.toLowerCase(Locale.ROOT);
        return lower.contains("tỉnh " + p) || lower.contains("tỉnh ủy " + p) || lower.contains("tỉnh uỷ " + p)
                || lower.contains("thành phố " + p) || lower.contains("thành ủy " + p);
    }

    /**
     * Whether word i continues a place name begun before it ("HẢI PHÒNG": that PHÒNG is no office).
     *
     * @param words a line's words, each in canonical form
     */
    public boolean continuesName(String[] words, int i) {
        for (int from = Math.max(0, i - longestName + 1); from < i; from++) {
            StringBuilder name = new StringBuilder(words[from]);
            for (int k = from + 1; k < Math.min(words.length, from + longestName); k++) {
                name.append(' ').append(words[k]);
                if (k >= i && longNames.contains(name.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a unit of any level has this canonical name ("bình dương", "kon tum"). */
    public boolean isName(String canonicalName) {
        for (Map<String, List<Dictionaries.AdminUnit>> names : byName.values()) {
            if (names.containsKey(canonicalName)) {
                return true;
            }
        }
        return false;
    }

    /** Words in canonical form, one space apart. */
    static String canon(String s) {
        StringBuilder sb = new StringBuilder();
        for (String w : s.strip().split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(VietnameseNormalizer.canonicalWord(w));
        }
        return sb.toString();
    }
}
