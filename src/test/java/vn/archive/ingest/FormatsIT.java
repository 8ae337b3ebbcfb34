package vn.archive.ingest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocumentMetadata;
import vn.archive.render.DocumentRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every format the archive promises to read goes through Tika and comes out as the seed's text with its header
 * fields: the Triệu Phong letter 374-CV/HU, rendered in code as TXT (UTF-8, UTF-16 LE and BE), HTML, RTF, ODT,
 * DOCX, PDF and (through LibreOffice) DOC.
 */
class FormatsIT {
    private static final String LETTER = TestCorpus.read(TestCorpus.TRIEU_PHONG);
    private static final TikaExtractor TIKA = new TikaExtractor();
    private static final MetadataExtractor META = new MetadataExtractor(Dictionaries.builtIn());

    @TempDir
    static Path temp;

    /** One rendition: a file name and how to make its bytes. */
    record Rendition(String fileName, Maker maker) {
        @Override
        public String toString() {
            return fileName;
        }
    }

    /** Makes a rendition's bytes. */
    interface Maker {
        byte[] make() throws Exception;
    }

    static List<Rendition> renditions() {
        return List.of(
                new Rendition("374.txt", () -> LETTER.getBytes(StandardCharsets.UTF_8)),
                new Rendition("374-utf16le.txt", () -> withBom(LETTER, StandardCharsets.UTF_16LE, 0xFF, 0xFE)),
                new Rendition("374-utf16be.txt", () -> withBom(LETTER, StandardCharsets.UTF_16BE, 0xFE, 0xFF)),
                new Rendition("374.html", () -> html(LETTER)),
                new Rendition("374.rtf", () -> rtf(LETTER)),
                new Rendition("374.odt", () -> odt(LETTER)),
                new Rendition("374.docx", () -> DocumentRenderer.docx(LETTER)),
                new Rendition("374.pdf", () -> DocumentRenderer.withSystemFont().pdf(LETTER)),
                new Rendition("374.doc", FormatsIT::doc));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renditions")
    void every_format_reads_as_the_letter_with_its_header_fields(Rendition r) throws Exception {
        byte[] bytes = r.maker().make();
        Extraction e = TIKA.extract(new SourceFile(r.fileName(), r.fileName(), bytes));
        assertTrue(e.text().contains("Kính gửi"), r + ": " + e.text());
        assertTrue(e.text().contains("phong trào thi đua “Dân vận khéo”"), r + " keeps Vietnamese letters");
        assertTrue(e.text().contains("Phan Văn Linh"), r + " reads to the end");
        assertFalse(e.text().contains("không phải nội dung"), r + ": scripts are not text");
        DocumentMetadata m = META.extract(e.text());
        assertEquals("374-CV/HU", m.number(), r.fileName());
        assertEquals(LocalDate.of(2019, 7, 30), m.date(), r.fileName());
        assertEquals("Triệu Phong", m.place(), r.fileName());
        assertEquals("Công văn", m.kind(), r.fileName());
    }

    private static byte[] withBom(String text, java.nio.charset.Charset cs, int b0, int b1) {
        byte[] body = text.getBytes(cs);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) b0;
        out[1] = (byte) b1;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    private static byte[] html(String text) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<title>Công văn</title><script>document.write('không phải nội dung')</script></head><body>\n");
        for (String line : text.split("\n")) {
            sb.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RTF with every non-ASCII character as a \\uN? escape, as word processors write Vietnamese. */
    private static byte[] rtf(String text) {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs26\n");
        for (String line : text.split("\n")) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' || c == '{' || c == '}') {
                    sb.append('\\').append(c);
                } else if (c < 128) {
                    sb.append(c);
                } else {
                    sb.append("\\u").append((int) (short) c).append('?');
                }
            }
            sb.append("\\par\n");
        }
        return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A minimal OpenDocument text: the mimetype entry stored first, a manifest, and one paragraph a line. */
    private static byte[] odt(String text) throws IOException {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>");
        for (String line : text.split("\n")) {
            content.append("<text:p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</text:p>");
        }
        content.append("</office:text></office:body></office:document-content>");
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mime = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mime);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Word 97 binary, converted from the DOCX rendition by LibreOffice (Debian's libreoffice-writer-nogui). */
    private static byte[] doc() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        Assumptions.assumeTrue(Files.isExecutable(soffice),
                "LibreOffice (/usr/bin/soffice) is not installed: the DOC rendition cannot be made here; .ci/run installs it");
        Path dir = Files.createDirectories(temp.resolve("doc"));
        Path docx = dir.resolve("374.docx");
        Files.write(docx, DocumentRenderer.docx(LETTER));
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + dir.resolve("profile"), "--convert-to", "doc", "--outdir",
                dir.toString(), docx.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "LibreOffice converts within 3 minutes");
        return Files.readAllBytes(dir.resolve("374.doc"));
    }
}
