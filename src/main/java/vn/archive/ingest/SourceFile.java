package vn.archive.ingest;

/**
 * One file to import, already read into memory.
 *
 * @param path     where it came from, for the report ("in/a.zip!docs/b.pdf" for ZIP entries)
 * @param fileName its own name, used for type detection
 * @param bytes    its content
 */
public record SourceFile(String path, String fileName, byte[] bytes) {
}
