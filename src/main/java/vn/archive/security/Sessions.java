package vn.archive.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.config.Json;
import vn.archive.storage.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions: a random id in the cookie maps to the user and the session's CSRF token. With a file, the
 * sessions outlive a restart of the portal: the file keeps only a SHA-256 of each id (a stolen file opens no
 * session), is readable by the portal's user only, and is written when a session starts or ends, and when one has
 * been used after more than {@link #PERSIST_EVERY} since it was last written (so that idle expiry survives too).
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    /** Idle sessions end after this long. */
    public static final Duration IDLE = Duration.ofHours(8);
    /** How stale the written last-use time of a session may get before a request writes the file again. */
    static final Duration PERSIST_EVERY = Duration.ofMinutes(5);

    /** One logged-in session. */
    public record Session(String id, String user, String csrf, Instant lastSeen) { }

    /** What the file keeps of a session: the id's hash, never the id. */
    record Stored(String idHash, String user, String csrf, long lastSeenMillis) { }

    private final Clock clock;
    private final Path file;
    private final ConcurrentHashMap<String, Stored> byHash = new ConcurrentHashMap<>();

    /** Sessions in memory only: they end with the process. */
    public Sessions(Clock clock) {
        this(clock, null);
    }

    /** Sessions kept in this file (null: in memory only); expired ones in it are dropped. */
    public Sessions(Clock clock, Path file) {
        this.clock = clock;
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                List<Stored> stored = JSON.readValue(file.toFile(), new TypeReference<List<Stored>>() { });
                Instant now = clock.instant();
                stored.stream().filter(s -> !expired(s, now)).forEach(s -> byHash.put(s.idHash(), s));
            } catch (IOException e) {
                LOG.warn("Sessions in {} could not be read; everyone logs in again", file, e);
            }
        }
    }

    /** Starts a session for this user. */
    public Session start(String user) {
        Session s = new Session(Passwords.randomToken(32), user, Passwords.randomToken(32), clock.instant());
        byHash.put(hash(s.id()), new Stored(hash(s.id()), user, s.csrf(), s.lastSeen().toEpochMilli()));
        persist();
        return s;
    }

    /** The live session with this id, refreshed. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String h = hash(id);
        Stored s = byHash.get(h);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            byHash.remove(h);
            persist();
            return Optional.empty();
        }
        byHash.put(h, new Stored(h, s.user(), s.csrf(), now.toEpochMilli()));
        if (now.toEpochMilli() - s.lastSeenMillis() > PERSIST_EVERY.toMillis()) {
            persist();
        }
        return Optional.of(new Session(id, s.user(), s.csrf(), now));
    }

    /** Ends every session of this user (account disabled or password reset) and returns how many there were. */
    public int endAll(String user) {
        int[] ended = new int[1];
        byHash.values().removeIf(s -> {
            boolean match = s.user().equals(user);
            ended[0] += match ? 1 : 0;
            return match;
        });
        if (ended[0] > 0) {
            persist();
        }
        return ended[0];
    }

    /** Ends a session. */
    public void end(String id) {
        if (id != null && byHash.remove(hash(id)) != null) {
            persist();
        }
    }

    private static boolean expired(Stored s, Instant now) {
        return Instant.ofEpochMilli(s.lastSeenMillis()).plus(IDLE).isBefore(now);
    }

    private synchronized void persist() {
        if (file == null) {
            return;
        }
        try {
            // AtomicFiles writes through a temporary file created owner-only, so the file stays owner-only.
            AtomicFiles.write(file, JSON.writeValueAsBytes(new ArrayList<>(byHash.values())));
        } catch (IOException e) {
            LOG.warn("Sessions could not be written to {}; they will end with this process", file, e);
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
