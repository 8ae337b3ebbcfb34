package vn.archive.curation;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Signer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrectableFieldTest {
    private static final DocumentMetadata EXTRACTED = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
            .date(LocalDate.of(2019, 7, 30)).signer(new Signer("Phan Văn Linh", "Phó Bí thư", "T/M Ban Thường vụ"))
            .deadlines(List.of(LocalDate.of(2020, 7, 1))).build();

    @Test
    void corrections_replay_oldest_first_so_the_last_one_wins() {
        List<Correction> trail = List.of(
                new Correction("id", "issuer", null, "Huyện ủy Triệu Phong", "Lan", Instant.EPOCH),
                new Correction("id", "issuer", "Huyện ủy Triệu Phong", "Ban Thường vụ Huyện ủy Triệu Phong", "Minh",
                        Instant.EPOCH.plusSeconds(60)));
        assertEquals("Ban Thường vụ Huyện ủy Triệu Phong", Corrections.replay(EXTRACTED, trail).issuer());
    }

    @Test
    void an_empty_value_clears_a_field() {
        DocumentMetadata m = CorrectableField.of("number").apply(EXTRACTED, CorrectableField.of("number").validate("  "));
        assertNull(m.number());
    }

    @Test
    void a_signer_part_is_corrected_without_touching_the_others() {
        DocumentMetadata m = CorrectableField.SIGNER_POSITION.apply(EXTRACTED, "Bí thư");
        assertEquals(new Signer("Phan Văn Linh", "Bí thư", "T/M Ban Thường vụ"), m.signer());
    }

    @Test
    void vietnamese_dates_are_stored_as_iso_and_impossible_ones_refused() {
        assertEquals("2020-07-01\n2020-12-31", CorrectableField.DEADLINES.validate("01/7/2020\n2020-12-31"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CorrectableField.DATE.validate("31/2/2020"));
        assertTrue(e.getMessage().contains("Ngày không hợp lệ"));
    }

    @Test
    void an_unknown_field_or_level_says_what_is_allowed() {
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class, () -> CorrectableField.of("colour"));
        assertTrue(field.getMessage().contains("signer.name"), field.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> CorrectableField.LEVEL.validate("quận"));
        assertTrue(level.getMessage().contains("trung ương, tỉnh, huyện, xã"), level.getMessage());
    }
}
