package vn.archive.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Hand-checked metadata for a set of documents (one JSON object per line, shaped like the API's document object,
 * plus {@code file}), and the per-field precision and recall of an extractor against it. Reusable for any
 * rendition: {@link #score} takes a map of file → text, however the text was obtained (clean, DOCX, PDF, OCR).
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One gold document: its file (relative to the repository root), the expected values of every field, and the
     * other values its notes call acceptable (field → alternatives; {@code relations.KEY} → other relations of KEY).
     */
    public record Entry(String file, Map<String, List<String>> values, Map<String, List<List<String>>> accepted) {
        public Entry(String file, Map<String, List<String>> values) {
            this(file, values, Map.of());
        }

        /** The fields this line holds a value (or an explicit null) for. */
        public java.util.Set<String> present() {
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
            out.add(new Entry(node.get("file").asText(), values(node), accepted(node.path("accept"))));
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
            Map<String, List<String>> got = text == null ? Map.of() : values(toJson(extractor.apply(text)));
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
                if (unordered ? !new java.util.HashSet<>(want).equals(new java.util.HashSet<>(have)) : !want.equals(have)) {
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
                String key = refKey(k.substring("relations.".length()));
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

    /** The metadata in the gold file's JSON shape (the API's field names). */
    public static ObjectNode toJson(DocumentMetadata m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", m.kind());
        n.put("number", m.number());
        n.put("date", m.date() == null ? null : m.date().toString());
        n.put("issuer", m.issuer());
        n.put("parentIssuer", m.parentIssuer());
        n.put("level", m.level());
        n.put("sector", m.sector());
        n.put("place", m.place());
        n.put("title", m.title());
        strings(n.putArray("recipients"), m.recipients());
        strings(n.putArray("distribution"), m.distribution());
        if (m.signer() == null) {
            n.putNull("signer");
        } else {
            ObjectNode s = n.putObject("signer");
            s.put("name", m.signer().name());
            s.put("position", m.signer().position());
            s.put("authority", m.signer().authority());
        }
        n.put("classification", m.classification());
        n.put("urgency", m.urgency());
        strings(n.putArray("deadlines"), m.deadlines().stream().map(LocalDate::toString).toList());
        strings(n.putArray("campaigns"), m.campaigns());
        ArrayNode refs = n.putArray("references");
        for (Reference r : m.references()) {
            if (r.number() != null) {
                refs.addObject().put("number", r.number()).put("relation", r.relation().wireName());
            }
        }
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    /**
     * Every field the node holds as a list of values: empty for null, one element for a scalar, all elements for a
     * list. References (an object number → relation in a gold line, an array in an extraction) give two fields:
     * {@code references}, the distinct keys cited, and {@code relations}, the distinct "key → relation" pairs.
     */
    private static Map<String, List<String>> values(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            boolean signer = f.startsWith("signer.");
            JsonNode v = signer ? node.path("signer").path(f.substring(7)) : node.path(f);
            if (v.isMissingNode() && !(signer && node.path("signer").isNull())) {
                continue;
            }
            List<String> list = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> list.add(normal(x.asText())));
            } else if (!v.isNull() && !v.isMissingNode()) {
                list.add(normal(v.asText()));
            }
            out.put(f, list);
        }
        JsonNode refs = node.path("references");
        if (!refs.isMissingNode()) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            java.util.Set<String> pairs = new java.util.LinkedHashSet<>();
            if (refs.isObject()) {
                refs.properties().forEach(p -> {
                    keys.add(refKey(p.getKey()));
                    pairs.add(refKey(p.getKey()) + " → " + p.getValue().asText());
                });
            } else {
                refs.forEach(r -> {
                    keys.add(refKey(r.path("number").asText()));
                    pairs.add(refKey(r.path("number").asText()) + " → " + r.path("relation").asText());
                });
            }
            out.put("references", List.copyOf(keys));
            out.put("relations", List.copyOf(pairs));
        }
        return out;
    }

    /**
     * A cited number as the gold set compares it: its {@link DocNumber#key()} with the separators dropped, so that
     * "34/2014/QĐ-TTG" is "34/2014/QĐ-TTg" and a text that lost its hyphens ("1961/QĐUBND") still matches.
     */
    static String refKey(String number) {
        String key = DocNumber.parse(number).map(DocNumber::key).orElseGet(() -> DocNumber.fold(number));
        return key.replaceAll("[^\\p{Alnum}]", "");
    }

    /** Alternatives per field: each one a list of values (a scalar gives one value, null none). */
    private static Map<String, List<List<String>>> accepted(JsonNode accept) {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        accept.properties().forEach(p -> {
            List<List<String>> alts = new ArrayList<>();
            for (JsonNode alt : p.getValue()) {
                List<String> values = new ArrayList<>();
                if (alt.isArray()) {
                    alt.forEach(x -> values.add(normal(x.asText())));
                } else if (!alt.isNull()) {
                    values.add(normal(alt.asText()));
                }
                alts.add(values);
            }
            out.put(p.getKey(), alts);
        });
        return out;
    }

    /** An open "oa", "oe", "uy" with its tone mark on the second vowel, the old placement ("hoà", "Tỉnh uỷ"). */
    private static final java.util.regex.Pattern OLD_TONE = java.util.regex.Pattern.compile(
            "(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\\p{L}\\p{M}])");

    /**
     * NFC, one space between words, and the tone mark of an open "oa", "oe", "uy" on its first vowel ("Tỉnh uỷ" =
     * "Tỉnh ủy"): the same word in the old and the new orthography is the same value.
     */
    private static String normal(String s) {
        String spaced = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\s+", " ").strip();
        return java.text.Normalizer.normalize(OLD_TONE.matcher(spaced).replaceAll("$1$3$2"),
                java.text.Normalizer.Form.NFC);
    }
}
