package vn.archive.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.archive.Archive;
import vn.archive.archival.ArchivalPackage;
import vn.archive.config.AppConfig;
import vn.archive.curation.CorrectionStore;
import vn.archive.model.Clearance;
import vn.archive.search.SearchRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code export-package (--query Q | --ids FILE | --all) --out FILE}: an archival package of what a clearance sees. */
@Command(name = "export-package", mixinStandardHelpOptions = true,
        description = {"Xuất một gói lưu trữ (METS, siêu dữ liệu, bản gốc, bản PDF/A, hiệu đính, SHA-256).",
                "Writes an archival package (E-ARK CSIP layout of Thông tư 05/2025/TT-BNV) of the selected documents",
                "that the given clearance may see; `import PACKAGE.zip` reads it back into another archive."})
public final class ExportPackageCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--query", paramLabel = "Q", description = "Every document this search finds.")
        String query;

        @Option(names = "--ids", paramLabel = "FILE", description = "A file of document ids, one a line.")
        Path ids;

        @Option(names = "--all", description = "Every document.")
        boolean all;
    }

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Package to write (.zip).")
    Path out;

    @Option(names = "--clearance", paramLabel = "C", defaultValue = "NONE",
            description = "Clearance of the exporting user: NONE, MAT, TOI_MAT, TUYET_MAT (default NONE).")
    String clearance;

    @Option(names = "--file-code", paramLabel = "CODE",
            description = "Mã hồ sơ: the code of the file (hồ sơ) the package's documents make (Thông tư 05/2025).")
    String fileCode;

    @Option(names = "--file-title", paramLabel = "TITLE", description = "Tiêu đề hồ sơ: the file's title.")
    String fileTitle;

    @Option(names = "--retention", paramLabel = "PERIOD",
            description = "Thời hạn lưu trữ: the file's retention period (e.g. \"Vĩnh viễn\", \"20 năm\").")
    String retention;

    @Override
    public Integer call() throws Exception {
        Clearance c;
        try {
            c = Clearance.parse(clearance);
        } catch (IllegalArgumentException e) {
            System.err.println("Độ mật không hợp lệ: " + e.getMessage());
            return 2;
        }
        AppConfig config = archive.toConfig(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        try (Archive a = archive.open(config)) {
            List<String> ids = selection.ids == null ? null : Files.readAllLines(selection.ids, StandardCharsets.UTF_8)
                    .stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
            SearchRequest request = SearchRequest.of(selection.query == null ? "" : selection.query);
            ArchivalPackage.Summary s = ArchivalPackage.export(a.search().restrictedTo(c), a.store(),
                    new CorrectionStore(config.dataDir()), c, ids == null ? request : null, ids,
                    new ArchivalPackage.FileLabel(fileCode, fileTitle, retention), out);
            System.out.println("Đã xuất " + s.documents() + " văn bản (" + s.files() + " tệp) vào " + out
                    + "; độ mật cao nhất trong gói: " + s.highestClassification());
            return 0;
        }
    }
}
