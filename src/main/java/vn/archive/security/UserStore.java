package vn.archive.security;

import vn.archive.config.Json;
import vn.archive.storage.AtomicFiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.model.Clearance;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts of one archive, in {@code users.json} under the data folder, rewritten atomically on each change.
 * Several processes may share the file (the portal, and the {@code users} verb run beside it): every read notices
 * when the file was replaced and reloads it, and every change re-reads the file under a file lock before writing,
 * so one process never overwrites another's change with a stale copy.
 */
public final class UserStore {
    /** The file name under the data folder. */
    public static final String FILE = "users.json";
    /** The lock file that serialises changes between processes (empty; backups skip it). */
    public static final String LOCK_FILE = "users.json.lock";
    /** The shortest password a person may choose. */
    public static final int MIN_PASSWORD = 8;
    /** Length of generated passwords, in random bytes (20 URL-safe characters). */
    private static final int PASSWORD_BYTES = 15;
    private static final ObjectMapper JSON = Json.MAPPER;
    /** One lock for changes within this JVM: a FileLock is held per process, not per thread. */
    private static final Object CHANGES = new Object();

    private final Path file;
    private final Map<String, User> users = new LinkedHashMap<>();
    /** What the file was when last read or written: (modification time, size, file key), or null if absent. */
    private List<Object> seen;

    private UserStore(Path file) {
        this.file = file;
    }

    /** The store of this data folder (empty when the file does not exist yet). */
    public static UserStore open(Path dataDir) throws IOException {
        UserStore s = new UserStore(dataDir.resolve(FILE));
        synchronized (s) {
            s.reload();
        }
        return s;
    }

    /** Whether no account exists yet. */
    public synchronized boolean isEmpty() {
        refresh();
        return users.isEmpty();
    }

    /** Every account, in the order they were created. */
    public synchronized List<User> list() {
        refresh();
        return List.copyOf(users.values());
    }

    /** Adds or replaces an account with this password (hashed) and saves. */
    public User put(String name, Role role, Clearance clearance, String password) throws IOException {
        checkName(name);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD + " characters");
        }
        User u = new User(name, role, clearance, Passwords.hash(password), false);
        change(current -> current.put(name, u));
        return u;
    }

    /**
     * Creates a new account with a generated password and returns that password, which is shown once and never
     * stored in clear. A name already taken is refused.
     */
    public String create(String name, Role role, Clearance clearance) throws IOException {
        checkName(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clearance, "clearance");
        String password = Passwords.randomToken(PASSWORD_BYTES);
        User u = new User(name, role, clearance, Passwords.hash(password), false);
        change(current -> {
            if (current.containsKey(name)) {
                throw new AccountException(AccountException.Reason.DUPLICATE, name,
                        "Tài khoản [" + name + "] đã có (user already exists)");
            }
            if (current.isEmpty() && role != Role.ADMIN) {
                // otherwise the archive would have accounts but no one able to manage them
                throw new AccountException(AccountException.Reason.FIRST_NOT_ADMIN, name,
                        "Tài khoản đầu tiên của kho phải có vai trò ADMIN (the first account must be an admin)");
            }
            current.put(name, u);
        });
        return password;
    }

    /**
     * Changes an account's role, clearance or whether it is enabled (null leaves a value as it is) and returns the
     * account as saved. The last enabled admin can be neither demoted nor disabled.
     */
    public User update(String name, Role role, Clearance clearance, Boolean enabled) throws IOException {
        User[] out = new User[1];
        change(current -> {
            User old = existing(current, name);
            User u = new User(name, role == null ? old.role() : role, clearance == null ? old.clearance() : clearance,
                    old.passwordHash(), enabled == null ? old.disabled() : !enabled);
            if (old.activeAdmin() && !u.activeAdmin()
                    && current.values().stream().filter(User::activeAdmin).count() == 1) {
                throw new AccountException(AccountException.Reason.LAST_ADMIN, name, "Không thể hạ quyền hoặc khóa ["
                        + name + "]: đây là quản trị viên cuối cùng còn hoạt động (the last enabled admin cannot be "
                        + "demoted or disabled)");
            }
            current.put(name, u);
            out[0] = u;
        });
        return out[0];
    }

    /** Sets a password its owner chose (hashed), keeping everything else of the account. */
    public void setPassword(String name, String password) throws IOException {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD + " characters");
        }
        String hash = Passwords.hash(password);
        change(current -> {
            User old = existing(current, name);
            current.put(name, new User(name, old.role(), old.clearance(), hash, old.disabled()));
        });
    }

    /** Gives an account a new generated password and returns it (shown once, never stored in clear). */
    public String resetPassword(String name) throws IOException {
        String password = Passwords.randomToken(PASSWORD_BYTES);
        String hash = Passwords.hash(password);
        change(current -> {
            User old = existing(current, name);
            current.put(name, new User(name, old.role(), old.clearance(), hash, old.disabled()));
        });
        return password;
    }

    /** The enabled account whose password matches, if any. */
    public Optional<User> authenticate(String name, String password) {
        User u;
        synchronized (this) {
            refresh();
            u = name == null ? null : users.get(name);
        }
        if (u == null || password == null || u.disabled()) {
            Passwords.matches(DummyHash.VALUE, password == null ? "" : password);
            return Optional.empty();
        }
        return Passwords.matches(u.passwordHash(), password) ? Optional.of(u) : Optional.empty();
    }

    /** The account with this name, as the file says now (enabled or not). */
    public synchronized Optional<User> find(String name) {
        refresh();
        return Optional.ofNullable(users.get(name));
    }

    /**
     * On first use creates the {@code admin} account with a random password and returns that password, which is
     * shown once and never stored in clear; returns empty when accounts exist already.
     */
    public Optional<String> createAdminIfNone() throws IOException {
        if (!isEmpty()) {
            // a bcrypt hash costs a noticeable part of a restart: none is made when accounts exist
            return Optional.empty();
        }
        String password = Passwords.randomToken(PASSWORD_BYTES);
        User admin = new User("admin", Role.ADMIN, Clearance.TUYET_MAT, Passwords.hash(password), false);
        boolean[] created = new boolean[1];
        change(current -> {
            if (current.isEmpty()) {
                current.put(admin.name(), admin);
                created[0] = true;
            }
        });
        return created[0] ? Optional.of(password) : Optional.empty();
    }

    /**
     * A hash to check against when the user is unknown, so timing does not tell which names exist; made at the first
     * such login rather than when the portal starts (a bcrypt hash is a quarter second or more of start-up).
     */
    private static final class DummyHash {
        static final String VALUE = Passwords.hash(Passwords.randomToken(12));
    }

    /** A change to the accounts, applied to what the file holds now. */
    private interface Change {
        void apply(Map<String, User> current) throws IOException;
    }

    /** Re-reads the file, applies the change and writes the file, all under the process and file locks. */
    private void change(Change c) throws IOException {
        synchronized (CHANGES) {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file.resolveSibling(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                synchronized (this) {
                    reload();
                    Map<String, User> next = new LinkedHashMap<>(users);
                    c.apply(next);
                    AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new ArrayList<>(next.values())));
                    users.clear();
                    users.putAll(next);
                    seen = stamp();
                }
            }
        }
    }

    /** Reloads when another process replaced the file since it was last read. */
    private void refresh() {
        try {
            if (!Objects.equals(seen, stamp())) {
                reload();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the accounts " + file, e);
        }
    }

    private void reload() throws IOException {
        // stamp first: a replacement between the stamp and the read is then seen again at the next refresh
        List<Object> now = stamp();
        users.clear();
        if (now != null) {
            try {
                List<User> list = JSON.readValue(file.toFile(), new TypeReference<List<User>>() { });
                list.forEach(u -> users.put(u.name(), u));
            } catch (FileNotFoundException | NoSuchFileException gone) {
                // deleted between stamp and read: the next refresh reads whatever comes next
                now = null;
            }
        }
        seen = now;
    }

    private List<Object> stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = a.fileKey();
            return key == null ? List.of(a.lastModifiedTime(), a.size()) : List.of(a.lastModifiedTime(), a.size(), key);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    private static User existing(Map<String, User> current, String name) {
        User u = name == null ? null : current.get(name);
        if (u == null) {
            throw new AccountException(AccountException.Reason.UNKNOWN_USER, name,
                    "Không có tài khoản [" + name + "] (unknown user)");
        }
        return u;
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || !name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            throw new AccountException(AccountException.Reason.INVALID_NAME, name, "Tên đăng nhập [" + name
                    + "] không hợp lệ: 1–64 chữ cái, chữ số, . _ @ - (invalid user name)");
        }
    }
}
