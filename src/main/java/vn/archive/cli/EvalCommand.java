package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.ingest.SourceFile;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.GoldSet;
import vn.archive.meta.MetadataExtractor;
import vn.archive.render.DocumentRenderer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eval [--gold FILE | --real] [--as text|docx|pdf]}: per-field precision and recall of the extractor on the gold set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Đo độ chính xác (precision) và độ phủ (recall) của trích xuất siêu dữ liệu trên bộ chuẩn.",
                "Prints per-field precision and recall of metadata extraction against the hand-checked gold set."})
public final class EvalCommand implements Callable<Integer> {
    /** Where the gold set lives in the repository. */
    public static final Path DEFAULT_GOLD = Path.of("src/test/resources/gold/metadata.jsonl");

    /** The real documents from public pages (held out: graded, never tuned on). */
    public static final Path REAL_GOLD = Path.of("src/test/resources/real/gold.jsonl");
    /** The real set's first lines, from ../shared/corpus/real/: graded, never tuned on. */
    public static final int REAL_HELD_OUT = 40;

    /** How the gold documents reach the extractor. */
    public enum Rendition { TEXT, DOCX, PDF }

    @Option(names = "--gold", paramLabel = "FILE", description = "Gold file (default: ${DEFAULT-VALUE}).")
    Path gold = DEFAULT_GOLD;

    @Option(names = "--real", description = "Score the real documents (src/test/resources/real/gold.jsonl) instead, references and relations included.")
    boolean real;

    @Option(names = "--root", paramLabel = "DIR", description = "Folder the gold files are relative to (default: .).")
    Path root = Path.of(".");

    @Option(names = "--as", paramLabel = "RENDITION", description = "text, docx or pdf (default: text).")
    Rendition as = Rendition.TEXT;

    @Option(names = "--errors", description = "Also list every value that differs.")
    boolean errors;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (real) {
            gold = REAL_GOLD;
        }
        if (!Files.isRegularFile(gold)) {
            System.err.println("Không tìm thấy bộ chuẩn (gold file not found): " + gold);
            return 2;
        }
        GoldSet set = GoldSet.load(gold);
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.load(config));
        GoldSet.Score score = set.score(texts(set, root, as), extractor::extract,
                as == Rendition.TEXT ? set.fields() : GoldSet.HEADER_FIELDS);
        System.out.println("rendition: " + as.name().toLowerCase(Locale.ROOT));
        System.out.print(score.table());
        if (!score.relations().isEmpty()) {
            System.out.print(score.relationTable());
        }
        if (real && set.entries().size() > REAL_HELD_OUT) {
            GoldSet heldOut = set.first(REAL_HELD_OUT);
            System.out.println("held-out part (the first " + REAL_HELD_OUT + ", never tuned on):");
            System.out.print(heldOut.score(texts(heldOut, root, as), extractor::extract, set.fields()).table());
        }
        if (errors) {
            score.errors().forEach(System.out::println);
        }
        return 0;
    }

    /** The gold documents' texts as the extractor sees them after the rendition (text, or DOCX/PDF read by Tika). */
    public static Map<String, String> texts(GoldSet set, Path root, Rendition as) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        TikaExtractor tika = new TikaExtractor();
        DocumentRenderer renderer = as == Rendition.PDF ? DocumentRenderer.withSystemFont() : null;
        for (GoldSet.Entry e : set.entries()) {
            String text = Files.readString(root.resolve(e.file()), StandardCharsets.UTF_8);
            switch (as) {
                case TEXT -> out.put(e.file(), text);
                case DOCX -> out.put(e.file(), tika.extract(new SourceFile(e.file(), "gold.docx",
                        DocumentRenderer.docx(text))).text());
                case PDF -> out.put(e.file(), tika.extract(new SourceFile(e.file(), "gold.pdf",
                        renderer.pdf(text))).text());
            }
        }
        return out;
    }
}
