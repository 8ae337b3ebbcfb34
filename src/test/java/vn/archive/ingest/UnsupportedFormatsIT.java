package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.storage.ContentStore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAR archives: their reader (junrar) is not shipped, so each gets a clear refusal and the batch goes on. */
class UnsupportedFormatsIT {

    @Test
    void the_shipped_classpath_carries_no_unrar_code() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.github.junrar.Archive"));
    }

    @Test
    void a_rar_file_fails_as_an_unsupported_format_and_the_batch_goes_on(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        Files.write(in.resolve("cong-van.rar"), rar4());
        Files.write(in.resolve("ke-hoach.rar"), rar5());
        Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                    new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none()).run(List.of(in), o -> { });
            assertEquals(3, report.seen(), report.outcomes().toString());
            for (IngestOutcome o : report.outcomes()) {
                if (o.path().endsWith(".rar")) {
                    assertEquals(IngestStatus.FAILED, o.status(), o.toString());
                    assertTrue(o.reason().toLowerCase(Locale.ROOT).startsWith("định dạng không hỗ trợ (rar)"), o.reason());
                } else {
                    assertEquals(IngestStatus.IMPORTED, o.status(), o.toString());
                }
            }
        }
    }

    /** A RAR 4 archive's marker block and main header, as WinRAR writes them (CRCs not checked by detection). */
    private static byte[] rar4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Rar!".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x1A, 0x07, 0x00});
        // main archive header: CRC, type 0x73, flags, size 13, two reserved fields
        out.writeBytes(new byte[] {(byte) 0xCF, (byte) 0x90, 0x73, 0x00, 0x00, 0x0D, 0x00, 0, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    /** A RAR 5 archive's signature followed by the start of its main header. */
    private static byte[] rar5() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Rar!".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0x1A, 0x07, 0x01, 0x00});
        out.writeBytes(new byte[] {0x33, (byte) 0x92, (byte) 0xB5, (byte) 0xE5, 0x0A, 0x01, 0x05, 0x06, 0x00, 0x05, 0x01,
                0x01, (byte) 0x80, (byte) 0x80, 0x00});
        return out.toByteArray();
    }
}
