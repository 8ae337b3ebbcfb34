package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.render.DocumentRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code render TXT… --out DIR [--as docx,pdf]}: renders text files as DOCX and PDF, as the sample corpus has. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Dựng tệp DOCX/PDF từ văn bản thuần (dùng để tạo kho mẫu và dữ liệu kiểm thử).",
                "Renders plain-text files as DOCX and PDF (how corpus/rendered was made)."})
public final class RenderCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "TXT")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--as", split = ",", defaultValue = "docx,pdf", description = "Formats (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        DocumentRenderer renderer = DocumentRenderer.withSystemFont();
        int failures = 0;
        for (Path in : inputs) {
            try {
                render(renderer, in);
            } catch (IOException | RuntimeException e) {
                failures++;
                System.err.println(BadInput.line(in, e));
            }
        }
        return failures == 0 ? 0 : BadInput.EXIT;
    }

    private void render(DocumentRenderer renderer, Path in) throws IOException {
        String text = Files.readString(in, StandardCharsets.UTF_8);
        String base = in.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        for (String format : formats) {
            byte[] bytes = switch (format.toLowerCase(Locale.ROOT)) {
                case "docx" -> DocumentRenderer.docx(text);
                case "pdf" -> renderer.pdf(text);
                default -> throw new IllegalArgumentException("Không có định dạng [" + format
                        + "], chỉ được docx, pdf (unknown format, expected one of [docx, pdf])");
            };
            Path target = out.resolve(base + "." + format.toLowerCase(Locale.ROOT));
            Files.write(target, bytes);
            System.out.println(target);
        }
    }
}
