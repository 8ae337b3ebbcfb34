package vn.archive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.App;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.storage.ContentStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each failure carries its kind, in the report and on the terminal, and {@code --retry-failed} retries by kind. */
class FailureKindsIT {

    @Test
    void each_failure_provoked_by_a_generated_file_carries_its_kind(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Files.write(in.resolve("empty.doc"), new byte[0]);
        Files.write(in.resolve("binary.txt"), binary());
        Files.writeString(in.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a PDF\n");
        Files.write(in.resolve("locked.pdf"), encryptedPdf());
        Files.write(in.resolve("archive.rar"), new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00, (byte) 0xCF, (byte) 0x90,
                0x73, 0x00, 0x00, 0x0D, 0x00, 0, 0, 0, 0, 0, 0});
        Files.writeString(in.resolve("big.txt"), "x".repeat(4096));
        Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                    new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none()).withMaxFileBytes(2048)
                    .run(List.of(in, tmp.resolve("no-such-folder")), o -> { });
            Map<String, FailureKind> kinds = new TreeMap<>();
            for (IngestOutcome o : report.outcomes()) {
                kinds.put(Path.of(o.path()).getFileName().toString(), o.failure());
            }
            assertEquals(Map.of("empty.doc", FailureKind.NOT_A_DOCUMENT, "binary.txt", FailureKind.NOT_A_DOCUMENT,
                    "broken.pdf", FailureKind.UNPARSABLE, "locked.pdf", FailureKind.ENCRYPTED,
                    "archive.rar", FailureKind.UNSUPPORTED, "big.txt", FailureKind.TOO_LARGE,
                    "no-such-folder", FailureKind.NOT_FOUND), withoutNulls(kinds), report.outcomes().toString());
            IngestOutcome imported = report.outcomes().stream().filter(o -> o.path().endsWith("209.txt")).findFirst()
                    .orElseThrow();
            assertEquals(IngestStatus.IMPORTED, imported.status());
            assertEquals(null, imported.failure(), "only failures have a kind");
        }
        JsonNode json = new ObjectMapper().readTree(new ReportFiles(data.resolve("reports")).latest().orElseThrow()
                .toFile());
        boolean sawKind = false;
        for (JsonNode o : json.path("outcomes")) {
            if (o.path("path").asText().endsWith("locked.pdf")) {
                assertEquals("ENCRYPTED", o.path("failure").asText(), o.toString());
                sawKind = true;
            }
        }
        assertTrue(sawKind, "the JSON report carries the kind: " + json);
        assertEquals(FailureKind.ENCRYPTED, ReportFiles.read(new ReportFiles(data.resolve("reports")).latest()
                .orElseThrow()).stream().filter(o -> o.path().endsWith("locked.pdf")).findFirst().orElseThrow().failure(),
                "and reads it back");
    }

    @Test
    void retry_failed_tries_again_what_a_second_try_can_fix_and_skips_files_that_would_fail_the_same(@TempDir Path tmp)
            throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        String letter = TestCorpus.state("209.txt") + "\n";
        Files.writeString(in.resolve("big.txt"), letter.repeat(1 + 1_200_000 / letter.length()));
        Files.writeString(in.resolve("broken.pdf"), "%PDF-1.7\nbroken\n");
        Files.write(in.resolve("locked.pdf"), encryptedPdf());
        assertTrue(Files.size(in.resolve("big.txt")) > 1024 * 1024, "the fixture is over the limit below");
        assertEquals(0, App.commandLine().execute("import", in.toString(), "--data", data.toString(), "--no-progress",
                "--max-file-mb", "1"));
        JsonNode first = latestReport(data);
        assertEquals(3, first.path("counts").path("FAILED").asInt(), first.toString());

        Thread.sleep(5); // report names are timestamps to the millisecond
        assertEquals(0, App.commandLine().execute("import", "--retry-failed", "--data", data.toString(),
                "--no-progress"));
        JsonNode retry = latestReport(data);
        assertEquals(1, retry.path("seen").asInt(), "only the file over the size limit ran again: " + retry);
        assertTrue(retry.path("outcomes").get(0).path("path").asText().endsWith("big.txt"), retry.toString());
        assertEquals("IMPORTED", retry.path("outcomes").get(0).path("status").asText(), retry.toString());
    }

    private static Map<String, FailureKind> withoutNulls(Map<String, FailureKind> kinds) {
        Map<String, FailureKind> out = new TreeMap<>(kinds);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    /** Random-looking bytes: about one byte in eight a control character. */
    private static byte[] binary() {
        byte[] b = new byte[1000];
        long x = 42;
        for (int i = 0; i < b.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) (x >>> 56);
        }
        return b;
    }

    /** A one-page PDF that needs a password to open. */
    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static JsonNode latestReport(Path data) throws IOException {
        return new ObjectMapper().readTree(new ReportFiles(data.resolve("reports")).latest().orElseThrow().toFile());
    }
}
