package vn.archive.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.config.AppConfig;
import vn.archive.security.ArchiveBackup;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code restore FILE --data DIR}: restores a backup into an empty folder, checking every file's SHA-256. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Khôi phục kho từ tệp sao lưu vào một thư mục trống; kiểm tra SHA-256 của từng tệp.",
                "Restores a backup into an empty folder, verifying every file."})
public final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Backup file written by 'backup'.")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder to restore into, empty or absent (default: ./data).")
    Path data = AppConfig.DEFAULT_DATA;

    @Override
    public Integer call() throws Exception {
        ArchiveBackup.Result r = ArchiveBackup.restore(backup, data);
        System.out.println("Đã khôi phục " + r.files() + " tệp (" + r.bytes() + " byte, chỉ mục ở lần ghi "
                + r.generation() + ") vào " + data);
        return 0;
    }
}
