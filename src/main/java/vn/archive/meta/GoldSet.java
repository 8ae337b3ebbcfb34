package vn.archive.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.archive.model.DocumentMetadata;

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
    /** The header fields that must survive every rendition. */
    public static final List<String> HEADER_FIELDS = List.of("kind", "number", "date", "issuer");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One gold document: its file (relative to the repository root) and the expected values of every field. */
    public record Entry(String file, Map<String, List<String>> values) { }

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
    public record Score(Map<String, FieldScore> fields, int documents, List<String> errors) {
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
            out.add(new Entry(node.get("file").asText(), values(node)));
        }
        return new GoldSet(out);
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
        List<String> errors = new ArrayList<>();
        int docs = 0;
        for (Entry e : entries) {
            String text = textsByFile.get(e.file());
            Map<String, List<String>> got = text == null ? Map.of() : values(toJson(extractor.apply(text)));
            docs++;
            for (String f : fields) {
                List<String> want = e.values().getOrDefault(f, List.of());
                List<String> have = got.getOrDefault(f, List.of());
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
                if (!want.equals(have)) {
                    errors.add(e.file() + " " + f + ": expected " + want + ", got " + have);
                }
            }
        }
        Map<String, FieldScore> out = new LinkedHashMap<>();
        counts.forEach((f, c) -> out.put(f, new FieldScore(f, c[0], c[1], c[2])));
        return new Score(out, docs, errors);
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
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    /** Every field as a list of values: empty for null, one element for a scalar, all elements for a list. */
    private static Map<String, List<String>> values(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            JsonNode v = f.startsWith("signer.") ? node.path("signer").path(f.substring(7)) : node.path(f);
            List<String> list = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(x -> list.add(normal(x.asText())));
            } else if (!v.isNull() && !v.isMissingNode()) {
                list.add(normal(v.asText()));
            }
            out.put(f, list);
        }
        return out;
    }

    private static String normal(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
