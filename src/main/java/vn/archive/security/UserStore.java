package vn.archive.security;

import vn.archive.storage.AtomicFiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.model.Clearance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts of one archive, in {@code users.json} under the data folder, rewritten atomically on each change. */
public final class UserStore {
    /** The file name under the data folder. */
    public static final String FILE = "users.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A hash to check against when the user is unknown, so timing does not tell which names exist. */
    private static final String DUMMY_HASH = Passwords.hash(Passwords.randomToken(12));

    private final Path file;
    private final Map<String, User> users = new LinkedHashMap<>();

    private UserStore(Path file) {
        this.file = file;
    }

    /** The store of this data folder (empty when the file does not exist yet). */
    public static UserStore open(Path dataDir) throws IOException {
        UserStore s = new UserStore(dataDir.resolve(FILE));
        if (Files.exists(s.file)) {
            List<User> list = JSON.readValue(s.file.toFile(), new TypeReference<List<User>>() { });
            list.forEach(u -> s.users.put(u.name(), u));
        }
        return s;
    }

    /** Whether no account exists yet. */
    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    /** Adds or replaces an account with this password (hashed) and saves. */
    public synchronized User put(String name, Role role, Clearance clearance, String password) throws IOException {
        if (name == null || name.isBlank() || !name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new IllegalArgumentException("Invalid user name [" + name + "], expected 1-64 letters, digits, . _ @ -");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("Password must have at least 8 characters");
        }
        User u = new User(name, role, clearance, Passwords.hash(password));
        users.put(name, u);
        save();
        return u;
    }

    /** The account whose password matches, if any. */
    public Optional<User> authenticate(String name, String password) {
        User u;
        synchronized (this) {
            u = name == null ? null : users.get(name);
        }
        if (u == null || password == null) {
            Passwords.matches(DUMMY_HASH, password == null ? "" : password);
            return Optional.empty();
        }
        return Passwords.matches(u.passwordHash(), password) ? Optional.of(u) : Optional.empty();
    }

    /** The account with this name. */
    public synchronized Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /**
     * On first use creates the {@code admin} account with a random password and returns that password, which is
     * shown once and never stored in clear; returns empty when accounts exist already.
     */
    public synchronized Optional<String> createAdminIfNone() throws IOException {
        if (!users.isEmpty()) {
            return Optional.empty();
        }
        String password = Passwords.randomToken(15);
        put("admin", Role.ADMIN, Clearance.TUYET_MAT, password);
        return Optional.of(password);
    }

    private void save() throws IOException {
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(users.values())));
    }

}
