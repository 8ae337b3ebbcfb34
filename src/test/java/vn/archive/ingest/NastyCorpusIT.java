package vn.archive.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;
import vn.archive.search.SearchRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated nasty corpus: every file gets one clear outcome, nothing crashes or hangs, the good files import,
 * and the totals reconcile.
 */
class NastyCorpusIT {
    private static final String GOOD = "Công văn về việc đẩy mạnh phong trào thi đua Dân vận khéo ở khu dân cư.";

    @TempDir
    Path temp;

    @Test
    void every_nasty_file_gets_a_clear_outcome_and_the_rest_imports() throws Exception {
        Path in = Files.createDirectories(temp.resolve("nasty"));
        byte[] pdf = DocumentRenderer.withSystemFont().pdf(GOOD);
        Files.write(in.resolve("cat-cut.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
        Files.write(in.resolve("hong.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(in.resolve("ma-hoa.pdf"), encryptedPdf(pdf));
        Files.write(in.resolve("mat-khau.docx"), encryptedDocx(DocumentRenderer.docx(GOOD)));
        Files.write(in.resolve("bom-ti-le.zip"), zip("bom.txt", new byte[300 * 1024 * 1024]));
        byte[] nested = zip("trong-cung.txt", GOOD.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 12; i++) {
            nested = zip("lop" + i + ".zip", nested);
        }
        Files.write(in.resolve("bom-long-nhau.zip"), nested);
        Files.write(in.resolve("leo-thang.zip"), zip("../../../leo-ra-ngoai.txt", GOOD.getBytes(StandardCharsets.UTF_8)));
        Path loop = Files.createDirectories(in.resolve("vong"));
        Files.createSymbolicLink(loop.resolve("lap"), Path.of(".."));
        Files.write(in.resolve("rong.txt"), new byte[0]);
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(in.resolve("rac.txt"), garbage);
        byte[] invalid = ("Kế hoạch triển khai \u0000").getBytes(StandardCharsets.UTF_8);
        Files.write(in.resolve("utf8-hong.txt"), concat(invalid, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE},
                " phong trào thi đua ở cơ sở".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(in.resolve("kich-ban.html"), "<html><head><script>alert('xss-nasty')</script></head><body><p>"
                + GOOD + "</p><script>document.write('chen-ma')</script></body></html>", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("ten\u0007\u001b[31m-dieu-khien.txt"), GOOD + " Ký tự điều khiển trong tên.", StandardCharsets.UTF_8);
        Files.copy(TestCorpus.BAO_LOC, in.resolve("tot.txt"));
        try (RandomAccessFile huge = new RandomAccessFile(in.resolve("khong-lo.pdf").toFile(), "rw")) {
            huge.setLength(TWO_GB); // sparse: no disk used, but 2 GB to anything that reads it
        }
        badNamesOnDisk(Files.createDirectories(in.resolve("ten-hong")));
        Files.write(in.resolve("ten-zip.zip"), badNamesInZip());
        Files.write(in.resolve("ten-zip-utf8.zip"), zip("trong/Báo cáo-co-co.txt", (GOOD + " Tên UTF-8 có cờ.").getBytes(StandardCharsets.UTF_8)));

        Path data = temp.resolve("data");
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            List<IngestOutcome> outcomes = new ArrayList<>();
            IngestReport report = assertTimeoutPreemptively(Duration.ofMinutes(10),
                    () -> archive.pipeline().run(List.of(in), outcomes::add), "the batch never hangs");
            String all = outcomes.stream().map(o -> o.status() + " " + o.path() + " : " + o.reason()).reduce("", (a, b) -> a + "\n" + b);
            // totals reconcile: one outcome per file seen, and the counts add up
            assertEquals(report.seen(), outcomes.size(), all);
            Map<IngestStatus, Integer> counts = new EnumMap<>(report.counts());
            assertEquals(report.seen(), counts.values().stream().mapToInt(Integer::intValue).sum(), all);
            for (IngestOutcome o : outcomes) {
                if (o.status() == IngestStatus.FAILED) {
                    assertTrue(o.reason() != null && !o.reason().isBlank(), "a failure says why: " + o.path());
                }
            }
            for (String name : List.of("cat-cut.pdf", "hong.pdf", "ma-hoa.pdf", "mat-khau.docx", "rong.txt", "rac.txt")) {
                assertEquals(IngestStatus.FAILED, outcome(outcomes, name, all).status(), name + all);
            }
            assertTrue(outcome(outcomes, "bom.txt", all).reason().contains("Bom ZIP"), "the ratio bomb is refused before extraction" + all);
            assertTrue(outcome(outcomes, "rac.txt", all).reason().contains("nhị phân"), "garbage is not text" + all);
            assertTrue(outcomes.stream().anyMatch(o -> o.path().contains("bom-long-nhau.zip") && o.status() == IngestStatus.FAILED
                    && o.reason().contains("sâu")), "the nesting bomb stops at the depth limit" + all);
            for (String name : List.of("tot.txt", "kich-ban.html", "utf8-hong.txt", "-dieu-khien.txt", "leo-ra-ngoai.txt")) {
                assertEquals(IngestStatus.IMPORTED, outcome(outcomes, name, all).status(), name + all);
            }
            IngestOutcome huge = outcome(outcomes, "khong-lo.pdf", all);
            assertEquals(IngestStatus.FAILED, huge.status(), all);
            assertTrue(huge.reason().contains("quá lớn") && huge.reason().contains("2,147,483,648")
                    && huge.reason().contains("536,870,912"), "the 2 GB file is refused, with its size and the limit: " + huge.reason());
            // names that are not UTF-8 or carry control characters: each file imports, named legibly and distinctly
            for (String name : List.of("ten-hong/\\xFF-mot.txt", "ten-hong/\\xFE-hai.txt", "ten-hong/Quy\\xD5t-\\xAE\\xDFnh-tcvn3.txt",
                    "ten-hong/\\xFFthu-muc/ben-nay.txt", "ten\\u0007\\u001B[31m-dieu-khien.txt",
                    "ten-zip.zip!ten-\\xFF-hong.txt", "ten-zip.zip!Quy\\xEA\\xECt-cp1258.txt", "ten-zip.zip!dieu\\u0007khien.txt",
                    "ten-zip.zip!Báo cáo-khong-co-co.txt", "ten-zip-utf8.zip!trong/Báo cáo-co-co.txt",
                    "ten-zip.zip!leo/../../../../ra-ngoai-2.txt")) {
                assertEquals(IngestStatus.IMPORTED, outcome(outcomes, name, all).status(), name + all);
            }
            for (IngestOutcome o : outcomes) {
                assertFalse(o.path().indexOf('\uFFFD') >= 0 || o.path().chars().anyMatch(Character::isISOControl),
                        "every path is reported legibly: " + o.path().replace('\u001B', '^'));
            }
            assertFalse(outcomes.stream().anyMatch(o -> o.path().contains("lap" + java.io.File.separator)),
                    "the symlink loop is not followed" + all);
            // the script's text is not indexed as content
            SearchRequest xss = SearchRequest.of("chen-ma");
            assertEquals(0, archive.search().search(xss).total());
            assertEquals(0, archive.search().search(SearchRequest.of("xss-nasty")).total());
            assertTrue(archive.search().search(SearchRequest.of("134-CV/ThU")).total() >= 1, "the good file is searchable");
        }
        try (Stream<Path> s = Files.walk(temp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("leo-ra-ngoai.txt")), "no zip entry is written out by its name");
        }
    }

    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    @Test
    void files_over_the_configured_limit_are_refused_with_size_and_limit_and_the_rest_imports() throws Exception {
        Path in = Files.createDirectories(temp.resolve("limit"));
        byte[] big = (GOOD + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8); // about 2 MB of real text
        Files.write(in.resolve("lon.txt"), big);
        Files.write(in.resolve("lon-trong.zip"), zip("lon-ben-trong.txt", big));
        try (RandomAccessFile huge = new RandomAccessFile(in.resolve("khong-lo.zip").toFile(), "rw")) {
            huge.setLength(TWO_GB);
        }
        Files.copy(TestCorpus.BAO_LOC, in.resolve("tot.txt"));
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data-limit")).withMaxFileBytes(1024 * 1024))) {
            List<IngestOutcome> outcomes = new ArrayList<>();
            IngestReport report = archive.pipeline().run(List.of(in), outcomes::add);
            String all = outcomes.stream().map(o -> o.status() + " " + o.path() + " : " + o.reason()).reduce("", (a, b) -> a + "\n" + b);
            assertEquals(4, report.seen(), all);
            assertEquals(4, outcomes.size(), all);
            IngestOutcome lon = outcome(outcomes, "lon.txt", all);
            assertEquals(IngestStatus.FAILED, lon.status(), all);
            assertTrue(lon.reason().contains(String.format(java.util.Locale.ROOT, "%,d", big.length))
                    && lon.reason().contains("1,048,576"), lon.reason());
            assertEquals(IngestStatus.FAILED, outcome(outcomes, "lon-ben-trong.txt", all).status(), all);
            assertTrue(outcome(outcomes, "khong-lo.zip", all).reason().contains("2,147,483,648"), all);
            assertEquals(IngestStatus.IMPORTED, outcome(outcomes, "tot.txt", all).status(), all);
            assertEquals(1, report.counts().get(IngestStatus.IMPORTED), all);
            assertEquals(3, report.counts().get(IngestStatus.FAILED), all);
        }
    }

    /**
     * Files whose names are not UTF-8. Java cannot create such names from a String, so the shell writes them: 0xFF
     * and 0xFE (which Java would both decode to U+FFFD), TCVN3 bytes of "Quyết định", and a folder named so.
     */
    private static void badNamesOnDisk(Path dir) throws Exception {
        String script = "printf '%s một' \"$1\" > \"$(printf '\\377-mot.txt')\" && "
                + "printf '%s hai' \"$1\" > \"$(printf '\\376-hai.txt')\" && "
                + "printf '%s ba' \"$1\" > \"$(printf 'Quy\\325t-\\256\\337nh-tcvn3.txt')\" && "
                + "mkdir \"$(printf '\\377thu-muc')\" && printf '%s bốn' \"$1\" > \"$(printf '\\377thu-muc')/ben-nay.txt\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", script, "sh", GOOD).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(4, s.count(), "the shell made the files");
        }
    }

    /**
     * A ZIP whose entry names are raw bytes with the language-encoding flag off (0xFF, Windows-1258 bytes, a control
     * character, UTF-8 without the flag), and a name that climbs out with ../.
     */
    private static byte[] badNamesInZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ISO-8859-1 writes each char below 0x100 as that byte, and leaves the UTF-8 flag off
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
            String utf8AsBytes = new String("Báo cáo-khong-co-co.txt".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String[] names = {"ten-\u00FF-hong.txt", "Quy\u00EA\u00ECt-cp1258.txt", "dieu\u0007khien.txt", utf8AsBytes,
                    "leo/../../../../ra-ngoai-2.txt"};
            for (int i = 0; i < names.length; i++) {
                z.putNextEntry(new ZipEntry(names[i]));
                z.write((GOOD + " Mục trong ZIP số " + i + ".").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static IngestOutcome outcome(List<IngestOutcome> outcomes, String nameEnd, String all) {
        List<IngestOutcome> found = outcomes.stream().filter(o -> o.path().endsWith(nameEnd)).toList();
        assertEquals(1, found.size(), "exactly one outcome for " + nameEnd + all);
        return found.getFirst();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] encryptedPdf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.protect(new StandardProtectionPolicy("chu-so-huu", "nguoi-doc", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedDocx(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("mat-khau");
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx)); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
