package vn.archive.index;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentMapperNumberKeysTest {
    @Test
    void a_party_resolution_is_filed_under_its_number_and_under_kind_and_serial() {
        assertEquals(Set.of("25/NQ-TW", "25/NQ"), DocumentMapper.numberKeys(meta("Nghị quyết", "25-NQ/TW")));
    }

    @Test
    void a_decree_is_filed_with_and_without_its_year() {
        assertEquals(Set.of("30/2020/ND-CP", "30/ND", "30/2020/ND"),
                DocumentMapper.numberKeys(meta("Nghị định", "30/2020/NĐ-CP")));
    }

    @Test
    void a_letter_whose_symbol_has_no_kind_code_is_filed_under_its_kind() {
        assertEquals(Set.of("2739/VPCP-DMDN", "2739/CV"),
                DocumentMapper.numberKeys(meta("Công văn", "2739/VPCP-ĐMDN")));
    }

    @Test
    void a_document_without_number_has_no_key() {
        assertEquals(Set.of(), DocumentMapper.numberKeys(meta("Kế hoạch", null)));
    }

    private static DocumentMetadata meta(String kind, String number) {
        return DocumentMetadata.builder().kind(kind).number(number).build();
    }
}
