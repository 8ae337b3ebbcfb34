package vn.archive.generate;

import vn.archive.meta.Dictionaries;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Generates a corpus of directives in two steps: a plan (who issues what, when, citing what, with which number) drawn
 * from one random stream, then each document's text from its own stream seeded by its index, so documents can be
 * rendered in parallel and the same seed always gives byte-identical output. One class per section: {@link Planner}
 * (the plan), {@link IssuerNames} (names), {@link DirectiveText} (text), {@link Weighted} and {@link Picker}
 * (sampling).
 */
public final class CorpusGenerator {
    /** First and last possible date of issue. */
    static final LocalDate START = LocalDate.of(2000, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);
    /** Documents rendered at once, in parallel, before their manifest rows are written in order. */
    private static final int CHUNK = 2000;

    private final Planner planner;
    private final DirectiveText text;

    public CorpusGenerator(GeneratorData data, TextModel model, Dictionaries dictionaries) {
        IssuerNames names = new IssuerNames(Objects.requireNonNull(data, "data"),
                Objects.requireNonNull(dictionaries, "dictionaries"));
        this.planner = new Planner(data, names);
        this.text = new DirectiveText(data, Objects.requireNonNull(model, "model"), names);
    }

    /** What a run produced. */
    public record Summary(int documents, long characters, int citing, Path manifest) {
    }

    /**
     * Writes {@code docs} documents under {@code out/docs/} and their ground truth to {@code out/manifest.tsv}.
     */
    public Summary generate(int docs, long seed, Path out) throws IOException {
        Plan plan = planner.plan(docs, seed);
        Path manifest = out.resolve("manifest.tsv");
        Files.createDirectories(out);
        long chars = 0;
        int citing = 0;
        try (BufferedWriter w = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
            w.write(GeneratedDocument.MANIFEST_HEADER);
            w.write('\n');
            for (int from = 0; from < docs; from += CHUNK) {
                GeneratedDocument[] chunk = IntStream.range(from, Math.min(docs, from + CHUNK)).parallel()
                        .mapToObj(id -> {
                            GeneratedDocument d = text.document(plan, id);
                            write(out, d);
                            return d;
                        }).toArray(GeneratedDocument[]::new);
                for (GeneratedDocument d : chunk) {
                    w.write(d.manifestRow());
                    w.write('\n');
                    chars += d.text().length();
                    citing += d.cites().isEmpty() ? 0 : 1;
                }
            }
        }
        return new Summary(docs, chars, citing, manifest);
    }

    private static void write(Path out, GeneratedDocument d) {
        try {
            Path file = out.resolve(d.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, d.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a plan, in id order, without writing anything (for tests and in-memory benchmarks). */
    public List<GeneratedDocument> documents(int docs, long seed) {
        Plan plan = planner.plan(docs, seed);
        return IntStream.range(0, docs).mapToObj(id -> text.document(plan, id)).toList();
    }
}
