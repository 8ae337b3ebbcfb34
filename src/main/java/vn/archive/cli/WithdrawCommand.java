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
 * command line, recorded in the same corrections trail and audit log (as {@code cli:<user>}).
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
        try (Archive a = archive.open(config)) {
            String who = UsersCommand.Verb.actor();
            Optional<Correction> done = a.corrections().withdraw(id, undo ? null : reason, who);
            if (done.isEmpty()) {
                System.err.println("Không tìm thấy văn bản [" + id + "] trong kho " + archive.where(config)
                        + " (no document with this id)");
                return 1;
            }
            a.security().audit().record(who, undo ? "restore" : "withdraw", id, undo ? "" : done.get().newValue());
            System.out.println(undo ? "Đã khôi phục văn bản " + id + " (restored)"
                    : "Đã rút văn bản " + id + " (withdrawn): " + done.get().newValue());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("Không ghi được vào kho " + archive.where(config) + ": " + e.getMessage()
                    + " (could not write the archive)");
            return 2;
        }
    }
}
