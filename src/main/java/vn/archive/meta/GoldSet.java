package vn.archive.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Relation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Hand-checked metadata for a set of documents (one JSON object per line, shaped like the API's document object,
 * plus {@code file}), and the per-field precision and recall of an extractor against it. Reusable for any
 * rendition: {@link #score} takes a map of file → text, however the text was obtained (clean, DOCX, PDF, OCR).
 * How a line and an extraction become comparable values is {@link GoldValues}.
 */
public final class GoldSet {
    /** Every field the gold set checks, in report order. */
    public static final List<String> FIELDS = List.of("kind", "number", "date", "issuer", "parentIssuer", "level",
            "sector", "place", "title", "recipients", "distribution", "signer.name", "signer.position",
            "signer.authority", "classification", "urgency", "deadlines", "campaigns");
    /**
     * The fields of the real set ({@code src/test/resources/real/}): the header, the signer's name, the lists, and
     * the numbered references: {@code references} scores which documents are cited (one per document, matched by
     * their number's key), {@code relations} scores each cited document with its relation.
     */
    public static final List<String> REAL_FIELDS = List.of("kind", "number", "date", "issuer", "parentIssuer", "level",
            "sector", "place", "signer.name", "recipients", "deadlines", "references", "relations");
    /** The header fields that must survive every rendition. */
    public static final List<String> HEADER_FIELDS = List.of("kind", "number", "date", "issuer");

    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * One gold document: its file (relative to the repository root), the expected values of every field, and the
     * other values its notes call acceptable (field → alternatives; {@code relations.KEY} → other relations of KEY).
     */
    public record Entry(String file, Map<String, List<String>> values, Map<String, List<List<String>>> accepted) {
        public Entry(String file, Map<String, List<String>> values) {
            this(file, values, Map.of());
        }

        /** The fields this line holds a value (or an explicit null) for. */
        public Set<String> present() {
            return values.keySet();
        }
    }

    /** Counts for one field: true positives, false positives, false negatives. */
    public record FieldScore(String field, int tp, int fp, int fn) {
        /** Share of extracted values that are right; 1 when nothing was extracted. */
        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        /** Share of gold values that were found; 1 when the gold set has none. */
        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    /** Scores per field, and the documents and values that went wrong, for the report. */
    public record Score(Map<String, FieldScore> fields, int documents, List<String> errors,
                        Map<String, int[]> relations) {
        public Score(Map<String, FieldScore> fields, int documents, List<String> errors) {
            this(fields, documents, errors, Map.of());
        }

        /** Per relation: how many the gold set holds, how many were extracted, how many of those are right. */
        public String relationTable() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s %5s %9s %5s%n",
                    "relation", "gold", "extracted", "right"));
            relations.forEach((r, c) -> sb.append(String.format(Locale.ROOT, "%-12s %5d %9d %5d%n", r, c[0], c[1], c[2])));
            return sb.toString();
        }

        /** A plain table: field, precision, recall, counts. */
        public String table() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %9s %9s %5s %5s %5s%n",
                    "field", "precision", "recall", "tp", "fp", "fn"));
            for (FieldScore f : fields.values()) {
                sb.append(String.format(Locale.ROOT, "%-18s %9.3f %9.3f %5d %5d %5d%n", f.field(), f.precision(),
                        f.recall(), f.tp(), f.fp(), f.fn()));
            }
            sb.append(documents).append(" documents\n");
            return sb.toString();
        }
    }

    private final List<Entry> entries;

    private GoldSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads a gold file: one JSON object per line; blank lines and lines starting with # are skipped. */
    public static GoldSet load(Path jsonl) throws IOException {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (!node.hasNonNull("file")) {
                throw new IllegalArgumentException(jsonl + " line " + n + " has no \"file\"");
            }
            out.add(new Entry(node.get("file").asText(), GoldValues.values(node), GoldValues.accepted(node.path("accept"))));
        }
        return new GoldSet(out);
    }

    /** The first n entries, in file order: the real set's held-out part is its first 40 lines. */
    public GoldSet first(int n) {
        return new GoldSet(entries.subList(0, Math.min(n, entries.size())));
    }

    /** The fields the gold lines hold, in report order: what {@code eval} scores by default. */
    public List<String> fields() {
        List<String> all = new ArrayList<>(FIELDS);
        REAL_FIELDS.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return all.stream().filter(f -> entries.stream().anyMatch(e -> e.present().contains(f))).toList();
    }

    /** The gold documents, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Scores an extractor over texts keyed by gold file; a gold file missing from the map counts as not found. */
    public Score score(Map<String, String> textsByFile, Function<String, DocumentMetadata> extractor,
                       List<String> fields) {
        Objects.requireNonNull(textsByFile, "textsByFile");
        Map<String, int[]> counts = new LinkedHashMap<>();
        fields.forEach(f -> counts.put(f, new int[3]));
        Map<String, int[]> relations = new LinkedHashMap<>();
        for (Relation r : Relation.values()) {
            relations.put(r.wireName(), new int[3]);
        }
        List<String> errors = new ArrayList<>();
        int docs = 0;
        for (Entry e : entries) {
            String text = textsByFile.get(e.file());
            Map<String, List<String>> got = text == null ? Map.of() : GoldValues.values(GoldValues.toJson(extractor.apply(text)));
            docs++;
            for (String f : fields) {
                List<String> have = got.getOrDefault(f, List.of());
                List<String> gold = e.values().getOrDefault(f, List.of());
                List<String> want = accept(e, f, gold, have);
                int[] c = counts.get(f);
                List<String> unmatched = new ArrayList<>(want);
                for (String h : have) {
                    if (unmatched.remove(h)) {
                        c[0]++;
                    } else {
                        c[1]++;
                    }
                }
                c[2] += unmatched.size();
                boolean unordered = f.equals("references") || f.equals("relations");
                if (unordered ? !new HashSet<>(want).equals(new HashSet<>(have)) : !want.equals(have)) {
                    errors.add(e.file() + " " + f + ": expected " + want + ", got " + have);
                }
                if (f.equals("relations")) {
                    countRelations(gold, want, have, relations);
                }
            }
        }
        Map<String, FieldScore> out = new LinkedHashMap<>();
        counts.forEach((f, c) -> out.put(f, new FieldScore(f, c[0], c[1], c[2])));
        return new Score(out, docs, errors, fields.contains("relations") ? relations : Map.of());
    }

    /** The gold values, or the acceptable alternative the extractor gave instead. */
    private static List<String> accept(Entry e, String field, List<String> want, List<String> have) {
        if (field.equals("relations")) {
            List<String> out = new ArrayList<>(want);
            e.accepted().forEach((k, alts) -> {
                if (!k.startsWith("relations.")) {
                    return;
                }
                String key = GoldValues.refKey(k.substring("relations.".length()));
                for (List<String> alt : alts) {
                    String other = key + " → " + alt.get(0);
                    if (have.contains(other) && out.removeIf(w -> w.startsWith(key + " → "))) {
                        out.add(other);
                    }
                }
            });
            return out;
        }
        for (List<String> alt : e.accepted().getOrDefault(field, List.of())) {
            if (alt.equals(have)) {
                return alt;
            }
        }
        return want;
    }

    /** Gold pairs counted as written; an extracted pair is right when it is the gold or an accepted alternative. */
    private static void countRelations(List<String> gold, List<String> want, List<String> have,
                                       Map<String, int[]> relations) {
        gold.forEach(w -> relations.get(relationOf(w))[0]++);
        for (String h : have) {
            int[] c = relations.get(relationOf(h));
            c[1]++;
            if (want.contains(h)) {
                c[2]++;
            }
        }
    }

    private static String relationOf(String pair) {
        return pair.substring(pair.indexOf(" → ") + 3);
    }
}
