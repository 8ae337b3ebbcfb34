package vn.archive.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {
    @TempDir
    Path temp;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void a_session_survives_a_restart_with_its_csrf_token_and_the_file_keeps_no_session_id() throws Exception {
        Path file = temp.resolve("sessions.json");
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        Sessions.Session s = new Sessions(at(t0), file).start("lan");
        String written = Files.readString(file);
        assertFalse(written.contains(s.id()), "only a hash of the id is on disk");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));

        Sessions restarted = new Sessions(at(t0.plus(Duration.ofHours(1))), file);
        Sessions.Session found = restarted.find(s.id()).orElseThrow();
        assertEquals("lan", found.user());
        assertEquals(s.csrf(), found.csrf());
        assertTrue(restarted.find("not-" + s.id()).isEmpty());
    }

    @Test
    void an_idle_session_expires_across_a_restart_and_a_used_one_does_not() throws Exception {
        Path file = temp.resolve("sessions.json");
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        Sessions first = new Sessions(at(t0), file);
        Sessions.Session idle = first.start("idle");
        Sessions.Session busy = first.start("busy");
        // used seven hours later (written, being older than the persist interval), then the portal restarts
        new Sessions(at(t0.plus(Duration.ofHours(7))), file).find(busy.id()).orElseThrow();
        Sessions later = new Sessions(at(t0.plus(Duration.ofHours(9))), file);
        assertTrue(later.find(idle.id()).isEmpty(), "idle for 9 hours: ended");
        assertTrue(later.find(busy.id()).isPresent(), "used 2 hours ago: still open");
    }

    @Test
    void logout_and_ending_a_users_sessions_are_kept_across_a_restart() throws Exception {
        Path file = temp.resolve("sessions.json");
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        Sessions sessions = new Sessions(at(t0), file);
        Sessions.Session a = sessions.start("an");
        Sessions.Session b1 = sessions.start("binh");
        Sessions.Session b2 = sessions.start("binh");
        sessions.end(a.id());
        assertEquals(2, sessions.endAll("binh"));
        Sessions restarted = new Sessions(at(t0), file);
        assertTrue(restarted.find(a.id()).isEmpty());
        assertTrue(restarted.find(b1.id()).isEmpty());
        assertTrue(restarted.find(b2.id()).isEmpty());
    }

    @Test
    void an_unreadable_sessions_file_means_logging_in_again_not_a_failed_start() throws Exception {
        Path file = temp.resolve("sessions.json");
        Files.writeString(file, "{ hỏng");
        Sessions sessions = new Sessions(at(Instant.parse("2026-12-07T08:00:00Z")), file);
        assertTrue(sessions.find("x").isEmpty());
        Sessions.Session s = sessions.start("lan");
        assertTrue(new Sessions(at(Instant.parse("2026-12-07T08:00:00Z")), file).find(s.id()).isPresent());
    }
}
