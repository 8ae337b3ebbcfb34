package vn.archive.cli;

import picocli.CommandLine;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * How every verb answers bad input: one line naming the file and the reason, in Vietnamese and English, never a
 * stack trace (set {@code -Darchive.debug=true} to see one). Verbs about single files call {@link #line}; anything
 * that escapes a verb reaches {@link #handler()}, which prints the same kind of line and exits 1.
 */
public final class BadInput {
    private BadInput() {
    }

    /** The exit code of a verb whose input or archive could not be read or written. */
    public static final int EXIT = 1;

    /** {@code "/x.pdf: không tìm thấy tệp (file not found)"}: the file the failure is about, and why. */
    public static String line(Path file, Throwable failure) {
        Throwable e = unwrap(failure);
        String about = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile()
                : file == null ? null : file.toString();
        String reason = reason(e, file);
        return about == null ? reason : about + ": " + reason;
    }

    /** Why, in words an officer reads: the kind of failure, not the exception's class. */
    static String reason(Throwable failure, Path file) {
        Throwable e = unwrap(failure);
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException && file != null
                && !Files.exists(file)) {
            return "không tìm thấy tệp (file not found)";
        }
        if (e instanceof AccessDeniedException) {
            return "không có quyền đọc hoặc ghi (permission denied)";
        }
        if (e instanceof NotDirectoryException) {
            return "không phải thư mục (not a folder)";
        }
        if (file != null && Files.isDirectory(file) && e instanceof IOException) {
            return "là một thư mục, cần một tệp (a folder where a file is expected)";
        }
        if (e instanceof CharacterCodingException) {
            return "không phải văn bản UTF-8 hợp lệ, có thể tệp bị cắt hoặc dùng bảng mã khác"
                    + " (not valid UTF-8: the file may be cut short or in another encoding)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return "lỗi đọc/ghi tệp (" + fs.getReason() + ")";
        }
        if (e instanceof OutOfMemoryError) {
            return "không đủ bộ nhớ (out of memory)";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || file != null && message.equals(file.toString())) {
            return "lỗi " + e.getClass().getSimpleName();
        }
        return message;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The handler of anything a verb throws: one clear line on stderr and exit code 1. */
    public static CommandLine.IExecutionExceptionHandler handler() {
        return (e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (Boolean.getBoolean("archive.debug")) {
                e.printStackTrace(err);
            }
            err.println(commandLine.getCommandName() + ": " + line(null, e));
            err.flush();
            return EXIT;
        };
    }
}
