package vn.archive.text;

import org.junit.jupiter.api.Test;
import vn.archive.TestCorpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphTextTest {
    @Test
    void a_letter_tells_its_place_the_bodies_it_addresses_and_its_yearly_deadline() {
        GraphText t = GraphText.of("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐƠN DƯƠNG\nĐề nghị các huyện ủy, thành ủy và UBND các huyện,"
                + " thị xã, thành phố báo cáo kết quả về Ban Thường vụ trước ngày 30/11 hằng năm; gửi báo cáo chậm nhất"
                + " ngày 31/02 mỗi năm.");
        assertEquals(new Locality("LAM DONG", "DON DUONG"), t.place());
        assertEquals(List.of("các huyện ủy, thành ủy", "UBND các huyện, thị xã, thành phố"), t.addressed());
        assertEquals(List.of(new GraphText.DayMonth(30, 11), new GraphText.DayMonth(31, 2)), t.yearly(),
                "an impossible day is kept as written: the reader of the deadline rejects it");
    }

    @Test
    void a_text_in_capitals_is_read_as_one_in_lower_case() {
        GraphText t = GraphText.of("ĐỀ NGHỊ CÁC HUYỆN ỦY, THÀNH ỦY BÁO CÁO KẾT QUẢ TRƯỚC NGÀY 15/12 HẰNG NĂM.\n"
                + "Ủy ban nhân dân các huyện, thành phố Gửi Báo Cáo Chậm Nhất Là Vào Ngày 5 / 6 Hàng Năm.");
        assertEquals(List.of("CÁC HUYỆN ỦY, THÀNH ỦY", "Ủy ban nhân dân các huyện, thành phố"), t.addressed());
        assertEquals(List.of(new GraphText.DayMonth(15, 12), new GraphText.DayMonth(5, 6)), t.yearly());
        assertEquals(List.of(), GraphText.of("Báo cáo trước ngày 30/11 năm 2024. Các huyện báo cáo.").yearly(),
                "a deadline of one year does not recur");
    }

    @Test
    void what_is_read_from_each_corpus_text_survives_its_index_column_and_names_the_texts_locality() throws IOException {
        int placed = 0;
        int read = 0;
        try (Stream<Path> files = Files.walk(TestCorpus.ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String text = TestCorpus.read(f);
                GraphText t = GraphText.of(text);
                assertEquals(Optional.of(t), GraphText.decode(t.encode()), f.toString());
                assertEquals(Locality.ofText(text), t.place(), f.toString());
                placed += t.place().province() != null ? 1 : 0;
                read++;
            }
        }
        assertTrue(read > 50 && placed > 3, read + " texts, " + placed + " with a province");
        assertEquals(Optional.of(GraphText.NONE), GraphText.decode(GraphText.of(null).encode()));
        assertEquals(Optional.empty(), GraphText.decode("not a column value"));
    }
}
