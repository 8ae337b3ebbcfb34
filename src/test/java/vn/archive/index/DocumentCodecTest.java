package vn.archive.index;

import org.junit.jupiter.api.Test;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentCodecTest {
    private static ArchivedDocument lawCitingTwo() {
        DocumentMetadata m = DocumentMetadata.builder().kind("Luật").number("31/2024/QH15")
                .date(LocalDate.of(2024, 1, 18)).issuer("Quốc hội").level("trung ương").sector("state")
                .title("Luật Đất đai").place("Hà Nội").deadlines(List.of(LocalDate.of(2025, 1, 1)))
                .references(List.of(
                        new Reference("Luật", "45/2013/QH13", LocalDate.of(2013, 11, 29), "Quốc hội", Relation.REPLACES,
                                "Luật Đất đai số 45/2013/QH13", 10, 38),
                        new Reference("Nghị quyết", "18-NQ/TW", null, null, Relation.MENTIONS, "Nghị quyết số 18-NQ/TW",
                                50, 72)))
                .build();
        return new ArchivedDocument("law", m, new SourceInfo("law.txt", "a".repeat(64), "text/plain", false, 10,
                List.of()), "", List.of("Bản khác: other"));
    }

    @Test
    void a_hit_reads_everything_but_the_references() {
        ArchivedDocument law = lawCitingTwo();
        String json = DocumentCodec.encode(law);
        ArchivedDocument full = DocumentCodec.decode(json, "");
        ArchivedDocument shown = DocumentCodec.decodeWithoutReferences(json, "");
        assertEquals(2, full.metadata().references().size());
        assertTrue(shown.metadata().references().isEmpty());
        assertEquals(new ArchivedDocument(full.id(), full.metadata().toBuilder().references(List.of()).build(),
                full.source(), full.text(), full.notes()), shown);
    }

    @Test
    void a_document_read_from_its_utf8_bytes_inside_a_larger_buffer_is_the_one_read_from_its_string() {
        ArchivedDocument law = lawCitingTwo();
        String json = DocumentCodec.encode(law);
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a doc value's bytes sit at an offset in a block shared with its neighbours
        byte[] block = new byte[utf8.length + 7];
        java.util.Arrays.fill(block, (byte) '{');
        System.arraycopy(utf8, 0, block, 3, utf8.length);
        ArchivedDocument fromBytes = DocumentCodec.decode(block, 3, utf8.length, "văn bản");
        assertEquals(DocumentCodec.decode(json, "văn bản"), fromBytes);
        assertEquals("Luật Đất đai", fromBytes.metadata().title());
        assertEquals(law.metadata(), fromBytes.metadata());
    }
}
