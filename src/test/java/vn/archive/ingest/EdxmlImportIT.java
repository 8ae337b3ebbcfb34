package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.render.DocumentRenderer;
import vn.archive.storage.ContentStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * edXML and eDoc messages through the import: each attachment is a document carrying the message's fields, linked
 * to its envelope like an e-mail's attachments; the envelope is searchable by its header; a broken message fails
 * with its reason and the rest of the batch goes on.
 */
class EdxmlImportIT {
    @Test
    void messages_of_both_variants_import_their_attachments_with_the_message_fields(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path data = tmp.resolve("data");
        String letter = TestCorpus.state("209.txt");
        Map<String, byte[]> vpcp = new LinkedHashMap<>();
        vpcp.put("2739-VPCP-DMDN.docx", DocumentRenderer.docx(letter));
        vpcp.put("2739-VPCP-DMDN.pdf", DocumentRenderer.withSystemFont().pdf(letter));
        Files.write(in.resolve("2739.edxml"), EdxmlFixtures.edxml(EdxmlFixtures.vpcp2739(), vpcp));
        Files.write(in.resolve("374-edoc.xml"), EdxmlFixtures.eDoc(EdxmlFixtures.trieuPhong374(),
                Map.of("374-CV-HU.pdf", DocumentRenderer.withSystemFont().pdf(ScanFixtures.printed(TestCorpus.TRIEU_PHONG)))));
        Files.write(in.resolve("broken.edxml"), "<edXML:edXML xmlns:edXML=\"x\"><oops>".getBytes(StandardCharsets.UTF_8));

        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"))) {
            IngestReport report = new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                    new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none()).run(List.of(in), o -> { });
            assertEquals(6, report.outcomes().size(), "three attachments, two envelopes, one broken message: "
                    + report.outcomes());
            IngestOutcome broken = outcome(report, "broken.edxml");
            assertEquals(IngestStatus.FAILED, broken.status());
            assertTrue(broken.reason().contains("Thông điệp edXML không đọc được"), broken.reason());

            ArchivedDocument envelope = doc(index, report, "2739.edxml");
            List<ArchivedDocument> attachments = List.of(doc(index, report, "2739.edxml!2739-VPCP-DMDN.docx"),
                    doc(index, report, "2739.edxml!2739-VPCP-DMDN.pdf"));
            for (ArchivedDocument a : attachments) {
                DocumentMetadata m = a.metadata();
                assertEquals("2739/VPCP-ĐMDN", m.number());
                assertEquals(LocalDate.of(2019, 4, 5), m.date());
                assertEquals("Văn phòng Chính phủ", m.issuer());
                assertEquals("Quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi", m.title(),
                        "the message's trích yếu, not the extracted V/v line");
                assertEquals("Mai Tiến Dũng", m.signer().name());
                assertEquals("Khẩn", m.urgency());
                assertEquals(LocalDate.of(2019, 4, 30), m.deadlines().get(0), "hạn xử lý, for tracking");
                assertEquals("Bộ Kế hoạch và Đầu tư", m.recipients().get(0).replaceAll("\\.$", ""),
                        "extraction's own Kính gửi stays");
                assertTrue(a.notes().contains("Tệp đính kèm của thông điệp edXML: " + envelope.id()), a.notes().toString());
                assertTrue(a.notes().contains("Hạn xử lý: 30/04/2019"));
                assertTrue(a.notes().contains("Loại chỉ đạo: Văn bản chỉ đạo"));
                assertTrue(envelope.notes().contains("Tệp đính kèm: " + a.id()), envelope.notes().toString());
            }
            assertNull(envelope.metadata().number(), "the number belongs to the attached document");
            assertEquals("Văn phòng Chính phủ", envelope.metadata().issuer());
            assertTrue(envelope.text().contains("Số, ký hiệu: 2739/VPCP-ĐMDN"), envelope.text());
            assertTrue(envelope.text().contains("Tệp đính kèm: 2739-VPCP-DMDN.docx; 2739-VPCP-DMDN.pdf"));

            ArchivedDocument party = doc(index, report, "374-edoc.xml!374-CV-HU.pdf");
            assertEquals("374-CV/HU", party.metadata().number());
            assertEquals(LocalDate.of(2019, 7, 30), party.metadata().date());
            assertEquals("Huyện ủy Triệu Phong", party.metadata().issuer());
            assertEquals("Hỏa tốc", party.metadata().urgency());
            assertEquals("Phan Văn Linh", party.metadata().signer().name());
            assertEquals(LocalDate.of(2019, 8, 15), party.metadata().deadlines().get(0));
            assertTrue(party.notes().contains(String.format(EdxmlMessage.SOURCE_NOTE, "eDoc")), party.notes().toString());
        }
    }

    private static IngestOutcome outcome(IngestReport report, String path) {
        return report.outcomes().stream().filter(o -> o.path().endsWith("/" + path)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + path + " in " + report.outcomes()));
    }

    private static ArchivedDocument doc(LuceneIndex index, IngestReport report, String path) throws Exception {
        IngestOutcome o = outcome(report, path);
        assertEquals(IngestStatus.IMPORTED, o.status(), path + ": " + o.reason());
        return index.get(o.documentId()).orElseThrow();
    }
}
