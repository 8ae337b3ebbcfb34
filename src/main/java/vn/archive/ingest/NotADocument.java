package vn.archive.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Files that reach an import but are not documents: a folder's README or licence, a program, a data file (JSON lines,
 * CSV, TSV…), a few bytes of text.
 * Each is reported with the reason (kind "không phải văn bản") instead of becoming a document nobody wants.
 */
final class NotADocument {
    /** Fewer letters than this is not a directive, whatever its format ("hello", a stray caption). */
    static final int MIN_LETTERS = 20;
    /** Names of the files that describe a folder rather than belong to the archive, with or without extension. */
    private static final Set<String> FOLDER_FILES = Set.of("readme", "license", "licence", "copying", "changelog",
            "changes", "notice", "authors", "contributing");
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}$");
    /** Extensions of data that is never a document's text. */
    private static final Set<String> BINARY_DATA = Set.of("parquet", "avro", "arrow", "feather", "npy", "npz", "pkl",
            "pickle", "h5", "hdf5", "sqlite", "sqlite3", "db", "jsa", "jfr");
    private static final Pattern YAML_ENTRY = Pattern.compile("\\s*(- )?[\\p{L}\\w\"'.-]+\\s*:(\\s|$)|\\s*- |---");
    /** Share of the (non-blank, non-comment) lines that must be records for the whole file to be data. */
    private static final double RECORD_SHARE = 0.8;
    /** Lines looked at: enough to judge, cheap on a large dump. */
    private static final int SAMPLE_LINES = 200;

    private NotADocument() {
    }

    /** A folder's README, licence or change log, by its name. */
    static Optional<String> byName(String fileName) {
        String base = EXTENSION.matcher(fileName.toLowerCase(Locale.ROOT)).replaceFirst("");
        return FOLDER_FILES.contains(base)
                ? Optional.of("Tệp mô tả thư mục (README, giấy phép…), không phải văn bản chỉ đạo"
                        + " (a folder's README or licence file)")
                : Optional.empty();
    }

    /** A program (Windows, Linux or macOS executable or library), by its first bytes. */
    static Optional<String> byBytes(byte[] b) {
        boolean windows = b.length >= 2 && b[0] == 'M' && b[1] == 'Z';
        boolean elf = b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
        boolean machO = b.length >= 4 && (b[0] & 0xFF) == 0xCF && (b[1] & 0xFF) == 0xFA && (b[2] & 0xFF) == 0xED
                && (b[3] & 0xFF) == 0xFE;
        return windows || elf || machO
                ? Optional.of("Tệp chương trình, không phải văn bản (an executable program)")
                : Optional.empty();
    }

    /**
     * A machine data file (JSON lines, CSV, TSV, YAML, a database or array dump), by its extension and, for formats
     * that are text, by its shape: one record per line is data, while a directive's text saved under such a name
     * (lines of prose, a different number of commas on each) is left for extraction.
     */
    static Optional<String> byData(String fileName, byte[] bytes) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        boolean data = BINARY_DATA.contains(ext) || switch (ext) {
            case "json", "jsonl", "ndjson", "geojson" -> mostLines(bytes, NotADocument::jsonRecord);
            case "csv" -> sameDelimiters(bytes, ',') || sameDelimiters(bytes, ';');
            case "tsv", "tab" -> sameDelimiters(bytes, '\t');
            case "yaml", "yml" -> mostLines(bytes, line -> YAML_ENTRY.matcher(line).lookingAt());
            default -> false;
        };
        return data
                ? Optional.of("Tệp dữ liệu (." + ext + "), không phải văn bản chỉ đạo (a data file, not a document)")
                : Optional.empty();
    }

    private static boolean jsonRecord(String line) {
        char c = line.charAt(0);
        return c == '{' || c == '[' || c == '}' || c == ']' || c == '"';
    }

    private static boolean mostLines(byte[] bytes, Predicate<String> record) {
        List<String> lines = sample(bytes);
        return !lines.isEmpty() && lines.stream().filter(record).count() >= RECORD_SHARE * lines.size();
    }

    /** A table: a header with the delimiter, and most lines with as many delimiters (outside quotes) as it has. */
    private static boolean sameDelimiters(byte[] bytes, char delimiter) {
        List<String> lines = sample(bytes);
        if (lines.isEmpty()) {
            return false;
        }
        int columns = delimiters(lines.getFirst(), delimiter);
        return columns > 0
                && lines.stream().filter(l -> delimiters(l, delimiter) == columns).count() >= RECORD_SHARE * lines.size();
    }

    private static int delimiters(String line, char delimiter) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    /** The first lines that are neither blank nor comments ({@code #}), trimmed at the start. */
    private static List<String> sample(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256 * 1024), StandardCharsets.UTF_8);
        return head.lines().map(String::stripLeading).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .limit(SAMPLE_LINES).toList();
    }

    /** Too little text to be a document (an empty or near-empty extraction included). */
    static Optional<String> byText(String text) {
        long letters = text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count();
        if (letters >= MIN_LETTERS) {
            return Optional.empty();
        }
        return Optional.of(letters == 0 ? "Tệp không có nội dung văn bản (no text)"
                : "Quá ít chữ để là một văn bản (" + letters + " chữ cái; too little text to be a document)");
    }
}
