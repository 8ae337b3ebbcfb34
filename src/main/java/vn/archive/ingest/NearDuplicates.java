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
 * Groups documents that are one directive received in several forms (a scan and a DOCX): same kind, number, date of
 * issue and issuer (with the committee a Ban belongs to), whatever the bytes; and nearly the same text (MinHash
 * estimate of the Jaccard similarity of word 3-shingles, which OCR slips barely move) when the number or date is
 * missing. Text never links across different issuers or numbers (issue 13: district plans copied from one provincial
 * template, or two Ban Dân vận letters "1-CV/BDVHU" of two districts on one day, stay apart): a document without a
 * date is compared with those of its kind, number and issuer; one without a number with those without a number
 * whose issuer agrees. The groups live in {@code data/near-duplicates.tsv} ({@code key<TAB>id}, or
 * {@code ~<TAB>id<TAB>signature[<TAB>issuer]}), append-only; repeated lines after a resumed import are harmless.
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
    /** The issuer part of the key of each document linked by text only (absent: written before it was kept). */
    private final Map<String, String> textIssuers = new HashMap<>();
    /** The matches {@link #joinByText} found, both ways, in this run (so the first of two learns of the second). */
    private final Map<String, Set<String>> textMatches = new HashMap<>();
    /** Kind, number and issuer → the keys with that identity, dated or not. */
    private final Map<String, Set<String>> byIdentity = new HashMap<>();

    NearDuplicates(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t");
                if (kv.length >= 3 && kv[0].equals(TEXT_LINE)) {
                    signatures.put(kv[1], decode(kv[2]));
                    if (kv.length == 4) {
                        textIssuers.put(kv[1], kv[3]);
                    }
                } else if (kv.length == 2) {
                    remember(kv[0], kv[1]);
                }
            }
        }
    }

    /**
     * The grouping key ({@code kind|number|date|issuer|parent issuer}, folded; the date empty when unknown), or empty
     * when the number is unknown (then only the text can tell, see {@link #joinByText}).
     */
    static Optional<String> key(DocumentMetadata m) {
        if (m.number() == null) {
            return Optional.empty();
        }
        String number = fold(m.number());
        String kind = m.kind() == null ? "" : VietnameseNormalizer.fold(m.kind()).toLowerCase(Locale.ROOT);
        return Optional.of(kind + "|" + number + "|" + (m.date() == null ? "" : m.date()) + "|" + issuer(m));
    }

    /**
     * The issuer and the committee it belongs to, folded: {@code issuer|parent}, each empty when unknown. A standing
     * committee signs for its committee ("Ban Thường vụ Huyện ủy Triệu Phong" is read so from a DOCX and "Huyện ủy
     * Triệu Phong" from its scan): one issuer.
     */
    static String issuer(DocumentMetadata m) {
        return fold(m.issuer()).replaceFirst("^banthuongvu", "") + "|" + fold(m.parentIssuer());
    }

    private static String fold(String s) {
        return s == null ? "" : VietnameseNormalizer.fold(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Whether the key has no date: its members are grouped by text only, never by the key alone. */
    static boolean undated(String key) {
        String[] parts = key.split("\\|", -1);
        return parts.length > 2 && parts[2].isEmpty();
    }

    /** The key without its date: kind, number, issuer (a key of an older archive, without issuer, is its own). */
    private static String identity(String key) {
        String[] parts = key.split("\\|", -1);
        return parts.length < 5 ? key : parts[0] + "|" + parts[1] + "|" + parts[3] + "|" + parts[4];
    }

    private void remember(String key, String id) {
        groups.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        byIdentity.computeIfAbsent(identity(key), k -> new LinkedHashSet<>()).add(key);
    }

    /**
     * Adds the document to its group; returns the other members, in the order they joined. A document without a
     * date joins no one by its key (two undated letters with one number may be of two years): see
     * {@link #candidates}.
     */
    synchronized List<String> join(String key, String id) throws IOException {
        Set<String> members = groups.get(key);
        List<String> others = members == null || undated(key) ? List.of()
                : members.stream().filter(m -> !m.equals(id)).toList();
        if (members == null || !members.contains(id)) {
            remember(key, id);
            Files.writeString(file, key + "\t" + id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return others;
    }

    /** The members of the document's key group now, itself left out (more may have joined since it did). */
    synchronized List<String> members(String key, String id) {
        Set<String> members = groups.get(key);
        return members == null || undated(key) ? List.of() : members.stream().filter(m -> !m.equals(id)).toList();
    }

    /**
     * The documents of the same kind, number and issuer whose text may tell whether they are this one: for an
     * undated document every other of its identity, for a dated one those without a date (an OCR copy whose date
     * was not read).
     */
    synchronized List<String> candidates(String key, String id) {
        List<String> out = new ArrayList<>();
        for (String other : byIdentity.getOrDefault(identity(key), Set.of())) {
            if (!other.equals(key) && (undated(key) || undated(other)) || other.equals(key) && undated(key)) {
                groups.get(other).stream().filter(m -> !m.equals(id) && !out.contains(m)).forEach(out::add);
            }
        }
        return out;
    }

    /** Whether two texts are nearly the same (both long enough to compare). */
    static boolean similar(String a, String b) {
        int[] sa = signature(a);
        int[] sb = signature(b);
        return sa != null && sb != null && similarity(sa, sb) >= TEXT_THRESHOLD;
    }

    /**
     * Adds the text's signature of a document without a number; returns the documents whose text is nearly the same
     * and whose issuer agrees (equal, or unknown on either side), in the order they joined.
     */
    synchronized List<String> joinByText(String id, String text, String issuer) throws IOException {
        int[] sig = signature(text);
        if (sig == null) {
            return List.of();
        }
        List<String> similar = new ArrayList<>();
        signatures.forEach((other, s) -> {
            if (!other.equals(id) && agree(issuer, textIssuers.get(other)) && similarity(sig, s) >= TEXT_THRESHOLD) {
                similar.add(other);
                textMatches.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(id);
                textMatches.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(other);
            }
        });
        if (!signatures.containsKey(id)) {
            signatures.put(id, sig);
            textIssuers.put(id, issuer);
            Files.writeString(file, TEXT_LINE + "\t" + id + "\t" + encode(sig) + "\t" + issuer + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return similar;
    }

    /** The documents found nearly the same as this one by text in this run, whichever joined first. */
    synchronized List<String> textMatches(String id) {
        return List.copyOf(textMatches.getOrDefault(id, Set.of()));
    }

    /** Whether two {@code issuer|parent} parts agree: each part equal where both are known. */
    private static boolean agree(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        String[] pa = a.split("\\|", -1);
        String[] pb = b.split("\\|", -1);
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            if (!pa[i].isEmpty() && !pb[i].isEmpty() && !pa[i].equals(pb[i])) {
                return false;
            }
        }
        return true;
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
