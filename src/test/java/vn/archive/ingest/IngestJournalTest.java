package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestJournalTest {
    private static IngestOutcome imported(String path) {
        return new IngestOutcome(path, IngestStatus.IMPORTED, null, "id-" + path, "sha", 1, null, 5);
    }

    @Test
    void only_outcomes_covered_by_a_commit_marker_are_trusted_after_a_crash(@TempDir Path dir) throws IOException {
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            assertFalse(j.resuming());
            j.append(imported("a"));
            j.append(imported("b"));
            long position = j.position();
            j.append(imported("c")); // written while the commit ran: not covered
            j.committed(position);
            j.append(imported("d"));
        } // no complete(): the process "died"
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            assertTrue(j.resuming());
            assertEquals(List.of("a", "b"), List.copyOf(j.committed().keySet()));
            assertEquals(IngestStatus.IMPORTED, j.committed().get("a").status());
        }
    }

    @Test
    void outcomes_left_over_from_the_first_crash_are_not_counted_by_later_markers(@TempDir Path dir) throws IOException {
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            j.append(imported("a"));
            j.committed(j.position());
            j.append(imported("lost-1"));
            j.append(imported("lost-2"));
        }
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            j.append(imported("b"));
            j.committed(j.position());
        }
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            assertEquals(List.of("a", "b"), List.copyOf(j.committed().keySet()));
        }
    }

    @Test
    void a_line_torn_by_the_kill_is_ignored(@TempDir Path dir) throws IOException {
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            j.append(imported("a"));
            j.committed(j.position());
        }
        Files.writeString(dir.resolve("k.journal"), "{\"path\":\"b\",\"sta", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            assertEquals(List.of("a"), List.copyOf(j.committed().keySet()));
            j.append(imported("c"));
            j.committed(j.position());
        }
        try (IngestJournal j = IngestJournal.open(dir, "k")) {
            assertEquals(List.of("a", "c"), List.copyOf(j.committed().keySet()));
        }
    }

    @Test
    void a_completed_command_leaves_no_journal(@TempDir Path dir) throws IOException {
        IngestJournal j = IngestJournal.open(dir, "k");
        j.append(imported("a"));
        j.committed(j.position());
        j.complete();
        assertFalse(Files.exists(dir.resolve("k.journal")));
    }
}
