package vn.archive.web;

import vn.archive.meta.Dictionaries;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Proper names the packaged tables know, given back their capitals in a title that was lowered from capitals:
 * provinces and districts ({@code admin-units.tsv}) after the word that names their kind of unit ("tỉnh Lâm Đồng",
 * "thành phố Bảo Lộc", "Huyện ủy Triệu Phong"), bodies ({@code issuers.tsv}) by their full name ("Bộ Tài chính"),
 * and positions ({@code positions.tsv}) before the body or person they name ("Bộ trưởng Bộ Tài chính").
 * A place is restored only after its unit word, since many names are also ordinary words ("hòa bình", "thống nhất").
 */
final class TitleNames {
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Words after which a place name follows; committees named after their place take a capital themselves. */
    private static final List<String> UNIT_WORDS = List.of("tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy",
            "tỉnh uỷ", "thành uỷ", "huyện uỷ", "quận uỷ", "thị uỷ", "thành phố", "thị xã", "thị trấn", "tỉnh", "huyện",
            "quận", "tp.");
    private static final Pattern COMMITTEE = Pattern.compile("(?iu)(tỉnh|thành|huyện|quận|thị) (ủy|uỷ)");

    private TitleNames() {
    }

    /** The title with the known names capitalised as the tables write them; other words are left as they are. */
    static String restore(String title) {
        String s = Tables.PLACES.matcher(title).replaceAll(m -> Matcher.quoteReplacement(
                unitWord(m.group(1)) + m.group(2) + Tables.place.getOrDefault(m.group(3).toLowerCase(VI), m.group(3))));
        s = Tables.BODIES.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                Tables.body.getOrDefault(m.group().toLowerCase(VI), m.group())));
        return positions(s);
    }

    /**
     * A position ({@code positions.tsv}) before the name of its body or holder takes its capital, as that body does:
     * "của Bộ trưởng Bộ Tài chính", "Chủ tịch Hồ Chí Minh"; before an ordinary word it stays as written.
     */
    private static String positions(String s) {
        Matcher m = Tables.POSITIONS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int next = m.end() + 1;
            boolean named = next < s.length() && s.charAt(m.end()) == ' ' && Character.isUpperCase(s.codePointAt(next));
            m.appendReplacement(out, Matcher.quoteReplacement(named
                    ? Tables.position.getOrDefault(m.group().toLowerCase(VI), m.group()) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unitWord(String word) {
        return COMMITTEE.matcher(word).matches() ? word.substring(0, 1).toUpperCase(VI) + word.substring(1).toLowerCase(VI)
                : word;
    }

    /** The tables, read once at the first title that needs them. */
    private static final class Tables {
        static final Map<String, String> place = new HashMap<>();
        static final Map<String, String> body = new HashMap<>();
        static final Map<String, String> position = new HashMap<>();
        static final Pattern PLACES;
        static final Pattern BODIES;
        static final Pattern POSITIONS;

        static {
            Dictionaries d = Dictionaries.builtIn();
            for (Dictionaries.AdminUnit u : d.adminUnits()) {
                if (u.name().codePoints().anyMatch(Character::isLetter)) {
                    place.putIfAbsent(u.name().toLowerCase(VI), u.name());
                }
            }
            for (Dictionaries.IssuerCode i : d.issuers()) {
                // a name with a capital past its first word is a proper name ("Bộ Tài chính"), not a kind ("Chi bộ")
                String rest = i.name().contains(" ") ? i.name().substring(i.name().indexOf(' ')) : "";
                if (rest.codePoints().anyMatch(Character::isUpperCase)) {
                    body.putIfAbsent(i.name().toLowerCase(VI), i.name());
                }
            }
            for (String p : d.positions()) {
                if (!p.contains(",")) {
                    position.putIfAbsent(p.toLowerCase(VI), p);
                }
            }
            POSITIONS = Pattern.compile("(?iu)(?<!\\p{L})(" + alternatives(position.keySet()) + ")(?!\\p{L})");
            PLACES = Pattern.compile("(?iu)(?<!\\p{L})(" + alternatives(UNIT_WORDS) + ")(\\s+)("
                    + alternatives(place.keySet()) + ")(?!\\p{L})");
            BODIES = Pattern.compile("(?iu)(?<!\\p{L})(" + alternatives(body.keySet()) + ")(?!\\p{L})");
        }

        /** Longest first, so that "Bảo Lâm" is not cut to a shorter name it starts with. */
        private static String alternatives(Collection<String> names) {
            return names.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                    .map(Pattern::quote).collect(Collectors.joining("|"));
        }
    }
}
