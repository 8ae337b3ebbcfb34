package vn.archive.search;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.storage.ContentStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A query that is a number goes to its term: the document bearing it first, then those writing it, however spaced;
 * not every text that holds its pieces apart ("1", "CV", "TU" occur in most texts of a large archive).
 */
class NumberLookupTest {
    private LuceneIndex index;
    private LuceneSearchService search;

    @BeforeEach
    void index() throws Exception {
        index = LuceneIndex.open(new ByteBuffersDirectory());
        add("bearer", "12-CV/TU", "Công văn về công tác dân vận năm 2019 của Tỉnh ủy Lâm Đồng.");
        add("citer", "30-KH/HU", "Thực hiện Công văn số 12-CV/TU ngày 02/3/2019 của Ban Thường vụ Tỉnh ủy, Huyện ủy xây dựng kế hoạch.");
        add("spaced", "31-KH/HU", "Căn cứ Công văn số 12 - CV/TU của Tỉnh ủy, Huyện ủy Đơn Dương xây dựng kế hoạch.");
        add("apart", "40-CV/HU", "Công văn gửi 12 xã; Tỉnh ủy (TU) đã chỉ đạo, CV này nhắc lại.");
        index.commit();
        search = new LuceneSearchService(index);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private void add(String name, String number, String text) throws Exception {
        String sha = ContentStore.sha256((name + text).getBytes(StandardCharsets.UTF_8));
        DocumentMetadata m = DocumentMetadata.builder().kind(number.contains("KH") ? "Kế hoạch" : "Công văn").number(number)
                .date(LocalDate.of(2019, 3, 10)).title(name).issuer("Ban Thường vụ Huyện ủy Đơn Dương").level("huyện").build();
        index.upsert(new ArchivedDocument(name, m,
                new SourceInfo(name + ".txt", sha, "text/plain", false, text.length(), List.of(name + ".txt")), text, List.of()));
    }

    private List<String> ids(String q) throws Exception {
        return search.search(new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20)).hits()
                .stream().map(SearchHit::id).toList();
    }

    @Test
    void a_number_finds_its_document_first_then_the_texts_writing_it_and_not_its_pieces_apart() throws Exception {
        for (String q : List.of("12-CV/TU", "12/CV-TU", "12 - CV/TU")) {
            List<String> found = ids(q);
            assertEquals("bearer", found.get(0), q + " → " + found);
            assertEquals(java.util.Set.of("bearer", "citer", "spaced"), java.util.Set.copyOf(found), q + " → " + found);
            assertEquals(3, search.search(new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20))
                    .total(), q + ": the total counts what is shown");
        }
        // words with a number among them are still words: the pieces may stand apart
        assertEquals(true, ids("công văn 12 tỉnh ủy").contains("apart"));
    }
}
