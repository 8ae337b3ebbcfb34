package vn.archive.security;

import vn.archive.model.Clearance;

import java.util.Objects;

/**
 * One account.
 *
 * @param name         login name
 * @param role         what the user may do
 * @param clearance    the highest secrecy level the user may see
 * @param passwordHash bcrypt hash, never the password
 * @param disabled     whether the account may no longer log in (stored as "disabled" so that accounts written
 *                     before the flag existed read back as enabled)
 */
public record User(String name, Role role, Clearance clearance, String passwordHash, boolean disabled) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clearance, "clearance");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Whether the account may log in and keep its sessions. */
    public boolean enabled() {
        return !disabled;
    }

    /** Whether this is an enabled admin, one of those the archive must always keep. */
    boolean activeAdmin() {
        return role == Role.ADMIN && !disabled;
    }
}
