package vn.archive.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VietnameseTokenFilterTest {
    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(t.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void a_word_seen_again_in_the_same_or_a_later_text_is_rewritten_the_same_way() throws IOException {
        try (Analyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
             Analyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED)) {
            String text = "Thuỷ THỦY thủy Hoà hòa Đảng đảng";
            for (int round = 0; round < 2; round++) {
                assertEquals(List.of("thủy", "thủy", "thủy", "hòa", "hòa", "đảng", "đảng"), terms(exact, text));
                assertEquals(List.of("thuy", "thuy", "thuy", "hoa", "hoa", "dang", "dang"), terms(folded, text));
            }
            assertEquals(List.of("bán", "bạn", "ban"), terms(exact, "bán bạn ban"));
            assertEquals(List.of("ban", "ban", "ban"), terms(folded, "bán bạn ban"));
        }
    }
}
