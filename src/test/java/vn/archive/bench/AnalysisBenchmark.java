package vn.archive.bench;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.archive.generate.CorpusGenerator;
import vn.archive.generate.GeneratedDocument;
import vn.archive.generate.GeneratorData;
import vn.archive.generate.TextModel;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;
import vn.archive.text.VietnameseAnalyzer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Micro-benchmarks of the per-document work that ingest adds on top of Lucene: the Vietnamese analyzers against
 * Lucene's StandardAnalyzer on the same generated text (the baseline), and header extraction.
 * Run: {@code bench/run --jmh AnalysisBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AnalysisBenchmark {
    private List<String> texts;
    private Analyzer standard;
    private Analyzer folded;
    private Analyzer exact;
    private MetadataExtractor extractor;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        texts = new CorpusGenerator(GeneratorData.load(null), TextModel.learn(Path.of("corpus")), Dictionaries.builtIn())
                .documents(200, 1).stream().map(GeneratedDocument::text).toList();
        standard = new StandardAnalyzer();
        folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
        exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
        extractor = new MetadataExtractor(Dictionaries.builtIn());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        standard.close();
        folded.close();
        exact.close();
    }

    private String text() {
        next = (next + 1) % texts.size();
        return texts.get(next);
    }

    /** Baseline: Lucene's StandardAnalyzer. */
    @Benchmark
    public int standardAnalyzer() throws IOException {
        return consume(standard, text());
    }

    @Benchmark
    public int foldedAnalyzer() throws IOException {
        return consume(folded, text());
    }

    @Benchmark
    public int exactAnalyzer() throws IOException {
        return consume(exact, text());
    }

    @Benchmark
    public DocumentMetadata headerExtraction() {
        return extractor.extract(text());
    }

    private static int consume(Analyzer analyzer, String text) throws IOException {
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                n += term.length();
            }
            ts.end();
        }
        return n;
    }
}
