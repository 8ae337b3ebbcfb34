package vn.archive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Server-side sessions: a random id in the cookie maps to the user and the session's CSRF token. */
public final class Sessions {
    /** Idle sessions end after this long. */
    public static final Duration IDLE = Duration.ofHours(8);

    /** One logged-in session. */
    public record Session(String id, String user, String csrf, Instant lastSeen) { }

    private final Clock clock;
    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Starts a session for this user. */
    public Session start(String user) {
        Session s = new Session(Passwords.randomToken(32), user, Passwords.randomToken(32), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, refreshed. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastSeen().plus(IDLE).isBefore(now)) {
            byId.remove(id);
            return Optional.empty();
        }
        Session fresh = new Session(s.id(), s.user(), s.csrf(), now);
        byId.put(id, fresh);
        return Optional.of(fresh);
    }

    /** Ends every session of this user (account disabled or password reset) and returns how many there were. */
    public int endAll(String user) {
        int[] ended = new int[1];
        byId.values().removeIf(s -> {
            boolean match = s.user().equals(user);
            ended[0] += match ? 1 : 0;
            return match;
        });
        return ended[0];
    }

    /** Ends a session. */
    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }
}
