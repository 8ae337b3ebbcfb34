package vn.archive.graph;

import vn.archive.model.DocNumber;
import vn.archive.text.Locality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Archivists' marks on a directive's expected units, so the overdue lists hold no false alarms: the unit responded
 * on paper (with a note), is exempted, or has its deadline extended. Kept in {@code data/tracking-marks.tsv},
 * append-only and forced to disk line by line like an audit trail; the last mark of a unit wins.
 * Line: {@code number<TAB>place<TAB>kind<TAB>until<TAB>who<TAB>at<TAB>note}. A mark made on one directive's own
 * tracking (by id: its number may be shared by namesakes in other provinces or years) has {@code id:} and the
 * directive's id in place of the number, and applies to that directive only.
 */
public final class TrackingMarks {
    /** What an archivist may say about a unit. */
    public enum Kind {
        /** Responded on paper: a document not in the archive. */
        PAPER,
        /** Not expected to act after all. */
        EXEMPTED,
        /** Deadline extended to {@code until}. */
        EXTENDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named by its wire name ("paper", "exempted", "extended"). */
        public static Optional<Kind> of(String wire) {
            for (Kind k : values()) {
                if (k.wireName().equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** One mark. {@code until} is the extended deadline, null for other kinds. */
    public record Mark(String kind, String note, LocalDate until, String who, Instant at) { }

    /** What the first column of a mark made on one directive (by id) starts with. */
    private static final String DIRECTIVE = "id:";

    private final Path file;
    /** Number key (or "id:" and a directive's id), then folded place: one directive's marks with one number parse. */
    private final Map<String, Map<String, Mark>> latest = new HashMap<>();

    /** Marks kept in this file (read now if it exists). */
    public TrackingMarks(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] c = line.split("\t", -1);
                    if (c.length == 7) {
                        put(c[0], c[1], new Mark(c[2], c[6], c[3].isEmpty() ? null : LocalDate.parse(c[3]),
                                c[4], Instant.parse(c[5])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** No marks, none recordable (an app without an archive folder). */
    public static TrackingMarks none() {
        return new TrackingMarks(null);
    }

    /** The latest mark of a unit (by its district's name) for a directive number. */
    public synchronized Optional<Mark> of(String number, String place) {
        return Optional.ofNullable(of(number).get(Locality.fold(place)));
    }

    /** The latest marks of a directive number's units, by folded place ({@link Locality#fold}); a copy. */
    public synchronized Map<String, Mark> of(String number) {
        if (latest.isEmpty()) {
            return Map.of();
        }
        Map<String, Mark> marks = latest.get(numberKey(number));
        return marks == null ? Map.of() : Map.copyOf(marks);
    }

    /** The latest marks made on one directive's own tracking (by its id), by folded place; a copy. */
    public synchronized Map<String, Mark> ofDirective(String id) {
        Map<String, Mark> marks = latest.get(DIRECTIVE + id);
        return marks == null ? Map.of() : Map.copyOf(marks);
    }

    /**
     * Records a mark on one directive's own tracking, by its id: it applies to that directive and not to namesakes
     * bearing its number.
     *
     * @throws IllegalArgumentException as {@link #record}
     */
    public Mark recordForDirective(String id, String place, String kind, String note, LocalDate until, String who,
                                   Instant at) throws IOException {
        if (id == null || id.isBlank() || id.contains("\t")) {
            throw new IllegalArgumentException("Cần mã văn bản (the directive's id is required)");
        }
        return record(DIRECTIVE + id.strip(), place, kind, note, until, who, at);
    }

    /**
     * Records a mark.
     *
     * @throws IllegalArgumentException when the kind is unknown, an extension has no date, or the who is missing
     */
    public synchronized Mark record(String number, String place, String kind, String note, LocalDate until, String who,
                                    Instant at) throws IOException {
        Kind k = Kind.of(kind).orElseThrow(() -> new IllegalArgumentException(
                "Loại ghi nhận không hợp lệ [" + kind + "]: paper, exempted hoặc extended"));
        if (k == Kind.EXTENDED && until == null) {
            throw new IllegalArgumentException("Gia hạn cần ngày hạn mới (an extension needs its new deadline)");
        }
        if (who == null || who.isBlank() || place == null || place.isBlank()) {
            throw new IllegalArgumentException("Cần đơn vị và người ghi nhận (unit and who are required)");
        }
        if (file == null) {
            throw new IllegalStateException("no archive folder to keep tracking marks in");
        }
        String clean = note == null ? "" : note.replaceAll("[\\t\\r\\n]+", " ").strip();
        Mark m = new Mark(k.wireName(), clean, k == Kind.EXTENDED ? until : null, who.strip(), Objects.requireNonNull(at));
        String line = String.join("\t", number, place, m.kind(), m.until() == null ? "" : m.until().toString(), m.who(),
                at.toString(), clean) + "\n";
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(StandardCharsets.UTF_8.encode(line));
            ch.force(true);
        }
        put(number, place, m);
        return m;
    }

    private void put(String number, String place, Mark m) {
        latest.computeIfAbsent(numberKey(number), k -> new HashMap<>()).put(Locality.fold(place), m);
    }

    private static String numberKey(String number) {
        if (number.startsWith(DIRECTIVE)) {
            return number;
        }
        return DocNumber.parse(number).map(DocNumber::key).orElse(number);
    }
}
