package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.generate.CorpusGenerator;
import vn.archive.generate.GeneratorData;
import vn.archive.generate.TextModel;
import vn.archive.meta.Dictionaries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gen-corpus --docs N --seed S --out DIR}: writes a generated corpus for benchmarks and scale tests. */
@Command(name = "gen-corpus", mixinStandardHelpOptions = true,
        description = {"Sinh kho văn bản giả lập (chỉ dùng để đo hiệu năng, không phải dữ liệu thật).",
                "Generates realistic Party and State directives for benchmarks and scale tests only: issuers across",
                "63 provinces and their districts, citations down the hierarchy, bodies learnt from --source.",
                "The same seed always gives byte-identical output. Writes DIR/docs/… and DIR/manifest.tsv."})
public final class GenCorpusCommand implements Callable<Integer> {
    @Option(names = "--docs", required = true, paramLabel = "N", description = "Number of documents.")
    int docs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (use target/ or bench/work/, which git ignores).")
    Path out;

    @Option(names = "--source", defaultValue = "corpus", paramLabel = "DIR",
            description = "Real corpus to learn text and lengths from (seeds/ and state/; default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--config", defaultValue = "index-config", paramLabel = "DIR",
            description = "Folder of editable tables (default: ./index-config; built-in copies otherwise).")
    Path config;

    @Override
    public Integer call() {
        if (docs < 1) {
            System.err.println("--docs phải từ 1 trở lên (must be 1 or more), was " + docs);
            return 2;
        }
        try {
            if (Files.isDirectory(out.resolve("docs"))) {
                System.err.println("Thư mục " + out + " đã có kho sinh trước (already holds a generated corpus);"
                        + " choose an empty folder");
                return 2;
            }
            long t0 = System.nanoTime();
            Path cfg = Files.isDirectory(config) ? config : null;
            CorpusGenerator generator = new CorpusGenerator(GeneratorData.load(cfg), TextModel.learn(source),
                    Dictionaries.load(cfg));
            CorpusGenerator.Summary s = generator.generate(docs, seed, out);
            System.out.printf(Locale.ROOT, "Đã sinh %d văn bản (%d trích dẫn cấp trên), %.1f MB văn bản, trong %.1f s → %s%n",
                    s.documents(), s.citing(), s.characters() / 1e6, (System.nanoTime() - t0) / 1e9, s.manifest());
            return 0;
        } catch (IOException e) {
            System.err.println("Không sinh được kho (cannot generate): " + e.getMessage());
            return 2;
        }
    }
}
