package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.ingest.IngestReport;
import vn.archive.model.IngestOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code import PATH… [--data DIR]}: imports files, folders and ZIPs. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập tệp, thư mục (đệ quy) và tệp ZIP vào kho.",
                "Imports files, folders (recursively) and ZIPs. Prints one line per file and a summary.",
                "Exits non-zero only when the archive itself cannot be written."})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or ZIPs to import.")
    List<Path> paths;

    @Override
    public Integer call() {
        AppConfig config = archive.toConfig(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        try (Archive a = Archive.open(config)) {
            IngestReport report = run(a, paths, System.out);
            System.out.println(report.summary());
            return 0;
        } catch (IOException e) {
            System.err.println("Không ghi được vào kho " + config.dataDir() + ": " + e.getMessage());
            return 2;
        }
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
        if (o.reason() != null) {
            sb.append("  — ").append(o.reason());
        }
        return sb.toString();
    }
}
