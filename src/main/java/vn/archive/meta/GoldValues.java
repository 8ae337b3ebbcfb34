package vn.archive.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.archive.config.Json;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gold file's JSON shape, both ways: an extraction written as a gold line, and a gold line or an extraction read
 * as comparable values per field (normalized, so the old and new tone placement compare equal).
 */
public final class GoldValues {
    private GoldValues() {
    }

    /** The metadata in the gold file's JSON shape (the API's field names). */
    public static ObjectNode toJson(DocumentMetadata m) {
        ObjectNode n = Json.MAPPER.createObjectNode();
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
    static Map<String, List<String>> values(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : GoldSet.FIELDS) {
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
            Set<String> keys = new LinkedHashSet<>();
            Set<String> pairs = new LinkedHashSet<>();
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
    static Map<String, List<List<String>>> accepted(JsonNode accept) {
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
    private static final Pattern OLD_TONE = Pattern.compile(
            "(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\\p{L}\\p{M}])");

    /**
     * NFC, one space between words, and the tone mark of an open "oa", "oe", "uy" on its first vowel ("Tỉnh uỷ" =
     * "Tỉnh ủy"): the same word in the old and the new orthography is the same value.
     */
    private static String normal(String s) {
        String spaced = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\s+", " ").strip();
        return Normalizer.normalize(OLD_TONE.matcher(spaced).replaceAll("$1$3$2"),
                Normalizer.Form.NFC);
    }
}
