package vn.archive.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reference graph and implementation tracking read from a document's text, read once when the document is
 * indexed so that no tree and no tracking answer reads a text: the locality the text names ({@link Locality#ofText}),
 * the classes of district bodies it addresses in its body ("các huyện ủy, thành ủy", "UBND các huyện, thị xã, thành
 * phố"), and its yearly reporting deadlines ("báo cáo … trước ngày 30/11 hằng năm") as day and month, as written.
 *
 * @param place     the locality the text names
 * @param addressed the classes of bodies the text addresses, in the order written, repeats kept
 * @param yearly    yearly deadlines as written (an impossible day is kept: the reader rejects it)
 */
public record GraphText(Locality place, List<String> addressed, List<DayMonth> yearly) {
    /** A day of the year as written ("30/11"), not checked against the calendar. */
    public record DayMonth(int day, int month) { }

    /** Nothing read: an empty text. */
    public static final GraphText NONE = new GraphText(Locality.UNKNOWN, List.of(), List.of());

    /** Classes of district bodies the body text addresses, matched on their own words only. */
    private static final Pattern BODY_CLASSES = Pattern.compile("(?iu)các huyện ủy, thành ủy"
            + "|(?iu)(?:UBND|Ủy ban nhân dân) các huyện, (?:thị xã, )?thành phố");
    /** What {@link #BODY_CLASSES} always holds, in lower case: a text without it is not scanned. */
    private static final String BODY_CLASSES_WORDS = "các huyện";
    /**
     * "báo cáo … trước ngày 30/11 hằng năm": a deadline that recurs each year, sought in the text put in lower case
     * once (a case-insensitive scan folds every character at every position it tries: a sixth of indexing's time).
     */
    private static final Pattern RECURRING = Pattern.compile(
            "(?:báo cáo|gửi|nộp)[^.;\\n]{0,160}?(?:trước|chậm nhất(?: là)?(?: vào)?)\\s+ngày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})"
                    + "\\s+(?:hằng|hàng|mỗi)\\s+năm");
    private static final char FIELD = '\u001e';
    private static final char ITEM = '\u001f';

    public GraphText {
        place = place == null ? Locality.UNKNOWN : place;
        addressed = List.copyOf(addressed);
        yearly = List.copyOf(yearly);
    }

    /** What this text tells the graph (a null text tells nothing). */
    public static GraphText of(String text) {
        if (text == null) {
            return NONE;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> addressed = new ArrayList<>();
        if (lower.contains(BODY_CLASSES_WORDS)) {
            Matcher b = BODY_CLASSES.matcher(text); // on the text itself: the classes are kept as written
            while (b.find()) {
                addressed.add(b.group().strip());
            }
        }
        List<DayMonth> yearly = new ArrayList<>();
        Matcher r = RECURRING.matcher(lower); // only its digits are read
        while (r.find()) {
            yearly.add(new DayMonth(Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2))));
        }
        return new GraphText(Locality.ofText(text), addressed, yearly);
    }

    /** One line for an index column: place, addressed classes, yearly deadlines, separated by control characters. */
    public String encode() {
        StringBuilder s = new StringBuilder();
        s.append(place.province() == null ? "" : place.province()).append(ITEM)
                .append(place.district() == null ? "" : place.district()).append(FIELD);
        s.append(String.join(String.valueOf(ITEM), addressed)).append(FIELD);
        for (int i = 0; i < yearly.size(); i++) {
            s.append(i == 0 ? "" : String.valueOf(ITEM)).append(yearly.get(i).day()).append('/').append(yearly.get(i).month());
        }
        return s.toString();
    }

    /** The value {@link #encode} wrote, or empty when this is not one. */
    public static Optional<GraphText> decode(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String[] f = encoded.split(String.valueOf(FIELD), -1);
        if (f.length != 3) {
            return Optional.empty();
        }
        String[] place = f[0].split(String.valueOf(ITEM), -1);
        if (place.length != 2) {
            return Optional.empty();
        }
        List<String> addressed = f[1].isEmpty() ? List.of() : List.of(f[1].split(String.valueOf(ITEM), -1));
        List<DayMonth> yearly = new ArrayList<>();
        if (!f[2].isEmpty()) {
            for (String dm : f[2].split(String.valueOf(ITEM), -1)) {
                int slash = dm.indexOf('/');
                yearly.add(new DayMonth(Integer.parseInt(dm.substring(0, slash)), Integer.parseInt(dm.substring(slash + 1))));
            }
        }
        return Optional.of(new GraphText(new Locality(place[0].isEmpty() ? null : place[0],
                place[1].isEmpty() ? null : place[1]), addressed, yearly));
    }
}
