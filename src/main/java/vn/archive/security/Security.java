package vn.archive.security;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything access control needs for one archive: accounts, sessions, login throttling, the audit log, and
 * whether unclassified documents may be read without logging in (on by default).
 */
public final class Security {
    /** Where the sessions of a data folder are kept across restarts. */
    public static final String SESSIONS_FILE = "sessions.json";
    private final UserStore users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final boolean anonymousRead;
    private final Accounts accounts;

    public Security(UserStore users, AuditLog audit, boolean anonymousRead, Clock clock) {
        this(users, audit, anonymousRead, clock, new Sessions(clock));
    }

    private Security(UserStore users, AuditLog audit, boolean anonymousRead, Clock clock, Sessions sessions) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.sessions = sessions;
        this.throttle = new LoginThrottle(clock);
        this.anonymousRead = anonymousRead;
        this.accounts = new Accounts(users, audit, sessions::endAll);
    }

    /** The security of this data folder, with anonymous reading of unclassified documents on. */
    public static Security open(Path dataDir) throws IOException {
        return open(dataDir, true);
    }

    /** The security of this data folder; its sessions survive a restart ({@code sessions.json}). */
    public static Security open(Path dataDir, boolean anonymousRead) throws IOException {
        Clock clock = Clock.systemUTC();
        return new Security(UserStore.open(dataDir), new AuditLog(dataDir, clock), anonymousRead, clock,
                new Sessions(clock, dataDir.resolve(SESSIONS_FILE)));
    }

    public UserStore users() {
        return users;
    }

    public Sessions sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    /** Account management whose changes end this server's sessions of a disabled account. */
    public Accounts accounts() {
        return accounts;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Whether visitors who have not logged in may read unclassified documents. */
    public boolean anonymousRead() {
        return anonymousRead;
    }
}
