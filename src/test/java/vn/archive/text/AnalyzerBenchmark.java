package vn.archive.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Analyzer throughput, in tokens per second, of {@link VietnameseAnalyzer} (exact and folded) against Lucene's
 * StandardAnalyzer on the same text (every corpus document), measured in the same run, rounds interleaved so that
 * all three share the machine's state. Reports the median of the measured rounds and the ratio to the baseline.
 * Not a test: run it with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.archive.text.AnalyzerBenchmark}.
 */
public final class AnalyzerBenchmark {
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 7;

    private AnalyzerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("StandardAnalyzer (baseline)", new StandardAnalyzer());
        analyzers.put("VietnameseAnalyzer EXACT", new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT));
        analyzers.put("VietnameseAnalyzer FOLDED", new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED));
        Map<String, double[]> rates = new LinkedHashMap<>();
        analyzers.keySet().forEach(k -> rates.put(k, new double[MEASURED_ROUNDS]));
        long[] tokens = new long[analyzers.size()];
        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
            int i = 0;
            for (Map.Entry<String, Analyzer> e : analyzers.entrySet()) {
                long start = System.nanoTime();
                long n = tokenize(e.getValue(), texts);
                long nanos = System.nanoTime() - start;
                tokens[i++] = n;
                if (round >= WARMUP_ROUNDS) {
                    rates.get(e.getKey())[round - WARMUP_ROUNDS] = n / (nanos / 1e9);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d documents, %,d chars; median of %d rounds after %d warm-up rounds%n",
                texts.size(), chars, MEASURED_ROUNDS, WARMUP_ROUNDS);
        double baseline = median(rates.values().iterator().next());
        int i = 0;
        for (Map.Entry<String, double[]> e : rates.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "  %-30s %,12.0f tokens/s  (%,d tokens)  ratio to baseline %.2f%n",
                    e.getKey(), m, tokens[i++], m / baseline);
        }
        analyzers.values().forEach(Analyzer::close);
    }

    private static long tokenize(Analyzer analyzer, List<String> texts) throws IOException {
        long n = 0;
        long hash = 0;
        for (String text : texts) {
            try (TokenStream ts = analyzer.tokenStream("body", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    n++;
                    hash += term.length();
                }
                ts.end();
            }
        }
        if (hash < 0) {
            System.out.println(hash); // keeps the loop from being optimised away
        }
        return n;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
