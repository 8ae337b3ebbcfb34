package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.Archive;
import vn.archive.archival.ArchivalPackage;
import vn.archive.config.AppConfig;
import vn.archive.curation.CorrectionStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestReport;
import vn.archive.ingest.ReportFiles;
import vn.archive.model.IngestOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code import PATH… [--data DIR]}: imports files, folders and ZIPs; {@code --retry}, {@code --retry-failed}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập tệp, thư mục (đệ quy) và tệp ZIP vào kho.",
                "Imports files, folders (recursively) and ZIPs. Prints one line per file and a summary, and writes",
                "a per-file report (CSV and JSON) under DIR/reports/. An interrupted import continues where it",
                "stopped when the same command is run again.",
                "Exits non-zero only when the archive itself cannot be written."})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, folders or ZIPs to import.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--retry", description = "Also run OCR again on scans waiting for it (same as the reocr verb).")
    boolean retry;

    @Option(names = "--retry-failed", description = "Import again only the files that failed in the last report.")
    boolean retryFailed;

    @Option(names = "--workers", paramLabel = "N", description = "Files processed at once (default: one per core).")
    Integer workers;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on the terminal (default: when there is one).")
    boolean progressBar;

    private boolean clearBar;

    @Override
    public Integer call() {
        if (paths.isEmpty() && !retry && !retryFailed) {
            System.err.println("Cần ít nhất một PATH, hoặc --retry / --retry-failed (need PATH, --retry or --retry-failed)");
            return 2;
        }
        AppConfig config = archive.toConfig(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        clearBar = progressBar && Verbs.onTerminal();
        try (Archive a = archive.open(config)) {
            IngestPipeline pipeline = a.pipeline();
            int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
            if (retry) {
                summarize(Verbs.withProgress(pipeline, progressBar,
                        () -> pipeline.reocr(this::print, new IngestPipeline.Options(n, null))));
            }
            if (retryFailed) {
                List<IngestOutcome> failures = pipeline.reports().latestFailures();
                List<String> failed = failures.stream().filter(ReportFiles::worthRetrying).map(IngestOutcome::path)
                        .toList();
                Set<Path> inputs = new LinkedHashSet<>();
                failed.forEach(p -> inputs.add(Path.of(p.contains("!") ? p.substring(0, p.indexOf('!')) : p)));
                System.out.println("Nhập lại " + failed.size() + " tệp lỗi của lần trước (retrying last failures)");
                if (failed.size() < failures.size()) {
                    System.out.println("Bỏ qua " + (failures.size() - failed.size()) + " tệp sẽ lỗi lại nếu không sửa "
                            + "(hỏng, có mật khẩu, không hỗ trợ, không phải văn bản; skipped: would fail again unchanged)");
                }
                if (!failed.isEmpty()) {
                    summarize(Verbs.withProgress(pipeline, progressBar, () -> pipeline.run(List.copyOf(inputs),
                            this::print, new IngestPipeline.Options(n, Set.copyOf(failed)))));
                }
            }
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (ArchivalPackage.isPackage(p)) {
                    System.out.println("Gói lưu trữ " + p + ": kiểm tra tổng SHA-256 rồi nhập (archival package)");
                    summarize(ArchivalPackage.importPackage(p, pipeline, a.store(),
                            new CorrectionStore(config.dataDir()), config.dataDir().resolve("uploads")));
                } else {
                    files.add(p);
                }
            }
            paths = files;
            if (!paths.isEmpty()) {
                summarize(Verbs.withProgress(pipeline, progressBar, () -> pipeline.run(paths,
                        this::print, new IngestPipeline.Options(n, null))));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            if (archive.solr != null) {
                return archive.cannotWrite(config, e);
            }
            Optional<ServedPortal> portal = ServedPortal.find(config.dataDir());
            if (portal.isPresent() && !paths.isEmpty() && !retry && !retryFailed) {
                return handOver(portal.get(), config, e);
            }
            int refused = archive.cannotWrite(config, e);
            if (portal.isPresent()) {
                System.err.println("Kho đang được cổng tra cứu phục vụ: --retry và --retry-failed cần dừng cổng trước"
                        + " (the archive is being served: stop the portal for --retry and --retry-failed)");
            }
            return refused;
        }
    }

    /**
     * The archive is being served (the index has one writer): the portal imports the files where they are, and this
     * verb prints its outcomes and summary as if it had imported them itself.
     */
    private int handOver(ServedPortal portal, AppConfig config, Exception locked) {
        System.out.println(portal.handingOver(config.dataDir(), "giao cho cổng nhập, tìm kiếm vẫn hoạt động",
                "the portal imports"));
        IngestReport report = new IngestReport();
        try {
            String error = portal.handOver(paths, o -> {
                report.add(o);
                print(o);
            });
            summarize(report);
            if (error != null) {
                System.err.println(error);
                return 2;
            }
            return 0;
        } catch (ServedPortal.NotServing e) {
            return archive.cannotWrite(config, locked);
        } catch (IOException e) {
            System.err.println("Cổng nhập dừng giữa chừng (" + e.getMessage() + "); chạy lại lệnh để nhập tiếp, tệp đã"
                    + " nhập sẽ không bị nhập lại (the portal stopped: run the command again to go on)");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** One outcome line; on a terminal it first clears the progress bar drawn on the same line. */
    private void print(IngestOutcome o) {
        System.out.println((clearBar ? "\r\033[K" : "") + line(o));
    }

    private static void summarize(IngestReport report) {
        if (report.resumed() > 0) {
            System.out.println("Tiếp tục lần nhập bị gián đoạn: " + report.resumed()
                    + " tệp đã xong từ trước (resumed: " + report.resumed() + " files were already done)");
        }
        System.out.println(report.summary());
    }

    /** Imports and prints each outcome as a line. */
    static IngestReport run(Archive a, List<Path> paths, PrintStream out) throws IOException {
        return a.pipeline().run(paths, o -> out.println(line(o)));
    }

    static String line(IngestOutcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-11s %s", o.status(), o.path()));
        if (o.documentId() != null) {
            sb.append("  id=").append(o.documentId());
        }
        if (o.ocrConfidence() != null) {
            sb.append(String.format(Locale.ROOT, "  ocr=%.1f%% (%d trang)", o.ocrConfidence(), o.pages()));
        }
        if (o.failure() != null) {
            sb.append("  [").append(o.failure().label()).append(']');
        }
        if (o.reason() != null) {
            sb.append("  — ").append(o.reason());
        }
        return sb.toString();
    }
}
