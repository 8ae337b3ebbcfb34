package vn.archive.cli;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.ingest.IngestProgress;
import vn.archive.ingest.IngestReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@code serve [--data DIR] [--port N] [--host H] [--solr TARGET]}: serves the portal and the API. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Chạy cổng tra cứu và API (mặc định http://127.0.0.1:7070).",
                "Serves the portal and the JSON API. With an empty archive and no --data, imports ./corpus first."})
public final class ServeCommand implements Callable<Integer> {
    /** The sample archive served by default. */
    static final Path CORPUS = Path.of("corpus");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws Exception {
        AppConfig config = archive.toConfig(host, port);
        Archive a = archive.open(config);
        try {
            boolean importCorpus = !archive.dataGiven() && a.search().count() == 0 && Files.isDirectory(CORPUS);
            Javalin app = a.webApp().start(config.host(), config.port());
            ServedPortal.announce(config.dataDir(), config.host(), app.port(), a.localImportToken());
            // after the listener: the first run's bcrypt hash of the admin password is not on the way to the first page
            String account = "http://" + config.host() + ":" + app.port() + "/account";
            a.security().users().createAdminIfNone().ifPresent(password -> System.out.println(
                    "Đã tạo tài khoản quản trị 'admin' với mật khẩu (chỉ hiện một lần): " + password
                            + "\nHãy đăng nhập và đổi mật khẩu tại " + account
                            + "\n(first run: admin account created; this password is shown once: change it at "
                            + account + ")"
                            + "\nTạo tài khoản cho cán bộ khác tại /admin/users hoặc bằng lệnh `users add`"
                            + " (create other officers' accounts at /admin/users or with `users add`)"));
            System.out.println("Kho văn bản đang phục vụ tại http://" + config.host() + ":" + app.port()
                    + "/  (" + a.search().count() + " văn bản). Ctrl+C để dừng.");
            if (importCorpus) {
                importInBackground(a);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ServedPortal.withdraw(config.dataDir());
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

    /**
     * The sample archive is imported while the portal already answers: searches see documents as they commit, the
     * import page shows the pipeline's live progress, and the terminal gets a progress line every few seconds.
     */
    private static void importInBackground(Archive a) {
        System.out.println("Kho trống: đang nhập thư mục corpus/ ở chế độ nền; tiến độ tại trang /import"
                + " (empty archive: importing corpus/ in the background; progress on /import)");
        Thread importer = new Thread(() -> {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "corpus-import-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> {
                IngestProgress.Snapshot s = a.pipeline().progress().snapshot();
                if (s.running()) {
                    System.out.println("  corpus/: " + Verbs.bar(s));
                }
            }, PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            try {
                IngestReport report = a.pipeline().run(List.of(CORPUS), o -> { });
                System.out.println(report.summary());
            } catch (IOException | RuntimeException e) {
                System.err.println("Không nhập được corpus/ (could not import corpus/): " + e.getMessage());
            } finally {
                ticker.shutdownNow();
            }
        }, "corpus-import");
        importer.setDaemon(true);
        importer.start();
    }
}
