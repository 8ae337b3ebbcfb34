package vn.archive.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VietnameseNormalizerTest {
    @ParameterizedTest
    @CsvSource({"hoà,hòa", "Hòa,hòa", "thuỷ,thủy", "Thủy,thủy", "khoẻ,khỏe", "HOÀNG,hoàng", "thuyền,thuyền",
            "người,người", "quý,quí", "giữa,giữa", "của,của", "mía,mía", "ủy,ủy", "uỷ,ủy", "Quốc,quốc"})
    void tone_marks_take_one_canonical_place(String word, String canonical) {
        assertEquals(canonical, VietnameseNormalizer.canonicalWord(word));
    }

    @Test
    void decomposed_input_is_composed() {
        String decomposed = Normalizer.normalize("Dân vận khéo", Normalizer.Form.NFD);
        assertEquals("Dân vận khéo", VietnameseNormalizer.clean(decomposed));
    }

    @Test
    void odd_spaces_become_plain_and_invisible_characters_vanish() {
        assertEquals("Số 374 CV", VietnameseNormalizer.clean("Số\u00A0374\u200B\u3000CV\u00AD"));
    }

    @Test
    void folding_removes_diacritics_and_maps_d_stroke() {
        assertEquals("dang uy dan van kheo", VietnameseNormalizer.fold("Đảng ủy Dân vận khéo"));
    }

    @Test
    void case_rules_do_not_depend_on_the_default_locale() {
        Locale saved = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.forLanguageTag("tr"), Locale.forLanguageTag("vi"), Locale.ROOT}) {
                Locale.setDefault(l);
                assertEquals("ban chỉ đạo", String.join(" ", VietnameseNormalizer.canonicalWord("BAN"),
                        VietnameseNormalizer.canonicalWord("CHỈ"), VietnameseNormalizer.canonicalWord("ĐẠO")));
                assertEquals("i", VietnameseNormalizer.fold("I"));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void diacritics_are_detected() {
        assertTrue(VietnameseNormalizer.hasDiacritics("khéo"));
        assertFalse(VietnameseNormalizer.hasDiacritics("kheo"));
    }

    @ParameterizedTest
    @CsvSource({"kĩ,kỹ", "kĩ thuật,kỹ thuật", "lí do,lý do", "quí,quý", "Quí,QUÝ", "qui định,quy định", "mĩ,mỹ",
            "công ti,công ty", "hi sinh,hy sinh", "kì họp,kỳ họp", "kỉ luật,kỷ luật", "bác sĩ,bác sỹ", "lí luận,lý luận",
            "kí hiệu,ký hiệu", "Kĩ Thuật,KỸ THUẬT", "lí lịch,lý lịch", "kí tên,ký tên", "mĩ thuật,mỹ thuật", "tỉ lệ,tỷ lệ",
            "ti lệ,ty lệ", "sĩ quan,sỹ quan"})
    void i_and_y_spellings_of_one_syllable_are_one_term(String iSpelling, String ySpelling) {
        MultiLocale.run(() -> assertEquals(words(iSpelling), words(ySpelling), iSpelling + " / " + ySpelling));
    }

    @ParameterizedTest
    @CsvSource({"y,i", "ý,í", "thủy,thủi", "tuy,tui", "quyết,quiết", "yêu,iêu", "huy,hui", "khuya,khuia",
            "quyền,quiền", "duy,dui", "suy,sui", "uy,ui", "thúy,thúi", "lũy,lũi"})
    void y_that_is_not_a_lone_rhyme_stays_apart_from_i(String withY, String withI) {
        MultiLocale.run(() -> {
            assertNotEquals(VietnameseNormalizer.canonicalWord(withY), VietnameseNormalizer.canonicalWord(withI));
            assertNotEquals(VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(withY)),
                    VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord(withI)));
        });
    }

    @ParameterizedTest
    @CsvSource({"bán,bạn", "bán,ban", "bạn,ban", "kỹ,ký", "lý,lỹ", "quý,quỳ", "Mỹ,mì"})
    void i_y_unification_keeps_tones_apart(String a, String b) {
        assertNotEquals(VietnameseNormalizer.canonicalWord(a), VietnameseNormalizer.canonicalWord(b));
    }

    @ParameterizedTest
    @CsvSource({"kỹ,kĩ", "quý,quí", "lý,lí", "thủy,thủy", "hoà,hòa", "Thuỷ,thủy", "y,y", "ý,ý", "quyết,quyết",
            "tuyển,tuyển", "QUỸ,quĩ", "Kỹ,kĩ"})
    void the_canonical_form_is_stable(String word, String canonical) {
        MultiLocale.run(() -> assertEquals(canonical, VietnameseNormalizer.canonicalWord(word)));
    }

    @Test
    void eth_and_smart_quotes_and_dashes_compare_as_their_plain_forms() {
        assertEquals("102/2017/NĐ-CP", VietnameseNormalizer.unifyLookalikes("102/2017/NÐ-CP"));
        assertEquals("\"Dân vận khéo\" - 'x'", VietnameseNormalizer.unifyLookalikes("“Dân vận khéo” – ‘x’"));
        assertEquals("374-CV/HU", VietnameseNormalizer.unifyLookalikes("374\u2011CV/HU"));
        assertEquals("nđ", VietnameseNormalizer.canonicalWord("NÐ"));
    }

    @Test
    void cyrillic_look_alikes_inside_latin_words_become_latin_but_russian_words_stay() {
        MultiLocale.run(() -> {
            assertEquals("hòa", VietnameseNormalizer.canonicalWord("Hòа"));
            assertEquals("cộng", VietnameseNormalizer.canonicalWord("Сộng"));
            assertEquals("dan", VietnameseNormalizer.fold(VietnameseNormalizer.canonicalWord("Dаn")));
            assertEquals("москва", VietnameseNormalizer.canonicalWord("Москва"));
        });
    }

    @Test
    void case_folding_of_capital_i_is_locale_proof_in_every_level() {
        MultiLocale.run(() -> {
            assertEquals("kĩ thuật", words("KỸ THUẬT"));
            assertEquals("chỉ thị", words("CHỈ THỊ"));
            assertEquals("chi thi", VietnameseNormalizer.fold("CHỈ THỊ"));
            assertEquals("quí", VietnameseNormalizer.canonicalWord("QUÍ"));
        });
    }

    private static String words(String text) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.split(" ")) {
            sb.append(sb.isEmpty() ? "" : " ").append(VietnameseNormalizer.canonicalWord(w));
        }
        return sb.toString();
    }
}
