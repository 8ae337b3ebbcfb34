package vn.archive.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A word-level Markov chain of order two learnt from the real corpus, so generated bodies have the vocabulary, term
 * frequencies and local word order of real directives without copying them, plus the real documents' lengths.
 * Immutable once built; safe to share between threads.
 */
public final class TextModel {
    /** Texts longer than this are not learnt from (they would dominate the chain). */
    private static final int MAX_SOURCE_CHARS = 200_000;
    /** A line shorter than this many words is a heading or a header, not prose. */
    private static final int MIN_PROSE_WORDS = 8;
    private static final int MAX_SENTENCE_WORDS = 70;
    /** Party seeds are few: learn them this many times so Party phrasing is not drowned by State texts. */
    private static final int SEED_WEIGHT = 8;
    /** List markers ("11.", "a)", "1.2.") are layout, not prose; the generator writes its own. */
    private static final Pattern MARKER = Pattern.compile(
            "\\d+(\\.\\d+)*[.)]?|\\p{Ll}\\)|[-+|–]+|Điều|Chương|\\[\\d+\\]");

    private final String[] words;
    private final Map<Long, int[]> next;
    private final int[] starts;
    private final int[] shortLengths;
    private final int[] longLengths;

    private TextModel(String[] words, Map<Long, int[]> next, int[] starts, int[] shortLengths, int[] longLengths) {
        this.words = words;
        this.next = next;
        this.starts = starts;
        this.shortLengths = shortLengths;
        this.longLengths = longLengths;
    }

    /**
     * Learns from {@code source/seeds} (Party directives: their lengths model short documents) and
     * {@code source/state} (State documents: their lengths model laws, decrees and circulars), in file-name order.
     */
    public static TextModel learn(Path source) throws IOException {
        List<Path> seeds = texts(source.resolve("seeds"));
        List<Path> state = texts(source.resolve("state"));
        if (seeds.isEmpty() || state.isEmpty()) {
            throw new IOException("Không thấy văn bản mẫu trong " + source.resolve("seeds") + " và "
                    + source.resolve("state") + " (the generator learns from the real corpus: give --source)");
        }
        Chain chain = new Chain();
        int[] shortLengths = new int[seeds.size()];
        List<Integer> longLengths = new ArrayList<>();
        List<Path> all = new ArrayList<>(seeds);
        all.addAll(state);
        for (int f = 0; f < all.size(); f++) {
            String text = Files.readString(all.get(f), StandardCharsets.UTF_8);
            if (f < seeds.size()) {
                shortLengths[f] = text.length();
            } else {
                longLengths.add(text.length());
            }
            if (text.length() <= MAX_SOURCE_CHARS) {
                for (int rep = 0; rep < (f < seeds.size() ? SEED_WEIGHT : 1); rep++) {
                    chain.learn(text);
                }
            }
        }
        Map<Long, int[]> next = new HashMap<>(chain.follow.size() * 2);
        chain.follow.forEach((k, v) -> next.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        int[] starts = chain.starts.stream().mapToInt(Integer::intValue).toArray();
        return new TextModel(chain.vocab.toArray(String[]::new), next, starts, shortLengths,
                longLengths.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** The chain while it is being learnt. */
    private static final class Chain {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> vocab = new ArrayList<>();
        final Map<Long, List<Integer>> follow = new HashMap<>();
        final List<Integer> starts = new ArrayList<>();

        void learn(String text) {
            for (String line : text.replace("*", "").replace("\\", "").split("\n")) {
                String[] toks = Stream.of(line.strip().split("\\s+"))
                        .filter(w -> !w.isEmpty() && !MARKER.matcher(w).matches()).toArray(String[]::new);
                if (toks.length < MIN_PROSE_WORDS || mostlyCapitals(line)) {
                    continue;
                }
                int a = -1;
                int b = -1;
                for (String t : toks) {
                    int id = ids.computeIfAbsent(t, w -> {
                        vocab.add(w);
                        return vocab.size() - 1;
                    });
                    if (b < 0) {
                        starts.add(id);
                    } else {
                        follow.computeIfAbsent(key(a, b), k -> new ArrayList<>()).add(id);
                    }
                    a = b;
                    b = id;
                    if (endsSentence(t)) {
                        // the next word starts a sentence: states are (previous, current) words
                        a = -1;
                        b = -1;
                    }
                }
            }
        }
    }

    private static List<Path> texts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** A line in capitals is a heading ("NGHỊ ĐỊNH …"), which must not turn up in a generated header. */
    private static boolean mostlyCapitals(String line) {
        long upper = line.chars().filter(Character::isUpperCase).count();
        long lower = line.chars().filter(Character::isLowerCase).count();
        return upper > lower;
    }

    private static boolean endsSentence(String t) {
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** Appends one paragraph of about {@code targetWords} words of prose. */
    public void paragraph(SplittableRandom rnd, int targetWords, StringBuilder out) {
        int written = 0;
        while (written < targetWords) {
            written += sentence(rnd, out);
        }
        out.append('\n');
    }

    private int sentence(SplittableRandom rnd, StringBuilder out) {
        int a = -1;
        int b = starts[rnd.nextInt(starts.length)];
        int n = 0;
        while (true) {
            if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
            String w = words[b];
            out.append(w);
            n++;
            if (endsSentence(w) || n >= MAX_SENTENCE_WORDS) {
                if (!endsSentence(w)) {
                    out.append('.');
                }
                return n;
            }
            int[] f = next.get(key(a, b));
            if (f == null) {
                out.append('.');
                return n;
            }
            a = b;
            b = f[rnd.nextInt(f.length)];
        }
    }

    /** A length in characters for a short document: a real seed's length, scaled and jittered. */
    int shortLength(SplittableRandom rnd, double scale) {
        double base = shortLengths[rnd.nextInt(shortLengths.length)];
        double jitter = Math.exp(rnd.nextDouble(-0.7, 0.7));
        return (int) Math.max(900, base * scale * jitter);
    }

    /** A length in characters for a law, decree or circular: a real State document's length. */
    int longLength(SplittableRandom rnd) {
        return longLengths[rnd.nextInt(longLengths.length)];
    }

    /** Vocabulary size, for reports. */
    public int vocabulary() {
        return words.length;
    }

    @Override
    public String toString() {
        return "TextModel[" + words.length + " words, " + next.size() + " states, lengths "
                + Arrays.toString(shortLengths) + "]";
    }
}
