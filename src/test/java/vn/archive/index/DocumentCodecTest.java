package vn.archive.index;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;

import java.nio.charset.StandardCharsets;
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
    void the_json_read_from_its_utf8_bytes_is_the_document_read_from_its_string() {
        ArchivedDocument law = lawCitingTwo();
        String json = DocumentCodec.encode(law);
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        BytesRef column = new BytesRef(bytes, 2, json.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(DocumentCodec.decode(json, ""), DocumentCodec.decode(column, true));
        assertEquals(DocumentCodec.decodeWithoutReferences(json, ""), DocumentCodec.decode(column, false));
        assertEquals("Quốc hội", DocumentCodec.decode(column, false).metadata().issuer());
    }
}
