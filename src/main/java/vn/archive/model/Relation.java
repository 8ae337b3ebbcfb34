package vn.archive.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a citing document relates to the document it cites. {@code REPORTS_ON}: a report on carrying it out ("Báo cáo
 * kết quả thực hiện Chỉ thị số …"), a response to it as much as a plan that implements it.
 */
public enum Relation {
    IMPLEMENTS, BASED_ON, GUIDES, AMENDS, REPLACES, REPEALS, MENTIONS, REPORTS_ON;

    /** The lowercase name used in the JSON API ("based_on"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, failing with the list of allowed values. */
    public static Relation fromWire(String value) {
        for (Relation r : values()) {
            if (r.wireName().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown relation [" + value + "], expected one of "
                + Arrays.stream(values()).map(Relation::wireName).toList());
    }
}
