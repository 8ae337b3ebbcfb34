package vn.archive.ingest;

import vn.archive.model.DocumentMetadata;
import vn.archive.text.VietnameseNormalizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups documents that are one directive received in several forms (a scan and a DOCX): same kind, number and
 * date of issue, whatever the bytes; and, when a document has no number or date to go by, nearly the same text
 * (MinHash estimate of the Jaccard similarity of word 3-shingles, which OCR slips barely move). The groups live in
 * {@code data/near-duplicates.tsv} ({@code key<TAB>id}, or {@code ~<TAB>id<TAB>signature}), append-only; repeated
 * lines after a resumed import are harmless.
 */
final class NearDuplicates {
    /** Estimated Jaccard similarity from which two texts are taken for one document. */
    static final double TEXT_THRESHOLD = 0.5;
    private static final int HASHES = 64;
    private static final int SHINGLE = 3;
    private static final int MAX_WORDS = 5000;
    private static final String TEXT_LINE = "~";

    private final Path file;
    private final Map<String, Set<String>> groups = new HashMap<>();
    private final Map<String, int[]> signatures = new LinkedHashMap<>();

    NearDuplicates(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t");
                if (kv.length == 3 && kv[0].equals(TEXT_LINE)) {
                    signatures.put(kv[1], decode(kv[2]));
                } else if (kv.length == 2) {
                    groups.computeIfAbsent(kv[0], k -> new LinkedHashSet<>()).add(kv[1]);
                }
            }
        }
    }

    /** The grouping key, or empty when the number or date is unknown (then nothing is grouped, never guessed). */
    static Optional<String> key(DocumentMetadata m) {
        if (m.number() == null || m.date() == null) {
            return Optional.empty();
        }
        String number = VietnameseNormalizer.fold(m.number()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String kind = m.kind() == null ? "" : VietnameseNormalizer.fold(m.kind()).toLowerCase(Locale.ROOT);
        return Optional.of(kind + "|" + number + "|" + m.date());
    }

    /** Adds the document to its group; returns the other members, in the order they joined. */
    synchronized List<String> join(String key, String id) throws IOException {
        Set<String> members = groups.computeIfAbsent(key, k -> new LinkedHashSet<>());
        List<String> others = members.stream().filter(m -> !m.equals(id)).toList();
        if (members.add(id)) {
            Files.writeString(file, key + "\t" + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return others;
    }

    /** Adds the text's signature; returns the documents whose text is nearly the same, in the order they joined. */
    synchronized List<String> joinByText(String id, String text) throws IOException {
        int[] sig = signature(text);
        if (sig == null) {
            return List.of();
        }
        List<String> similar = new ArrayList<>();
        signatures.forEach((other, s) -> {
            if (!other.equals(id) && similarity(sig, s) >= TEXT_THRESHOLD) {
                similar.add(other);
            }
        });
        if (!signatures.containsKey(id)) {
            signatures.put(id, sig);
            Files.writeString(file, TEXT_LINE + "\t" + id + "\t" + encode(sig) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return similar;
    }

    /** MinHash signature of the folded word 3-shingles, or null for a text too short to compare. */
    static int[] signature(String text) {
        String[] words = VietnameseNormalizer.fold(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> w = new ArrayList<>();
        for (String word : words) {
            if (!word.isEmpty() && w.size() < MAX_WORDS) {
                w.add(word);
            }
        }
        if (w.size() < SHINGLE + 10) {
            return null;
        }
        int[] sig = new int[HASHES];
        Arrays.fill(sig, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= w.size(); i++) {
            int h = String.join(" ", w.subList(i, i + SHINGLE)).hashCode();
            for (int k = 0; k < HASHES; k++) {
                int v = mix(h ^ (0x9E3779B9 * (k + 1)));
                if (v < sig[k]) {
                    sig[k] = v;
                }
            }
        }
        return sig;
    }

    /** Fraction of equal minima: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /** Murmur3's 32-bit finalizer: spreads the bits so each seeded hash is an independent permutation. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static String encode(int[] sig) {
        ByteBuffer b = ByteBuffer.allocate(sig.length * 4);
        for (int v : sig) {
            b.putInt(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static int[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        int[] sig = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            sig[i] = b.getInt();
        }
        return sig;
    }
}
