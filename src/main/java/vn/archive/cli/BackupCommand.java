package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.archive.config.AppConfig;
import vn.archive.security.ArchiveBackup;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup --data DIR --out FILE}: a consistent snapshot of the archive, also while it is being served. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Sao lưu toàn bộ kho (chỉ mục, bản gốc, hiệu đính, tài khoản, nhật ký) vào một tệp zip.",
                "Backs up the whole archive to one zip; safe while the portal serves and imports."})
public final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Archive folder (default: ./data).")
    Path data = AppConfig.DEFAULT_DATA;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Backup file to write (.zip).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ArchiveBackup.Result r = ArchiveBackup.backup(data, out);
        System.out.println("Đã sao lưu " + r.files() + " tệp (" + r.bytes() + " byte, chỉ mục ở lần ghi " + r.generation()
                + ") vào " + out);
        return 0;
    }
}
