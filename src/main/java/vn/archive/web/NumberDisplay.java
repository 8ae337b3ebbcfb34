package vn.archive.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cited number as facets and chips carry it (the number's key: "25/NQ-TW", "8/2015/ND-CP") written in its own
 * form: Party numbers as the Party writes them ("25-NQ/TW", "352-CV/TU"), and the Đ that the key folds restored in
 * the common symbols ("8/2015/NĐ-CP"). The value itself stays the key, so links and filters are unchanged.
 */
final class NumberDisplay {
    /** serial / kind code - body code, without a year. */
    private static final Pattern NO_YEAR = Pattern.compile("(\\d+[a-z]?)/([A-Za-zĐđ]+)-([A-Za-zĐđ]+)");
    /** A Party body's code: Trung ương, a provincial, district or town committee, a Party committee of a bloc. */
    private static final Pattern PARTY_BODY = Pattern.compile("(?i)[A-ZĐ]*TW|[A-ZĐ]*TU|HU|QU|THU|TXU|[ĐD]U|[ĐD]UK|BCS[A-ZĐ]*");
    private static final Map<String, String> WITH_D = Map.of("ND", "NĐ", "QD", "QĐ", "DU", "ĐU", "DUK", "ĐUK",
            "HDND", "HĐND", "HDTP", "HĐTP", "BGDDT", "BGDĐT", "DMDN", "ĐMDN", "THU", "ThU");

    private NumberDisplay() {
    }

    /** The number as it is written by its issuer. */
    static String of(String key) {
        String k = key.strip();
        Matcher m = NO_YEAR.matcher(k);
        if (m.matches() && PARTY_BODY.matcher(m.group(3)).matches()) {
            return m.group(1) + "-" + symbol(m.group(2)) + "/" + symbol(m.group(3));
        }
        StringBuilder out = new StringBuilder();
        for (String part : k.split("(?<=[/-])|(?=[/-])")) {
            out.append(symbol(part));
        }
        return out.toString();
    }

    private static String symbol(String part) {
        return WITH_D.getOrDefault(part, part);
    }
}
