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
 */
public record User(String name, Role role, Clearance clearance, String passwordHash) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clearance, "clearance");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
