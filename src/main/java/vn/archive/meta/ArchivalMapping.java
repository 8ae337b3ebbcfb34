package vn.archive.meta;

import vn.archive.config.ConfigTables;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's metadata as the document elements of Thông tư 05/2025/TT-BNV ("Thông tin lưu trữ"), mapped by the
 * tables {@code archival-elements.tsv} and {@code archival-codes.tsv} of index-config. Every value is derived from
 * what the archive already holds (its metadata after corrections, its source), so an archivist edits an element by
 * correcting the field the table names, with the audit trail that corrections already keep.
 */
public final class ArchivalMapping {
    /** Sources a row of the table may name. */
    static final Set<String> SOURCES = Set.of("id", "kind", "number.serial", "number.notation", "date", "issuer",
            "title", "language", "pages", "mode", "confidence");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    /** The number before the symbol, and the symbol after its separator: 374-CV/HU, 2739/VPCP-ĐMDN. */
    private static final Pattern NUMBER = Pattern.compile("^(\\d+[a-zA-Z]?)\\s*[-/.]\\s*(.+)$");
    /** Sources a row of the file (hồ sơ) table may name. */
    static final Set<String> FILE_SOURCES = Set.of("fileCode", "title", "maintenance", "mode", "language",
            "startDate", "endDate", "totalDoc", "pages", "confidence");
    private static volatile ArchivalMapping current;

    /** One row of the element table. */
    public record Definition(String element, String labelVi, String labelEn, String source, Integer maxLength,
                             String correction) { }

    /**
     * One element of one document.
     *
     * @param element    the element's name in the Thông tư ("codeNumber")
     * @param label      its label in the reader's language
     * @param value      its value as shown, or null when the archive does not know it
     * @param code       the coded value when the element has codes ("01"), else null
     * @param maxLength  characters the element allows, or null
     * @param tooLong    whether the value exceeds them (an exported package would be refused)
     * @param correction the corrections field that edits it, or null
     */
    public record Element(String element, String label, String value, String code, Integer maxLength, boolean tooLong,
                          String correction) { }

    private record Code(String code, String labelVi, String labelEn) { }

    private final List<Definition> definitions;
    private final List<Definition> fileDefinitions;
    private final Map<String, Code> codes;

    private ArchivalMapping(List<Definition> definitions, List<Definition> fileDefinitions, Map<String, Code> codes) {
        this.definitions = List.copyOf(definitions);
        this.fileDefinitions = List.copyOf(fileDefinitions);
        this.codes = Map.copyOf(codes);
    }

    /** Reads the tables from the folder (or the packaged copies); a bad source or length names its line. */
    public static ArchivalMapping load(Path configDir) {
        List<Definition> defs = definitions(configDir, "archival-elements.tsv", 6, SOURCES);
        List<Definition> fileDefs = definitions(configDir, "archival-file-elements.tsv", 5, FILE_SOURCES);
        Map<String, Code> codes = new HashMap<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, "archival-codes.tsv", 5)) {
            codes.put(r.col(0) + "/" + r.col(1), new Code(r.col(2), r.col(3), r.col(4)));
        }
        return new ArchivalMapping(defs, fileDefs, codes);
    }

    private static List<Definition> definitions(Path configDir, String table, int columns, Set<String> sources) {
        return ConfigTables.read(configDir, table, columns).stream().map(r -> {
            if (!sources.contains(r.col(3))) {
                throw r.error("unknown source [" + r.col(3) + "], expected one of " + sources);
            }
            Integer max;
            try {
                max = r.col(4).equals("-") ? null : Integer.valueOf(r.col(4));
            } catch (NumberFormatException e) {
                throw r.error("max_length must be a number or -, was [" + r.col(4) + "]");
            }
            String correction = columns > 5 && !r.col(5).equals("-") ? r.col(5) : null;
            return new Definition(r.col(0), r.col(1), r.col(2), r.col(3), max, correction);
        }).toList();
    }

    /** The mapping of the archive's configuration folder, set once by the composition root; the packaged one before. */
    public static ArchivalMapping current() {
        ArchivalMapping m = current;
        if (m == null) {
            m = load(null);
            current = m;
        }
        return m;
    }

    /** Makes the tables of this folder (null: the packaged ones) the ones {@link #current()} gives. */
    public static void use(Path configDir) {
        current = load(configDir);
    }

    /** How many pages OCR read, from the note the import writes for each ("OCR trang 2: độ tin cậy 95.8%"). */
    public static int ocrPages(ArchivedDocument doc) {
        return (int) doc.notes().stream().filter(n -> n.startsWith("OCR trang ")).count();
    }

    /** The element definitions, in table order. */
    public List<Definition> definitions() {
        return definitions;
    }

    /**
     * The document's elements.
     *
     * @param doc        the document, its corrections applied
     * @param pages      its page count when known, else null
     * @param ocrPages   how many of its pages OCR read (0 for a document read from its own text)
     * @param english    labels in English rather than Vietnamese
     */
    public List<Element> elements(ArchivedDocument doc, Integer pages, int ocrPages, boolean english) {
        Objects.requireNonNull(doc, "doc");
        return definitions.stream().map(d -> element(d, doc, pages, ocrPages, english)).toList();
    }

    private Element element(Definition d, ArchivedDocument doc, Integer pages, int ocrPages, boolean english) {
        DocumentMetadata m = doc.metadata();
        String value = null;
        Code code = null;
        switch (d.source()) {
            case "id" -> value = doc.id();
            case "kind" -> value = m.kind();
            case "number.serial" -> value = numberPart(m.number(), 1);
            case "number.notation" -> value = numberPart(m.number(), 2);
            case "date" -> value = m.date() == null ? null : DMY.format(m.date());
            case "issuer" -> value = m.issuer();
            case "title" -> value = m.title();
            case "language" -> code = codes.get(d.element() + "/vi");
            case "pages" -> value = pages == null ? null : String.valueOf(pages);
            case "mode" -> code = codes.get(d.element() + "/" + (m.classification() == null ? "public" : "secret"));
            case "confidence" -> code = codes.get(d.element() + "/" + confidence(doc, pages, ocrPages));
            default -> throw new IllegalStateException("source checked at load: " + d.source());
        }
        if (code != null) {
            value = english ? code.labelEn() : code.labelVi();
        }
        boolean tooLong = value != null && d.maxLength() != null && value.length() > d.maxLength();
        return new Element(d.element(), english ? d.labelEn() : d.labelVi(), value, code == null ? null : code.code(),
                d.maxLength(), tooLong, d.correction());
    }

    /**
     * The elements of a file (hồ sơ) made of these documents, as {@code archival-file-elements.tsv} lists them.
     *
     * @param docs        the documents, their corrections applied
     * @param pages       the page count of each document whose count is known (id → pages)
     * @param fileCode    the file's code when the archivist gave one, else null
     * @param title       the file's title when given, else null
     * @param maintenance its retention period when given, else null
     */
    public List<Element> fileElements(List<ArchivedDocument> docs, Map<String, Integer> pages, String fileCode,
                                      String title, String maintenance, boolean english) {
        Objects.requireNonNull(docs, "docs");
        List<LocalDate> dates = docs.stream().map(d -> d.metadata().date()).filter(Objects::nonNull)
                .sorted().toList();
        Set<String> levels = new HashSet<>();
        docs.forEach(d -> levels.add(confidence(d, pages.get(d.id()), ocrPages(d))));
        boolean allCounted = !docs.isEmpty() && docs.stream().allMatch(d -> pages.containsKey(d.id()));
        return fileDefinitions.stream().map(d -> {
            String value = null;
            Code code = null;
            switch (d.source()) {
                case "fileCode" -> value = blankToNull(fileCode);
                case "title" -> value = blankToNull(title);
                case "maintenance" -> value = blankToNull(maintenance);
                case "mode" -> code = codes.get("mode/" + (docs.stream().anyMatch(x -> x.metadata().classification()
                        != null) ? "secret" : "public"));
                case "language" -> code = codes.get("language/vi");
                case "startDate" -> value = dates.isEmpty() ? null : DMY.format(dates.get(0));
                case "endDate" -> value = dates.isEmpty() ? null : DMY.format(dates.get(dates.size() - 1));
                case "totalDoc" -> value = String.valueOf(docs.size());
                case "pages" -> value = allCounted ? String.valueOf(docs.stream().mapToInt(x -> pages.get(x.id()))
                        .sum()) : null;
                case "confidence" -> code = docs.isEmpty() ? null
                        : codes.get("confidenceLevel/" + (levels.size() == 1 ? levels.iterator().next() : "mixed"));
                default -> throw new IllegalStateException("source checked at load: " + d.source());
            }
            if (code != null) {
                value = english ? code.labelEn() : code.labelVi();
            }
            boolean tooLong = value != null && d.maxLength() != null && value.length() > d.maxLength();
            return new Element(d.element(), english ? d.labelEn() : d.labelVi(), value,
                    code == null ? null : code.code(), d.maxLength(), tooLong, null);
        }).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Born digital when no page was OCR'd, digitised when every page was, mixed otherwise. */
    static String confidence(ArchivedDocument doc, Integer pages, int ocrPages) {
        if (!doc.source().ocr() || ocrPages == 0 && pages == null) {
            return doc.source().ocr() ? "digitised" : "born-digital";
        }
        return pages != null && ocrPages > 0 && ocrPages < pages ? "mixed" : "digitised";
    }

    /** Group 1 (the number) or 2 (the notation) of a symbol; the whole symbol is the notation when it has no number. */
    static String numberPart(String number, int group) {
        if (number == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(number.strip());
        if (!m.matches()) {
            return group == 2 ? number.strip() : null;
        }
        return m.group(group).strip();
    }
}
