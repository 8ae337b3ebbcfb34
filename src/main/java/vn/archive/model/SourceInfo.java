package vn.archive.model;

import java.util.List;

/**
 * Where a document came from: its original file, stored content-addressed by SHA-256.
 *
 * @param filename  the file name it was first imported under
 * @param sha256    hex SHA-256 of the original bytes
 * @param mediaType detected media type
 * @param ocr       whether the text came from OCR
 * @param size      size of the original in bytes
 * @param paths     every path the same bytes were imported from
 */
public record SourceInfo(String filename, String sha256, String mediaType, boolean ocr, long size, List<String> paths) {
    public SourceInfo {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
}
