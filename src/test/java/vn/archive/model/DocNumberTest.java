package vn.archive.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocNumberTest {
    @ParameterizedTest
    @ValueSource(strings = {"374-CV/HU", "374/CV-HU", "374 CV HU", "cv 374 hu", "374-cv/hu", "374 - CV/HU"})
    void every_common_spelling_of_374_CV_HU_has_one_key(String spelling) {
        assertEquals("374/CV-HU", DocNumber.parse(spelling).orElseThrow().key());
    }

    @ParameterizedTest
    @CsvSource({"30/2020/NĐ-CP,30/2020/ND-CP", "30/2020/ND-CP,30/2020/ND-CP", "NQ 25 TW,25/NQ-TW",
            "01/2019/NQ-HĐTP,1/2019/NQ-HDTP", "134-CV/ThU,134/CV-THU", "2739/VPCP-ĐMDN,2739/VPCP-DMDN"})
    void keys_fold_diacritics_case_and_leading_zeros(String spelling, String key) {
        assertEquals(key, DocNumber.parse(spelling).orElseThrow().key());
    }

    @ParameterizedTest
    @CsvSource({"374 - CV/HU,374-CV/HU", "30/2020/NĐ-CP,30/2020/NĐ-CP", "2739/VPCP-ĐMDN,2739/VPCP-ĐMDN",
            "61-CP,61-CP", "24-L/CTN,24-L/CTN", "299/TTg,299/TTg"})
    void numbers_print_in_the_style_they_were_written(String written, String formatted) {
        assertEquals(formatted, DocNumber.find("Số " + written).orElseThrow().format());
    }

    @Test
    void spellings_of_one_number_are_equal() {
        assertEquals(DocNumber.parse("374-CV/HU").orElseThrow(), DocNumber.parse("cv 374 hu").orElseThrow());
    }

    @Test
    void plain_words_and_bare_numbers_are_not_numbers() {
        assertTrue(DocNumber.parse("dân vận khéo").isEmpty());
        assertTrue(DocNumber.parse("2020").isEmpty());
        assertTrue(DocNumber.parse("").isEmpty());
    }

    @Test
    void a_joint_symbol_keeps_the_slashes_it_was_written_with() {
        assertEquals("01/QCPH/UBND-UBMTTQ", DocNumber.find("Quy chế phối hợp số 01/QCPH/UBND-UBMTTQ").orElseThrow().format());
        assertEquals("183/2010/TTLT/BTC-BNN", DocNumber.find("số: 183/2010/TTLT/BTC-BNN,").orElseThrow().format());
    }

    @Test
    void a_number_glued_to_the_word_so_before_it_is_found() {
        assertEquals("31-QĐ/TW", DocNumber.find("theo Quy định số31-QĐ/TW của Bộ Chính trị").orElseThrow().format());
        assertTrue(DocNumber.find("ngày30-3-2013").isEmpty(), "a date glued to ngày is no number");
    }

    @Test
    void a_word_glued_after_the_symbol_is_not_part_of_it() {
        assertEquals("70-TB/TW", DocNumber.find("Thông báo 70-TB/TWngày 5/3/2020").orElseThrow().format());
        assertEquals("19/CT-TTg", DocNumber.find("Chỉ thị 19/CT-TTgvề tăng cường").orElseThrow().format());
    }

    @Test
    void a_symbol_in_capitals_is_the_same_number_as_its_proper_spelling() {
        assertEquals(DocNumber.find("34/2014/QĐ-TTG").orElseThrow(), DocNumber.find("34/2014/QĐ-TTg").orElseThrow());
    }

    @Test
    void a_full_stop_between_two_capital_symbol_parts_joins_them_as_a_dash_would() {
        DocNumber dotted = DocNumber.find("và thay thế Quyết định số 01/1999/QĐ.UB ngày 15/01/1999 của Ủy ban").orElseThrow();
        assertEquals(DocNumber.find("01/1999/QĐ-UB").orElseThrow().key(), dotted.key());
        assertEquals(java.util.List.of("QĐ", "UB"), dotted.parts());
        assertEquals("15/CT-UBND", DocNumber.find("Chỉ thị số 15/CT-UBND.Trong năm qua").orElseThrow().format(),
                "a sentence glued after the number is not a symbol part");
    }

    @Test
    void a_number_that_lost_its_dash_after_the_word_so_is_still_found_whole() {
        DocNumber n = DocNumber.find("ban hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban").orElseThrow();
        assertEquals("84-QĐ/TWĐTN", n.format());
        assertTrue(DocNumber.find("theo Điều 5 QĐ/TW và năm 2013 UBND/HU").isEmpty(), "without 'số' a space is no dash");
    }

    @Test
    void an_ampersand_between_capitals_stays_inside_its_symbol_part() {
        DocNumber n = DocNumber.find("Tờ trình số 473/TTr -\nNN&PTNT ngày 21/5/2007").orElseThrow();
        assertEquals(java.util.List.of("TTr", "NN&PTNT"), n.parts());
        assertEquals("30/SNN", DocNumber.find("số 30/SNN & PTNT ngày").orElseThrow().format(),
                "an ampersand between spaces joins no symbol");
    }

    @Test
    void symbol_parts_fold_to_capitals_without_marks_the_same_the_first_time_and_after() {
        for (int round = 0; round < 2; round++) {
            assertEquals("QD", DocNumber.fold("QĐ"));
            assertEquals("QD", DocNumber.fold("qđ"));
            assertEquals("UBND", DocNumber.fold("ubnd"));
            assertEquals("BCD", DocNumber.fold("BCĐ"));
            assertEquals("UY", DocNumber.fold("Ủy"));
            assertEquals("KHUBND", DocNumber.fold("KHUBND"));
        }
        assertEquals(DocNumber.parse("1/QĐ-UBND").orElseThrow().key(), DocNumber.parse("01/qđ-ubnd").orElseThrow().key());
    }
}
