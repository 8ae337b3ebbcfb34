package vn.archive.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the portal accepts uploads: the importer to run, the folder where uploaded files wait for it, and the largest
 * request accepted.
 *
 * @param importer the import to run on uploaded files
 * @param folder   where each batch's files are written before the import reads them
 * @param maxBytes largest upload (all files of one request together)
 * @param localToken the secret the {@code import} verb on this machine presents to hand a batch to the serving
 *                   portal (see {@link LocalImports}), or null to refuse such hand-overs
 */
public record Uploads(Importer importer, Path folder, long maxBytes, String localToken) {
    /** The default upload limit: 200 MB, enough for a ZIP of a year's scans. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    /** Uploads through the portal only, no hand-over from the command line. */
    public Uploads(Importer importer, Path folder, long maxBytes) {
        this(importer, folder, maxBytes, null);
    }

    public Uploads {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(folder, "folder");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
    }
}
