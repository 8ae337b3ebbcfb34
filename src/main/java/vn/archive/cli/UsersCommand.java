package vn.archive.cli;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.archive.config.AppConfig;
import vn.archive.model.Clearance;
import vn.archive.security.AccountException;
import vn.archive.security.Accounts;
import vn.archive.security.AuditLog;
import vn.archive.security.Role;
import vn.archive.security.User;
import vn.archive.security.UserStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code users list|add|set|reset-password --data DIR}: account management from the shell. It touches only the
 * accounts file and the audit log, never the index, so it runs beside a portal serving the same folder; the portal
 * reloads the accounts file when it changes and applies the change at its next request.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Quản lý tài khoản: liệt kê, tạo, đổi vai trò và mức mật, khóa/mở khóa, cấp mật khẩu mới.",
                "Manages accounts; safe while the portal serves the same folder (it sees changes at once)."},
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Set.class,
                UsersCommand.ResetPassword.class})
public final class UsersCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The archive folder option every subcommand takes. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
        Path data = AppConfig.DEFAULT_DATA;
    }

    /** What the subcommands share: opening the accounts, naming the actor, and printing refusals clearly. */
    abstract static class Verb implements Callable<Integer> {
        @Mixin
        DataOption options = new DataOption();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(options.data)) {
                err.println("Không tìm thấy thư mục kho [" + options.data + "] (no archive folder; check --data)");
                return 1;
            }
            Accounts accounts = new Accounts(UserStore.open(options.data), new AuditLog(options.data, Clock.systemUTC()),
                    user -> { });
            try {
                run(accounts, spec.commandLine().getOut());
                return 0;
            } catch (AccountException e) {
                err.println(e.getMessage());
                return 1;
            }
        }

        abstract void run(Accounts accounts, PrintWriter out) throws IOException;

        /** Who made the change, for the audit log: the operating-system user at the shell. */
        static String actor() {
            return "cli:" + System.getProperty("user.name", "?");
        }
    }

    /** {@code users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê tài khoản: tên, vai trò, mức mật, trạng thái.", "Lists accounts."})
    static final class ListUsers extends Verb {
        @Override
        void run(Accounts accounts, PrintWriter out) {
            out.printf(Locale.ROOT, "%-24s %-10s %-10s %s%n", "NAME", "ROLE", "CLEARANCE", "STATUS");
            for (User u : accounts.list()) {
                out.printf(Locale.ROOT, "%-24s %-10s %-10s %s%n", u.name(), u.role(), u.clearance(),
                        u.enabled() ? "enabled" : "disabled");
            }
        }
    }

    /** {@code users add NAME --role R --clearance C}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Tạo tài khoản với mật khẩu ngẫu nhiên, in ra một lần duy nhất.",
                    "Creates an account; its generated password is printed once and never stored in clear."})
    static final class Add extends Verb {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: 1-64 letters, digits, . _ @ -")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "READER, ARCHIVIST or ADMIN.")
        Role role;

        @Option(names = "--clearance", required = true, paramLabel = "LEVEL", converter = ClearanceConverter.class,
                description = "NONE, MAT, TOI_MAT or TUYET_MAT (or Mật, Tối mật, Tuyệt mật).")
        Clearance clearance;

        @Override
        void run(Accounts accounts, PrintWriter out) throws IOException {
            String password = accounts.create(actor(), name, role, clearance);
            out.println("Đã tạo tài khoản " + name + " (" + role + ", " + clearance + "). Mật khẩu (chỉ hiện một lần): "
                    + password);
        }
    }

    /** {@code users set NAME [--role R] [--clearance C] [--disable|--enable]}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Đổi vai trò, mức mật, hoặc khóa/mở khóa tài khoản; có hiệu lực ngay cả khi cổng đang chạy.",
                    "Changes role, clearance or enabled; a running portal applies it at its next request."})
    static final class Set extends Verb {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "READER, ARCHIVIST or ADMIN.")
        Role role;

        @Option(names = "--clearance", paramLabel = "LEVEL", converter = ClearanceConverter.class,
                description = "NONE, MAT, TOI_MAT or TUYET_MAT.")
        Clearance clearance;

        @ArgGroup(exclusive = true)
        Toggle toggle;

        /** Either --disable or --enable. */
        static final class Toggle {
            @Option(names = "--disable", required = true, description = "Disable: no login, open sessions end.")
            boolean disable;

            @Option(names = "--enable", required = true, description = "Enable again.")
            boolean enable;
        }

        @Override
        void run(Accounts accounts, PrintWriter out) throws IOException {
            Boolean enabled = toggle == null ? null : toggle.enable;
            if (role == null && clearance == null && enabled == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Không có gì để đổi: cần --role, --clearance, --disable hoặc --enable (nothing to change)");
            }
            User u = accounts.update(actor(), name, role, clearance, enabled);
            out.println("Đã lưu " + u.name() + ": " + u.role() + ", " + u.clearance() + ", "
                    + (u.enabled() ? "enabled" : "disabled"));
        }
    }

    /** {@code users reset-password NAME}. */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = {"Cấp mật khẩu ngẫu nhiên mới, in ra một lần duy nhất.",
                    "Gives the account a new generated password, printed once."})
    static final class ResetPassword extends Verb {
        @Parameters(index = "0", paramLabel = "NAME", description = "User name.")
        String name;

        @Override
        void run(Accounts accounts, PrintWriter out) throws IOException {
            String password = accounts.resetPassword(actor(), name);
            out.println("Mật khẩu mới của " + name + " (chỉ hiện một lần): " + password);
        }
    }

    /** Clearance by name or Vietnamese label, with the allowed values in the error. */
    static final class ClearanceConverter implements CommandLine.ITypeConverter<Clearance> {
        @Override
        public Clearance convert(String value) {
            try {
                return Clearance.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("Mức mật không hợp lệ [" + value
                        + "], chọn NONE, MAT, TOI_MAT hoặc TUYET_MAT (unknown clearance)");
            }
        }
    }
}
