package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocNumber;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cited numbers in facets and chips are written in their issuer's own form. */
class NumberDisplayTest {
    @Test
    void party_numbers_are_written_the_partys_way() {
        assertEquals("25-NQ/TW", NumberDisplay.of("25/NQ-TW"));
        assertEquals("352-CV/TU", NumberDisplay.of("352/CV-TU"));
        assertEquals("134-CV/ThU", NumberDisplay.of("134/CV-THU"));
        assertEquals("75-KH/BDVTU", NumberDisplay.of("75/KH-BDVTU"));
    }

    @Test
    void party_numbers_read_back_from_the_archives_own_keys() {
        for (String written : new String[] {"25-NQ/TW", "352-CV/TU", "13-NQ/HU", "05-CT/TW"}) {
            String key = DocNumber.parse(written).orElseThrow().key();
            assertEquals(DocNumber.parse(written).orElseThrow(), DocNumber.parse(NumberDisplay.of(key)).orElseThrow());
            assertEquals(written.replaceFirst("^0", ""), NumberDisplay.of(key).replaceFirst("^0", ""));
        }
    }

    @Test
    void state_numbers_keep_their_form_with_the_folded_d_restored() {
        assertEquals("8/2015/NĐ-CP", NumberDisplay.of("8/2015/ND-CP"));
        assertEquals("104/NQ-CP", NumberDisplay.of("104/NQ-CP"));
        assertEquals("31/2024/QH15", NumberDisplay.of("31/2024/QH15"));
        assertEquals("2739/VPCP-ĐMDN", NumberDisplay.of("2739/VPCP-DMDN"));
    }
}
