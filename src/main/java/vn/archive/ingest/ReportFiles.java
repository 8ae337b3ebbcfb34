package vn.archive.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.archive.config.Json;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Per-file reports of import runs under {@code data/reports/}: {@code <timestamp>.csv} for spreadsheets and
 * {@code <timestamp>.json} (summary and outcomes) for programs, {@code --retry-failed} among them.
 */
public final class ReportFiles {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** CSV columns, in order. */
    public static final List<String> COLUMNS = List.of("path", "status", "reason", "pages", "ocr_confidence",
            "seconds", "document_id", "sha256", "failure");

    private final Path folder;

    public ReportFiles(Path folder) {
        this.folder = folder;
    }

    /** Writes both files for the report; returns the CSV's path. */
    public Path write(IngestReport report, Instant finishedAt) throws IOException {
        Files.createDirectories(folder);
        String stamp = STAMP.format(finishedAt);
        Path csv = folder.resolve(stamp + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (IngestOutcome o : report.outcomes()) {
                p.printRecord(o.path(), o.status(), o.reason(), o.pages(),
                        o.ocrConfidence() == null ? null : String.format(Locale.ROOT, "%.1f", o.ocrConfidence()),
                        String.format(Locale.ROOT, "%.3f", o.millis() / 1000.0), o.documentId(), o.sha256(),
                        o.failure());
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finishedAt", finishedAt.toString());
        json.put("seen", report.seen());
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.counts().forEach((k, v) -> counts.put(k.name(), v));
        json.put("counts", counts);
        json.put("summary", report.summary());
        json.put("outcomes", report.outcomes());
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(stamp + ".json").toFile(), json);
        return csv;
    }

    /** The latest JSON report, if any run wrote one. */
    public Optional<Path> latest() throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).max(Comparator.naturalOrder());
        }
    }

    /** The outcomes of a JSON report. */
    public static List<IngestOutcome> read(Path json) throws IOException {
        var tree = JSON.readTree(json.toFile());
        List<IngestOutcome> out = new ArrayList<>();
        for (var node : tree.path("outcomes")) {
            out.add(JSON.treeToValue(node, IngestOutcome.class));
        }
        return out;
    }

    /** The failures of the latest report. */
    public List<IngestOutcome> latestFailures() throws IOException {
        Optional<Path> last = latest();
        if (last.isEmpty()) {
            return List.of();
        }
        return read(last.get()).stream().filter(o -> o.status() == IngestStatus.FAILED).toList();
    }

    /**
     * Whether a failure is worth another try: its kind is one a second try can fix (a timeout, a locked file…), or
     * the file on disk is no longer the one that failed (its SHA-256 differs, or was never known). A broken or
     * encrypted file that is still the same bytes would only fail again. An entry of a ZIP or an e-mail is judged by
     * its kind alone.
     */
    public static boolean worthRetrying(IngestOutcome failure) {
        if (failure.retryable()) {
            return true;
        }
        if (failure.path().contains("!")) {
            return false;
        }
        if (failure.sha256() == null) {
            return true;
        }
        Path file = Path.of(failure.path());
        try {
            return Files.isRegularFile(file) && !ContentStore.sha256(Files.readAllBytes(file)).equals(failure.sha256());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return true; // unreadable now: the import will say why
        }
    }
}
