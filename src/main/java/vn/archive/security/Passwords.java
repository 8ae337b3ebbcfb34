package vn.archive.security;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.security.SecureRandom;
import java.util.Base64;

/** Password hashing with BouncyCastle's bcrypt, and random passwords for generated accounts. */
public final class Passwords {
    /** bcrypt work factor: 2^12 rounds, about a quarter second per check on a small server. */
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A salted bcrypt hash of the password. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate(password.toCharArray(), salt, COST);
    }

    /** Whether the password matches the hash (constant time inside BouncyCastle). */
    public static boolean matches(String hash, String password) {
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    /** A random URL-safe token of {@code bytes} random bytes (passwords, session ids, CSRF tokens). */
    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
