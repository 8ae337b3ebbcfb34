package vn.archive.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.ingest.IngestReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve [--data DIR] [--port N] [--host H]}: serves the portal and the API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Chạy cổng tra cứu và API (mặc định http://127.0.0.1:7070).",
                "Serves the portal and the JSON API. With an empty archive and no --data, imports ./corpus first."})
public final class ServeCommand implements Callable<Integer> {
    /** The sample archive served by default. */
    static final Path CORPUS = Path.of("corpus");

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws Exception {
        AppConfig config = archive.toConfig(host, port);
        Archive a = Archive.open(config);
        try {
            if (!archive.dataGiven() && a.search().count() == 0 && Files.isDirectory(CORPUS)) {
                System.out.println("Kho trống: đang nhập thư mục corpus/ … (empty archive: importing corpus/)");
                IngestReport report = a.pipeline().run(List.of(CORPUS), o -> { });
                System.out.println(report.summary());
            }
            a.security().users().createAdminIfNone().ifPresent(password -> System.out.println(
                    "Đã tạo tài khoản quản trị 'admin' với mật khẩu (chỉ hiện một lần, hãy đổi/ghi lại): " + password
                            + "\n(first run: admin account created; this password is shown once)"
                            + "\nTạo tài khoản cho cán bộ khác tại /admin/users hoặc bằng lệnh `users add`"
                            + " (create other officers' accounts at /admin/users or with `users add`)"));
            Javalin app = a.webApp().start(config.host(), config.port());
            System.out.println("Kho văn bản đang phục vụ tại http://" + config.host() + ":" + app.port()
                    + "/  (" + a.search().count() + " văn bản). Ctrl+C để dừng.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                try {
                    a.close();
                } catch (IOException ignored) {
                    // the index's own commit on close is best effort at shutdown
                }
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
    }
}
