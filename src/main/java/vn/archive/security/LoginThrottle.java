package vn.archive.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/** Limits failed logins per key (user name, client address): after {@link #MAX_FAILURES} in the window, wait. */
public final class LoginThrottle {
    /** Failures allowed per window. */
    public static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether another attempt for this key is refused now. */
    public boolean blocked(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return false;
        }
        synchronized (d) {
            prune(d);
            return d.size() >= MAX_FAILURES;
        }
    }

    /** Records a failed attempt. */
    public void failed(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(clock.instant());
        }
    }

    /** Forgets the failures of a key after a successful login. */
    public void succeeded(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> d) {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!d.isEmpty() && d.peekFirst().isBefore(oldest)) {
            d.removeFirst();
        }
    }
}
