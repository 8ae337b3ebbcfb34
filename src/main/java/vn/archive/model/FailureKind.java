package vn.archive.model;

/**
 * Why a file failed, in kinds a program can act on (after ICIJ extract's {@code FAILURE_NOT_FOUND},
 * {@code FAILURE_NOT_DECRYPTED}, {@code FAILURE_NOT_PARSED}): the report shows the kind next to the reason, and
 * {@code import --retry-failed} tries again only the kinds that a second try can fix, or files whose content changed.
 */
public enum FailureKind {
    /** The path does not exist (any more). */
    NOT_FOUND("không tìm thấy", "not found", true),
    /** The file or folder could not be read (permissions, I/O error). */
    UNREADABLE("không đọc được", "unreadable", true),
    /** Protected by a password. */
    ENCRYPTED("có mật khẩu", "encrypted", false),
    /** Read, but its format is broken. */
    UNPARSABLE("hỏng định dạng", "unparsable", false),
    /** A format the archive does not read (RAR). */
    UNSUPPORTED("định dạng không hỗ trợ", "unsupported format", false),
    /** Took longer than its deadline (Tika per file, Tesseract per page). */
    TIMEOUT("quá thời gian", "timeout", true),
    /** Ran out of memory, or crashed the extraction process. */
    OUT_OF_MEMORY("hết bộ nhớ", "out of memory", true),
    /** Over the size limit ({@code --max-file-mb}, which a retry may raise), a ZIP bomb, or ZIPs nested too deep. */
    TOO_LARGE("quá lớn", "too large", true),
    /** Empty, binary data named as text, or a file with no text at all. */
    NOT_A_DOCUMENT("không phải văn bản", "not a document", false),
    /** Anything else: a defect of the archive, worth another try after it is fixed. */
    INTERNAL("lỗi hệ thống", "internal error", true);

    private final String vietnamese;
    private final String english;
    private final boolean retryable;

    FailureKind(String vietnamese, String english, boolean retryable) {
        this.vietnamese = vietnamese;
        this.english = english;
        this.retryable = retryable;
    }

    /** Whether the same bytes may import on a second try (a timeout on a busy machine, a file that was locked…). */
    public boolean retryable() {
        return retryable;
    }

    /** "quá thời gian (timeout)": Vietnamese first, English after, for reports and the terminal. */
    public String label() {
        return vietnamese + " (" + english + ")";
    }
}
