package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TrackerDeadlineTest {
    private static DocumentMetadata dated(LocalDate date, LocalDate... deadlines) {
        return DocumentMetadata.builder().date(date).deadlines(List.of(deadlines)).build();
    }

    @Test
    void the_deadline_is_the_earliest_one_not_before_the_directive() {
        assertEquals(LocalDate.of(2020, 6, 30), Tracker.deadline(dated(LocalDate.of(2020, 3, 2),
                LocalDate.of(2019, 12, 31), LocalDate.of(2020, 9, 30), LocalDate.of(2020, 6, 30)), ""));
        assertNull(Tracker.deadline(dated(LocalDate.of(2020, 3, 2)), "Các cấp ủy tiếp tục đẩy mạnh phong trào."));
    }

    @Test
    void a_yearly_deadline_counts_as_its_next_occurrence_after_the_directives_date() {
        String text = "Các huyện ủy, thành ủy báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 30/11 hằng năm.";
        assertEquals(LocalDate.of(2021, 11, 30), Tracker.deadline(dated(LocalDate.of(2021, 4, 13)), text));
        assertEquals(LocalDate.of(2022, 11, 30), Tracker.deadline(dated(LocalDate.of(2021, 12, 5)), text),
                "issued after this year's day: next year's");
        assertEquals(LocalDate.of(2021, 6, 1), Tracker.deadline(dated(LocalDate.of(2021, 4, 13), LocalDate.of(2021, 6, 1)),
                text), "a dated deadline before the yearly one comes first");
    }
}
