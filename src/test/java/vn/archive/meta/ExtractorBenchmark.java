package vn.archive.meta;

import vn.archive.TestCorpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Documents per second of {@link MetadataExtractor} over the committed corpus, against a baseline measured in the
 * same run: the header pass alone ({@link HeaderExtractor}). Run with a main; nothing here is asserted.
 */
public final class ExtractorBenchmark {
    private static final int WARMUP = 5;
    private static final int ROUNDS = 20;

    private ExtractorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts;
        try (Stream<Path> files = Stream.concat(Files.list(TestCorpus.SEEDS), Files.list(TestCorpus.ROOT.resolve("state")))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().map(TestCorpus::read).toList();
        }
        Dictionaries d = Dictionaries.builtIn();
        MetadataExtractor full = new MetadataExtractor(d);
        HeaderExtractor header = new HeaderExtractor(d);
        double base = rate(texts, t -> header.extract(t));
        double all = rate(texts, t -> full.extract(t));
        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf(Locale.ROOT, "%d documents, %.1f MB of text%n", texts.size(), chars / 1e6);
        System.out.printf(Locale.ROOT, "header only (baseline): %.0f documents/s%n", base);
        System.out.printf(Locale.ROOT, "full metadata:          %.0f documents/s (%.2f × baseline time)%n", all, base / all);
    }

    /** Documents per second of {@code work} over the texts, after a warm-up; shared by the benchmarks of this package. */
    static double rate(List<String> texts, java.util.function.Consumer<String> work) {
        for (int i = 0; i < WARMUP; i++) {
            texts.forEach(work);
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            texts.forEach(work);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return texts.size() * ROUNDS / seconds;
    }
}
