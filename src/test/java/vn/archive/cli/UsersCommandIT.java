package vn.archive.cli;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.archive.App;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.Clearance;
import vn.archive.security.AuditLog;
import vn.archive.security.Role;
import vn.archive.security.TestAccounts;
import vn.archive.security.User;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code users} verb: a round trip through every subcommand, clear refusals, and a running portal seeing it. */
class UsersCommandIT {
    @TempDir
    Path temp;

    /** What one run of the verb printed, and its exit code. */
    record Run(int code, String out, String err) { }

    private static Run users(Path data, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = data.toString();
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    private static String password(Run r) {
        String out = r.out().strip();
        return out.substring(out.lastIndexOf(' ') + 1);
    }

    @Test
    void add_list_set_and_reset_password_round_trip_through_users_json() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Run admin = users(data, "add", "quantri", "--role", "admin", "--clearance", "TUYET_MAT");
        assertEquals(0, admin.code(), admin.err());
        Run add = users(data, "add", "lan", "--role", "ARCHIVIST", "--clearance", "Tối mật");
        assertEquals(0, add.code(), add.err());
        String first = password(add);
        assertTrue(add.out().contains("chỉ hiện một lần") && first.length() >= 16, add.out());
        assertTrue(UserStore.open(data).authenticate("lan", first).isPresent(), "the printed password logs in");
        assertFalse(Files.readString(data.resolve(UserStore.FILE)).contains(first), "and is never stored in clear");

        Run list = users(data, "list");
        assertEquals(0, list.code());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("lan\\s+ARCHIVIST\\s+TOI_MAT\\s+enabled")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("quantri\\s+ADMIN\\s+TUYET_MAT\\s+enabled")), list.out());

        assertEquals(0, users(data, "set", "lan", "--role", "READER", "--clearance", "MAT", "--disable").code());
        User lan = UserStore.open(data).find("lan").orElseThrow();
        assertEquals(Role.READER, lan.role());
        assertEquals(Clearance.MAT, lan.clearance());
        assertFalse(lan.enabled());
        assertTrue(UserStore.open(data).authenticate("lan", first).isEmpty(), "a disabled account cannot log in");
        assertTrue(users(data, "list").out().lines().anyMatch(l -> l.matches("lan\\s+READER\\s+MAT\\s+disabled")));
        assertEquals(0, users(data, "set", "lan", "--enable").code());

        Run reset = users(data, "reset-password", "lan");
        assertEquals(0, reset.code(), reset.err());
        String second = password(reset);
        assertTrue(UserStore.open(data).authenticate("lan", second).isPresent());
        assertTrue(UserStore.open(data).authenticate("lan", first).isEmpty(), "the old password no longer works");

        List<String> audit = Files.readAllLines(data.resolve(AuditLog.FILE));
        assertEquals(List.of("user-create", "user-create", "user-update", "user-update", "user-reset-password"),
                audit.stream().map(l -> l.replaceAll(".*\"action\":\"([^\"]+)\".*", "$1")).toList());
        assertTrue(audit.get(2).contains("\"user\":\"cli:") && audit.get(2).contains("\"target\":\"lan\""));
        assertTrue(audit.get(2).contains("role=READER clearance=MAT disabled"), audit.get(2));
        assertFalse(String.join("\n", audit).contains(first) || String.join("\n", audit).contains(second));
    }

    @Test
    void unknown_users_bad_roles_bad_clearances_and_duplicates_are_refused_clearly() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Run reader = users(data, "add", "docgia", "--role", "READER", "--clearance", "NONE");
        assertEquals(1, reader.code());
        assertTrue(reader.err().contains("phải có vai trò ADMIN"), "the first account must be able to manage the rest");
        assertEquals(0, users(data, "add", "quantri", "--role", "ADMIN", "--clearance", "NONE").code());
        Run duplicate = users(data, "add", "quantri", "--role", "READER", "--clearance", "NONE");
        assertEquals(1, duplicate.code());
        assertTrue(duplicate.err().contains("Tài khoản [quantri] đã có (user already exists)"), duplicate.err());
        Run unknown = users(data, "set", "khongco", "--role", "READER");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("Không có tài khoản [khongco] (unknown user)"), unknown.err());
        assertTrue(users(data, "reset-password", "khongco").err().contains("unknown user"));
        Run role = users(data, "add", "x", "--role", "THUKHO", "--clearance", "NONE");
        assertEquals(2, role.code());
        assertTrue(role.err().contains("expected one of [READER, ARCHIVIST, ADMIN]"), role.err());
        Run clearance = users(data, "add", "x", "--role", "READER", "--clearance", "BIMAT");
        assertEquals(2, clearance.code());
        assertTrue(clearance.err().contains("Mức mật không hợp lệ [BIMAT]"), clearance.err());
        Run nothing = users(data, "set", "quantri");
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("nothing to change"), nothing.err());
        Run last = users(data, "set", "quantri", "--disable");
        assertEquals(1, last.code());
        assertTrue(last.err().contains("the last enabled admin"), last.err());
        Run name = users(data, "add", "a b", "--role", "READER", "--clearance", "NONE");
        assertEquals(1, name.code());
        assertTrue(name.err().contains("invalid user name"), name.err());
        Run folder = users(temp.resolve("khong-co-kho"), "list");
        assertEquals(1, folder.code());
        assertTrue(folder.err().contains("no archive folder"), folder.err());
        assertFalse(Files.exists(temp.resolve("khong-co-kho")), "a mistyped --data creates nothing");
        assertEquals(List.of("quantri"), UserStore.open(data).list().stream().map(User::name).toList());
        assertTrue(App.commandLine().getSubcommands().get("users").getUsageMessage().contains("reset-password"));
    }

    @Test
    void a_running_portal_sees_what_the_verb_changed_at_its_next_request() throws IOException {
        Path data = temp.resolve("data");
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(List.of(TestCorpus.BAO_LOC), o -> { });
            archive.security().users().createAdminIfNone();
            TestAccounts.account(archive.security(), "docgia", Role.READER, Clearance.NONE);
            JavalinTest.test(archive.webApp(), (server, client) -> {
                HttpClient anon = new HttpClient(server, java.net.http.HttpClient.newHttpClient());
                var reader = TestAccounts.login(archive.security(), client, "docgia");
                assertTrue(anon.request("/", b -> b.header("Cookie", reader.cookie())).body().string().contains("Đăng xuất (docgia)"));

                Run add = users(data, "add", "moi", "--role", "ADMIN", "--clearance", "MAT");
                assertEquals(0, add.code(), add.err());
                var fresh = TestAccounts.login(archive.security(), client, "moi", password(add));
                assertEquals(200, anon.request("/admin/users", b -> b.header("Cookie", fresh.cookie())).code(),
                        "an account added by the verb logs in to the running portal");

                assertEquals(0, users(data, "set", "docgia", "--disable").code());
                assertFalse(anon.request("/", b -> b.header("Cookie", reader.cookie())).body().string().contains("Đăng xuất"),
                        "a session of an account disabled by the verb ends at its next request");
                assertEquals(401, anon.request("/login", b -> b.post(HttpRequest.BodyPublishers.ofString(
                        "username=docgia&password=" + TestAccounts.PASSWORD))
                        .header("Content-Type", "application/x-www-form-urlencoded")).code());

                assertEquals(0, users(data, "set", "moi", "--role", "READER").code());
                assertEquals(403, anon.request("/admin/users", b -> b.header("Cookie", fresh.cookie())).code(),
                        "a role lowered by the verb applies at the next request");
            });
            String file = Files.readString(data.resolve(UserStore.FILE), StandardCharsets.UTF_8);
            assertTrue(file.contains("\"moi\"") && file.contains("\"docgia\""));
        }
    }
}
