package vn.archive.config;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    @Test
    void dates_are_written_as_iso_text_and_read_back() throws Exception {
        assertEquals("\"2024-03-05\"", Json.MAPPER.writeValueAsString(LocalDate.of(2024, 3, 5)));
        assertEquals("\"2024-03-05T01:02:03Z\"", Json.MAPPER.writeValueAsString(Instant.parse("2024-03-05T01:02:03Z")));
        assertEquals(LocalDate.of(2024, 3, 5), Json.MAPPER.readValue("\"2024-03-05\"", LocalDate.class));
    }

    @Test
    void an_outcome_round_trips_and_an_unknown_property_is_refused() throws Exception {
        IngestOutcome o = new IngestOutcome("in/a.pdf", IngestStatus.FAILED, "hỏng", null, "ab", 2, null, 7,
                FailureKind.UNPARSABLE);
        String json = Json.MAPPER.writeValueAsString(o);
        assertEquals(o, Json.MAPPER.readValue(json, IngestOutcome.class));
        String extra = json.replaceFirst("\\{", "{\"surprise\":1,");
        assertThrows(UnrecognizedPropertyException.class, () -> Json.MAPPER.readValue(extra, IngestOutcome.class));
    }
}
