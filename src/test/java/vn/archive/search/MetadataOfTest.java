package vn.archive.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Withdrawal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metadata of many documents read together (what the overdue view reads of every document past its deadline):
 * for every clearance, exactly what each document read by id gives, renditions merged, hidden ones left out.
 */
class MetadataOfTest {
    private static final LocalDate DAY = LocalDate.of(2021, 3, 15);
    private static final String TYPED = "a1b2c3d4e5f60718";
    private static final String SCAN = "b2c3d4e5f6071829";
    private static final String SECRET = "c3d4e5f60718293a";
    private static final String WITHDRAWN = "d4e5f60718293a4b";

    private static DocumentMetadata.Builder plan(String number) {
        return DocumentMetadata.builder().kind("Kế hoạch").number(number).date(DAY).issuer("Ban Thường vụ Tỉnh ủy Lâm Đồng")
                .level("tỉnh").deadlines(List.of(DAY.plusDays(30)));
    }

    private static ArchivedDocument doc(String id, DocumentMetadata m, boolean ocr, String text, String... notes) {
        return RenditionLinksIT.doc(id, m, ocr, text, notes);
    }

    @Test
    void metadata_read_together_is_each_documents_read_by_id_for_every_clearance() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(new ByteBuffersDirectory())) {
            String body = "Các huyện ủy, thành ủy xây dựng kế hoạch, báo cáo kết quả trước ngày 14/4/2021.";
            // the typed copy lost its Kính gửi line; the scan kept it: the directive's merged metadata has it
            index.upsert(doc(TYPED, plan("12-KH/TU").build(), false, body, ArchivedDocument.sameDirectiveNote(SCAN)));
            index.upsert(doc(SCAN, plan("12-KH/TU").recipients(List.of("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy"))
                    .build(), true, body, ArchivedDocument.sameDirectiveNote(TYPED)));
            index.upsert(doc(SECRET, plan("13-KH/TU").classification("Mật").build(), false, body));
            index.upsert(doc(WITHDRAWN, plan("14-KH/TU").withdrawn(new Withdrawal("nhập nhầm", "luutru",
                    Instant.parse("2026-01-02T00:00:00Z"))).build(), false, body));
            index.commit();
            LuceneSearchService all = new LuceneSearchService(index);
            List<String> ids = List.of(TYPED, SCAN, SECRET, WITHDRAWN, "unknown");
            for (Clearance c : Clearance.values()) {
                SearchService view = all.restrictedTo(c);
                Map<String, DocumentMetadata> byId = new HashMap<>();
                for (String id : ids) {
                    view.document(id).ifPresent(d -> byId.put(id, d.metadata()));
                }
                assertEquals(byId, view.metadataOf(ids), c.name());
            }
            Map<String, DocumentMetadata> open = all.restrictedTo(Clearance.NONE).metadataOf(ids);
            assertEquals(List.of("Các huyện ủy, thành ủy trực thuộc Tỉnh ủy"), open.get(TYPED).recipients(),
                    "the typed copy read with its directive's merged metadata");
            assertEquals(2, open.size(), "neither the secret nor the withdrawn plan: " + open.keySet());
            assertEquals(3, all.metadataOf(ids).size(), "the highest clearance sees the secret plan, not the withdrawn one");
        }
    }
}
