package vn.archive.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.archive.index.AnalyzerFactory;
import vn.archive.model.DocNumber;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryFactoryTest {
    private final QueryFactory queries = new QueryFactory(AnalyzerFactory.perField());

    @ParameterizedTest
    @CsvSource({"374-CV/HU,374/CV-HU", "374/CV-HU,374/CV-HU", "374 CV HU,374/CV-HU", "cv 374 hu,374/CV-HU",
            "374-cv/hu,374/CV-HU", "374–CV/HU,374/CV-HU", "NQ 25 TW,25/NQ-TW", "25-NQ/TW,25/NQ-TW",
            "nghị quyết 25,25/NQ", "Nghị quyết số 25,25/NQ", "nghi quyet 25,25/NQ", "NGHỊ QUYẾT 25,25/NQ",
            "nghị quyết số 25-NQ/TW,25/NQ-TW", "NQ 25,25/NQ", "nghị định 30/2020,30/2020/NĐ",
            "30/2020/ND-CP,30/2020/ND-CP", "30/2020/NĐ-CP,30/2020/ND-CP", "102/2017/NÐ-CP,102/2017/ND-CP",
            "công văn 374,374/CV", "cong van so 374,374/CV", "chỉ thị 05,5/CT", "quyết định 1234,1234/QĐ",
            "nghị quyết 25 tw,25/NQ-TW", "chỉ thị 06 tw,6/CT-TW", "kết luận 445 tu,445/KL-TU",
            "“374-CV/HU”,374/CV-HU"})
    void a_number_in_any_spelling_reads_as_one_key(String query, String key) {
        assertEquals(DocNumber.fold(key), queries.numberKey(query).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nghị quyết", "dân vận khéo", "chỉ thị về công tác dân vận", "2020"})
    void words_that_are_not_a_number_give_no_key(String query) {
        assertTrue(queries.numberKey(query).isEmpty(), query + " → " + queries.numberKey(query));
    }

    @org.junit.jupiter.api.Test
    void text_in_curly_or_straight_quotes_must_match_as_a_phrase() {
        for (String q : List.of("\u201cdân vận khéo\u201d", "\"dan van kheo\"")) {
            String query = queries.build(q).toString();
            assertTrue(query.contains("#(body:\"dan van kheo\""), q + " → " + query);
        }
        assertTrue(!queries.build("dân vận khéo").toString().contains("#("), "unquoted words are not a filter");
    }
}
