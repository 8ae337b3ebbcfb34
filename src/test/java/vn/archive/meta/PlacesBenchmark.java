package vn.archive.meta;

import vn.archive.TestCorpus;
import vn.archive.config.ConfigTables;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the full table of places costs extraction: documents per second of {@link MetadataExtractor} over the
 * committed corpus with {@code admin-units.tsv} as packaged (63 provinces, ~700 districts) against a baseline
 * measured in the same run, the table cut down to the districts of the three seed provinces (as it was before).
 * Run with a main; nothing here is asserted.
 */
public final class PlacesBenchmark {
    private static final Set<String> SEED_PROVINCES = Set.of("Lâm Đồng", "Quảng Trị", "Tuyên Quang");

    private PlacesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts;
        try (Stream<Path> files = Stream.concat(Files.list(TestCorpus.SEEDS), Files.list(TestCorpus.ROOT.resolve("state")))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().map(TestCorpus::read).toList();
        }
        Path small = Files.createTempDirectory("places-bench");
        StringBuilder table = new StringBuilder();
        int units = 0;
        for (ConfigTables.Row r : ConfigTables.read(null, "admin-units.tsv", 4)) {
            units++;
            if (r.col(1).equals("tỉnh") || SEED_PROVINCES.contains(r.col(3))) {
                table.append(String.join("\t", r.cols())).append('\n');
            }
        }
        Files.writeString(small.resolve("admin-units.tsv"), table);
        MetadataExtractor few = new MetadataExtractor(Dictionaries.load(small));
        MetadataExtractor all = new MetadataExtractor(Dictionaries.builtIn());
        // alternated, so a neighbour's load on a shared machine falls on both sides alike
        double base = 0;
        double full = 0;
        for (int i = 0; i < 2; i++) {
            base += ExtractorBenchmark.rate(texts, few::extract) / 2;
            full += ExtractorBenchmark.rate(texts, all::extract) / 2;
        }
        System.out.printf(Locale.ROOT, "%d documents; %d units in the full table, %d in the baseline's%n", texts.size(),
                units, table.toString().split("\n").length);
        System.out.printf(Locale.ROOT, "three provinces' districts (baseline): %.0f documents/s%n", base);
        System.out.printf(Locale.ROOT, "all 63 provinces' districts:          %.0f documents/s (%.2f × baseline time)%n",
                full, base / full);
        Files.delete(small.resolve("admin-units.tsv"));
        Files.delete(small);
    }
}
