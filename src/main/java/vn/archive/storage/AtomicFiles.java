package vn.archive.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes through a temporary file in the target's folder, then a rename, so that a crash (even kill -9) leaves
 * either the old content or the new one under the target's name, never a mixture. The temporary file is forced to
 * disk before the rename and the folder after it, so that a power loss cannot leave the new name on an empty or
 * partly written file (the rename may be on disk before the data otherwise).
 */
public final class AtomicFiles {
    /** Prefix of the temporary files, so that a sweep after a crash can recognise them. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** Replaces the target's content with these bytes, atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), TEMP_PREFIX, "");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            rename(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames, atomically where the file system can, replacing the target. A regular file is forced to disk first, and
     * the target's folder after.
     */
    public static void move(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            try (FileChannel f = FileChannel.open(from, StandardOpenOption.WRITE)) {
                f.force(true);
            }
        }
        rename(from, to);
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(to.toAbsolutePath().getParent());
    }

    /**
     * Forces a folder's entries (the rename) to disk. POSIX systems allow opening a folder for this; Windows does
     * not, and there NTFS journals the rename itself, so the failure to open is ignored.
     */
    static void syncFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform
        }
    }
}
