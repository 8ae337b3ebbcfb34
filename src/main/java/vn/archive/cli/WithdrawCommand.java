package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.curation.Correction;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code withdraw ID --reason "…" [--data DIR]} and {@code withdraw ID --undo}: the document page's withdrawal on the
 * command line, recorded in the same corrections trail and audit log (as {@code cli:<user>}). While {@code serve}
 * runs on the same archive, the portal records it, through the local channel {@code import} uses.
 */
@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = {"Rút một văn bản khỏi kho (ẩn với người đọc, giữ trên đĩa, ghi nhật ký) hoặc khôi phục nó.",
                "Withdraws a document (hidden from readers, kept on disk, audited), or with --undo restores it."})
public final class WithdrawCommand implements Callable<Integer> {
    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Parameters(index = "0", paramLabel = "ID", description = "Mã văn bản (document id, as in /documents/ID).")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Lý do rút (why it is withdrawn).")
    String reason;

    @Option(names = "--undo", description = "Khôi phục văn bản đã rút (restore a withdrawn document).")
    boolean undo;

    @Override
    public Integer call() {
        if (undo == (reason != null)) {
            System.err.println("Cần đúng một trong --reason \"…\" hoặc --undo (give either --reason or --undo)");
            return 2;
        }
        AppConfig config = archive.toConfig(AppConfig.DEFAULT_HOST, AppConfig.DEFAULT_PORT);
        String who = UsersCommand.Verb.actor();
        Archive a;
        try {
            a = archive.open(config);
        } catch (IOException | RuntimeException e) {
            Optional<ServedPortal> portal = ServedPortal.find(config.dataDir());
            return portal.isPresent() ? handOver(portal.get(), config, who, e)
                    : archive.cannotWrite(config, e);
        }
        try (a) {
            Optional<Correction> done = a.corrections().withdraw(id, undo ? null : reason, who);
            if (done.isEmpty()) {
                return notFound(config);
            }
            a.security().audit().record(who, undo ? "restore" : "withdraw", id, undo ? "" : done.get().newValue());
            return done(done.get().newValue());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            return archive.cannotWrite(config, e);
        }
    }

    /**
     * The archive is being served (the index has one writer): the portal records the withdrawal through its local
     * channel, as its document page would, and this verb says what it did.
     */
    private int handOver(ServedPortal portal, AppConfig config, String who, Exception locked) {
        System.out.println(portal.handingOver(config.dataDir(), "giao cho cổng", "the portal records it"));
        try {
            ServedPortal.Withdrawal w = portal.withdraw(id, undo ? null : reason, who);
            if (w.status() == 404) {
                return notFound(config);
            }
            if (w.status() != 200) {
                System.err.println(w.refusal());
                return 1;
            }
            return done(w.value());
        } catch (ServedPortal.NotServing e) {
            return archive.cannotWrite(config, locked);
        } catch (IOException e) {
            System.err.println("Cổng không nhận (the portal refused): " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int done(String value) {
        System.out.println(undo ? "Đã khôi phục văn bản " + id + " (restored)"
                : "Đã rút văn bản " + id + " (withdrawn): " + value);
        return 0;
    }

    private int notFound(AppConfig config) {
        System.err.println("Không tìm thấy văn bản [" + id + "] trong kho " + archive.where(config)
                + " (no document with this id)");
        return 1;
    }

}
