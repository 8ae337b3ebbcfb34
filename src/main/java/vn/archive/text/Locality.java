package vn.archive.text;


import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a document belongs: its province and district, folded to ASCII upper case for comparison ("LAM DONG",
 * "DON DUONG"). Local symbols (HU, TU, ThU…) only make sense inside one place, so resolution compares localities.
 *
 * @param province folded province name, or null when unknown
 * @param district folded district (huyện, thị xã, thành phố thuộc tỉnh) name, or null when unknown
 */
public record Locality(String province, String district) {
    /** Nothing known. */
    public static final Locality UNKNOWN = new Locality(null, null);

    /** A capitalised word of a place, with its apostrophe ("H'leo", "M'Đrắk"). */
    private static final String WORD = "\\p{Lu}\\p{L}*(?:['’ʼ]\\p{L}+)*";
    /** Up to three words, or two such runs joined by a dash ("Phan Rang - Tháp Chàm", "Bà Rịa - Vũng Tàu"). */
    private static final String NAME = "(" + WORD + "(?:[ \\t]+" + WORD + "){0,2}(?:[ \\t]*[-–][ \\t]*" + WORD
            + "(?:[ \\t]+" + WORD + "){0,2})?)";
    private static final Pattern PROVINCE = Pattern.compile(
            "(?<![\\p{L}])(?iu:tỉnh(?:[ \\t]+(?:ủy|uỷ))?|đảng bộ tỉnh)[ \\t]+" + NAME);
    private static final Pattern DISTRICT = Pattern.compile(
            "(?<![\\p{L}])(?iu:huyện(?:[ \\t]+(?:ủy|uỷ))?|thành[ \\t]+(?:ủy|uỷ)|quận(?:[ \\t]+(?:ủy|uỷ))?|thị[ \\t]+(?:ủy|uỷ)|"
                    + "thị xã|thành phố)[ \\t]+" + NAME);
    /** Capitalised words that follow "huyện" or "tỉnh" but are not place names. */
    private static final Set<String> NOT_PLACES = Set.of("UY", "BAN", "DOAN", "HOI", "UBND", "DANG",
            "THUONG", "VE", "MTTQ", "MTTQVN", "NAY", "CAC", "VA", "HDND");
    private static final int HEADER = 700;
    /**
     * The cities governed by the centre, province-level units whose committee is a Thành ủy and whose people's
     * committee is the UBND thành phố, as a provincial city's are ("Thành ủy Bảo Lộc" is a district): their name after
     * "Thành ủy" or "thành phố" is a province. Huế, governed by the centre only since 2025 and a city of Thừa Thiên
     * Huế before, stays a district here (a name carries no date).
     */
    private static final Set<String> CITIES = Set.of("HA NOI", "HO CHI MINH", "HAI PHONG", "DA NANG",
            "CAN THO");

    /** Reads a locality from a body's name ("Ban Dân vận Tỉnh ủy Lâm Đồng", "Thành ủy Bảo Lộc"); unknown parts null. */
    public static Locality ofName(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        String province = first(PROVINCE, name);
        return new Locality(province != null ? province : first(DISTRICT, name, true), first(DISTRICT, name, false));
    }

    /**
     * Reads a locality from a document's text when its metadata lacks one: the header first ("ĐẢNG BỘ TỈNH LÂM ĐỒNG
     * / THÀNH ỦY BẢO LỘC"), else the place named most often in the whole text ("huyện Đơn Dương").
     */
    public static Locality ofText(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String header = text.substring(0, Math.min(HEADER, text.length()));
        String province = first(PROVINCE, header);
        province = province != null ? province : first(DISTRICT, header, true);
        String district = first(DISTRICT, header, false);
        if (province == null) {
            province = mostFrequent(PROVINCE, text);
            province = province != null ? province : mostFrequent(DISTRICT, text, true);
        }
        return new Locality(province, district != null ? district : mostFrequent(DISTRICT, text, false));
    }

    /** This locality, with unknown parts taken from the other one. */
    public Locality orElse(Locality other) {
        return new Locality(province != null ? province : other.province, district != null ? district : other.district);
    }

    /** Whether anything is known. */
    public boolean known() {
        return province != null || district != null;
    }

    /** A place name folded for comparison: "Lâm Đồng" and "LÂM ĐỒNG" give "LAM DONG". */
    public static String fold(String name) {
        return LawNames.fold(name);
    }

    private static String first(Pattern p, String text) {
        return first(p, text, false);
    }

    /**
     * The first place this pattern finds: for {@link #DISTRICT}, a centrally governed city ("Thành ủy Hà Nội",
     * "thành phố Cần Thơ") only when {@code city}, and any other place only when not: such a city is a province.
     */
    private static String first(Pattern p, String text, boolean city) {
        Matcher m = p.matcher(text);
        int from = 0;
        while (m.find(from)) {
            String name = clean(m.group(1));
            if (name != null && (p != DISTRICT || CITIES.contains(name) == city)) {
                return name;
            }
            // a refused name may begin the next place: "Thành ủy Thành phố Hồ Chí Minh"
            from = m.start(1);
        }
        return null;
    }

    private static String mostFrequent(Pattern p, String text) {
        return mostFrequent(p, text, false);
    }

    private static String mostFrequent(Pattern p, String text, boolean city) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            String name = clean(m.group(1));
            if (name != null && (p != DISTRICT || CITIES.contains(name) == city)) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String clean(String raw) {
        String folded = fold(raw);
        String firstWord = folded.split(" ")[0];
        // "Thành" alone is the start of "Thành phố …", not a place
        return NOT_PLACES.contains(firstWord) || folded.equals("THANH") ? null : folded;
    }
}
