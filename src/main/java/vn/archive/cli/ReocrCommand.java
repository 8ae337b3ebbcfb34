package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestReport;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code reocr [--data DIR]}: runs OCR on the scans that were kept waiting for it. */
@Command(name = "reocr", mixinStandardHelpOptions = true,
        description = {"Nhận dạng chữ (OCR) các bản quét đang chờ OCR trong kho.",
                "Runs OCR on every scan kept WAITING_OCR (for example, imported before Tesseract was installed)."})
public final class ReocrCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--workers", paramLabel = "N", description = "Files processed at once (default: one per core).")
    Integer workers;

    @Override
    public Integer call() {
        AppConfig config = archive.toConfig(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        try (Archive a = archive.open(config)) {
            IngestPipeline pipeline = a.pipeline();
            if (!pipeline.ocr().available()) {
                System.err.println("Chưa cài Tesseract với dữ liệu tiếng Việt (install tesseract-ocr tesseract-ocr-vie)");
            }
            int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
            IngestReport report = Verbs.withProgress(pipeline, true, () -> pipeline.reocr(
                    o -> System.out.println(ImportCommand.line(o)), new IngestPipeline.Options(n, null)));
            System.out.println(report.summary());
            return 0;
        } catch (IOException | RuntimeException e) {
            return archive.cannotWrite(config, e);
        }
    }
}
