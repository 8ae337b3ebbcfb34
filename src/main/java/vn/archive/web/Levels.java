package vn.archive.web;

import java.util.Locale;
import java.util.Map;

/** The levels of the hierarchy as the archive stores them ("trung ương", "tỉnh"…), named in the page's language. */
final class Levels {
    /** Stored level → message key suffix ({@code level.central}…). */
    private static final Map<String, String> KEYS = Map.of("trung ương", "central", "tỉnh", "province",
            "huyện", "district", "xã", "commune");

    private Levels() {
    }

    /** The level's name in this locale; a value the archive does not know as a level is shown as it is. */
    static String label(String stored, Locale locale) {
        String key = KEYS.get(stored.strip().toLowerCase(Locale.ROOT));
        return key == null ? stored : Messages.get(locale, "level." + key);
    }
}
