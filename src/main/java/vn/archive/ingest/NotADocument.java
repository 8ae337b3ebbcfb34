package vn.archive.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files that reach an import but are not documents: a folder's README or licence, a program, a few bytes of text.
 * Each is reported with the reason (kind "không phải văn bản") instead of becoming a document nobody wants.
 */
final class NotADocument {
    /** Fewer letters than this is not a directive, whatever its format ("hello", a stray caption). */
    static final int MIN_LETTERS = 20;
    /** Names of the files that describe a folder rather than belong to the archive, with or without extension. */
    private static final Set<String> FOLDER_FILES = Set.of("readme", "license", "licence", "copying", "changelog",
            "changes", "notice", "authors", "contributing");
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}$");

    private NotADocument() {
    }

    /** A folder's README, licence or change log, by its name. */
    static Optional<String> byName(String fileName) {
        String base = EXTENSION.matcher(fileName.toLowerCase(Locale.ROOT)).replaceFirst("");
        return FOLDER_FILES.contains(base)
                ? Optional.of("Tệp mô tả thư mục (README, giấy phép…), không phải văn bản chỉ đạo"
                        + " (a folder's README or licence file)")
                : Optional.empty();
    }

    /** A program (Windows, Linux or macOS executable or library), by its first bytes. */
    static Optional<String> byBytes(byte[] b) {
        boolean windows = b.length >= 2 && b[0] == 'M' && b[1] == 'Z';
        boolean elf = b.length >= 4 && b[0] == 0x7F && b[1] == 'E' && b[2] == 'L' && b[3] == 'F';
        boolean machO = b.length >= 4 && (b[0] & 0xFF) == 0xCF && (b[1] & 0xFF) == 0xFA && (b[2] & 0xFF) == 0xED
                && (b[3] & 0xFF) == 0xFE;
        return windows || elf || machO
                ? Optional.of("Tệp chương trình, không phải văn bản (an executable program)")
                : Optional.empty();
    }

    /** Too little text to be a document (an empty or near-empty extraction included). */
    static Optional<String> byText(String text) {
        long letters = text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count();
        if (letters >= MIN_LETTERS) {
            return Optional.empty();
        }
        return Optional.of(letters == 0 ? "Tệp không có nội dung văn bản (no text)"
                : "Quá ít chữ để là một văn bản (" + letters + " chữ cái; too little text to be a document)");
    }
}
