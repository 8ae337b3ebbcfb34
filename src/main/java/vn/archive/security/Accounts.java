package vn.archive.security;

import vn.archive.model.Clearance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Account management as the admin page and the {@code users} verb do it: each change is saved, written to the
 * audit log (who, what, whom; never a password), and takes effect at once: a disabled account's sessions end, and
 * since every request looks its account up again, a new role or clearance applies from the next request.
 */
public final class Accounts {
    private final UserStore users;
    private final AuditLog audit;
    private final Consumer<String> endSessions;

    /**
     * @param endSessions ends the open sessions of a user in this process (a process without sessions, like the
     *                    CLI, passes a no-op: the portal ends them itself when it sees the account disabled)
     */
    public Accounts(UserStore users, AuditLog audit, Consumer<String> endSessions) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.endSessions = Objects.requireNonNull(endSessions, "endSessions");
    }

    /** Every account. */
    public List<User> list() {
        return users.list();
    }

    /** Creates an account and returns its generated password, to be shown once. */
    public String create(String actor, String name, Role role, Clearance clearance) throws IOException {
        String password = users.create(name, role, clearance);
        audit.record(actor, "user-create", name, "role=" + role + " clearance=" + clearance);
        return password;
    }

    /** Changes role, clearance or enabled (null leaves it); ends the sessions of an account being disabled. */
    public User update(String actor, String name, Role role, Clearance clearance, Boolean enabled) throws IOException {
        User before = users.find(name).orElse(null);
        User after = users.update(name, role, clearance, enabled);
        if (!after.enabled()) {
            endSessions.accept(name);
        }
        List<String> changes = new ArrayList<>();
        if (before == null || before.role() != after.role()) {
            changes.add("role=" + after.role());
        }
        if (before == null || before.clearance() != after.clearance()) {
            changes.add("clearance=" + after.clearance());
        }
        if (before == null || before.enabled() != after.enabled()) {
            changes.add(after.enabled() ? "enabled" : "disabled");
        }
        audit.record(actor, "user-update", name, changes.isEmpty() ? "unchanged" : String.join(" ", changes));
        return after;
    }

    /** Why a user's own change of password was refused. */
    public enum PasswordRefusal { WRONG_CURRENT, TOO_SHORT, MISMATCH, SAME_AS_CURRENT }

    /**
     * A user changes their own password: the current one must match and the new one be long enough, typed twice
     * alike, and new. On success every session of the account ends (the caller starts a fresh one for the person
     * who changed it) and the change is audited. Returns the refusal, or empty when the password was changed.
     */
    public Optional<PasswordRefusal> changeOwnPassword(String name, String current, String chosen, String repeated)
            throws IOException {
        if (users.authenticate(name, current).isEmpty()) {
            audit.record(name, "password-change-refused", name, "wrong current password");
            return Optional.of(PasswordRefusal.WRONG_CURRENT);
        }
        if (chosen == null || chosen.length() < UserStore.MIN_PASSWORD) {
            return Optional.of(PasswordRefusal.TOO_SHORT);
        }
        if (!chosen.equals(repeated)) {
            return Optional.of(PasswordRefusal.MISMATCH);
        }
        if (chosen.equals(current)) {
            return Optional.of(PasswordRefusal.SAME_AS_CURRENT);
        }
        users.setPassword(name, chosen);
        endSessions.accept(name);
        audit.record(name, "password-change", name, null);
        return Optional.empty();
    }

    /** Gives an account a new generated password, ends its sessions, and returns the password to be shown once. */
    public String resetPassword(String actor, String name) throws IOException {
        String password = users.resetPassword(name);
        endSessions.accept(name);
        audit.record(actor, "user-reset-password", name, null);
        return password;
    }
}
