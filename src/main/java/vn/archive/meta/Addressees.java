package vn.archive.meta;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The level and sector a letter's addressees show when its header was lost. A body writes to the units right below
 * it: "Hiệu trưởng các trường mầm non, tiểu học, THCS" are the schools a district's Phòng Giáo dục và Đào tạo runs
 * (upper secondary schools are the province's), "Chủ tịch UBND các xã, phường, thị trấn" those of a district, "Giám
 * đốc các Sở" and "UBND các huyện" those of a province, "các huyện ủy, thị ủy, thành ủy" those of a Tỉnh ủy, "Bộ
 * trưởng các Bộ" and "các tỉnh ủy, thành ủy" those of a central body. The sender is above all its addressees, so the
 * highest level they show wins.
 */
final class Addressees {
    /** One kind of addressee and the sender's level and sector it shows. */
    private record Rule(Pattern addressee, String level, String sector) {
    }

    private static final String SCHOOLS_OF_A_DISTRICT = "trường (?:mầm non|mẫu giáo|mn|mg|tiểu học|th|thcs|"
            + "trung học cơ sở)(?![\\p{L}])";

    /** From the highest level down: the first rule any addressee matches gives the sender. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("các tỉnh ủy|tỉnh ủy, thành ủy|tỉnh, thành ủy"), "trung ương", "party"),
            new Rule(Pattern.compile("bộ trưởng các bộ|các bộ, cơ quan ngang bộ|(?:ủy ban nhân dân|ubnd) các tỉnh"),
                    "trung ương", "state"),
            new Rule(Pattern.compile("các huyện ủy|các huyện, thị, thành ủy|huyện ủy, thị ủy|huyện ủy, thành ủy"),
                    "tỉnh", "party"),
            new Rule(Pattern.compile("giám đốc các sở|các sở, ban, ngành|(?:ủy ban nhân dân|ubnd) các huyện"
                    + "|trường (?:thpt|trung học phổ thông)(?![\\p{L}])|phòng (?:giáo dục và đào tạo|gd&đt|gdđt) các huyện"),
                    "tỉnh", "state"),
            new Rule(Pattern.compile("(?:ủy ban nhân dân|ubnd) các xã|"
                    + "các " + SCHOOLS_OF_A_DISTRICT), "huyện", "state"));

    private Addressees() {
    }

    /**
     * The sender's level and sector as its addressees show them.
     *
     * @param recipients the lines after "Kính gửi:", as printed
     * @return level and sector, or empty when no addressee says
     */
    static Optional<String[]> sender(List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return Optional.empty();
        }
        String all = CanonicalWords.phrase(String.join(" ; ", recipients).replace('-', ' ')).toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.addressee().matcher(all).find()) {
                return Optional.of(new String[] {r.level(), r.sector()});
            }
        }
        return Optional.empty();
    }
}
