package vn.archive.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.storage.AtomicFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of a whole archive folder as one zip, safe while the archive is being served and written.
 *
 * <p>The index part is one Lucene commit point: its files are write-once, so copying exactly the files the latest
 * commit names gives a consistent index even while the server's writer keeps committing; when the writer deletes
 * an older commit's file mid-copy, the copy starts again from the newer commit. Everything else (originals and
 * texts, which are content-addressed and written before the index commits them, corrections, accounts, the audit
 * log) is copied after the index, so every committed document finds its original. Append-only logs are cut at
 * their last complete line. A manifest records each file's SHA-256, and restore checks them all.
 *
 * <p>An archive whose index is a SolrCloud collection has no commit point on disk: its backup holds the collection's
 * documents as stored, one JSON a line, and restoring it builds an embedded index from them. A class over 300 lines:
 * backup and restore of both kinds share the manifest, the hashing and the staging, which belong together.
 */
public final class ArchiveBackup {
    /** The manifest entry of the zip. */
    public static final String MANIFEST = "manifest.json";
    private static final String INDEX = "index";
    /** Folders not part of an archive's state: uploads are transient copies of files being imported. */
    /**
     * Not backed up: the index (taken from its commit point instead), uploads in flight, the live sessions (a restore
     * logs everyone out) and the serving portal's announcement with its secret (written by {@code serve}).
     */
    private static final Set<String> SKIPPED = Set.of(INDEX, "uploads", Security.SESSIONS_FILE, "portal.json");
    /** The entry of a SolrCloud archive's backup that holds its documents, one JSON object a line. */
    public static final String COLLECTION_ENTRY = "collection.jsonl";
    private static final int ATTEMPTS = 20;
    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * What was written or restored.
     *
     * @param generation the Lucene commit generation of the index
     * @param files      number of files
     * @param bytes      their total size
     */
    public record Result(long generation, int files, long bytes) { }

    private ArchiveBackup() {
    }

    /** Writes a consistent snapshot of the archive folder to {@code out} (replaced atomically). */
    public static Result backup(Path dataDir, Path out) throws IOException {
        Path indexDir = dataDir.resolve(INDEX);
        if (!Files.isDirectory(indexDir)) {
            throw new IOException("Không có chỉ mục trong " + dataDir + "; kho dùng SolrCloud thì thêm --solr (no index "
                    + "folder: is this an archive? for one on SolrCloud, give --solr)");
        }
        return backup(dataDir, out, indexDir, null);
    }

    /**
     * Backs up an archive whose index is elsewhere (a SolrCloud collection): its documents as the index stores them
     * (metadata JSON with corrections applied, and text) into {@value #COLLECTION_ENTRY}, then every file of the data
     * folder as for the embedded index. Documents are read first and the files after, so every document finds its
     * original; a document committed while the backup runs may be in it or not (the collection has no commit point
     * to copy). {@link #restore} turns such a backup into an embedded archive.
     */
    public static Result backup(Path dataDir, Path out, ArchiveIndex collection, String collectionName)
            throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IOException("Không có thư mục kho " + dataDir + " (no archive folder)");
        }
        return backup(dataDir, out, null, new Collection(collection, collectionName));
    }

    private record Collection(ArchiveIndex index, String name) { }

    private static Result backup(Path dataDir, Path out, Path indexDir, Collection collection) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        for (int attempt = 1; ; attempt++) {
            Path part = Files.createTempFile(parent, out.getFileName().toString(), ".part");
            try {
                Result r = write(dataDir, indexDir, collection, part);
                AtomicFiles.move(part, out);
                return r;
            } catch (NoSuchFileException commitWentAway) {
                if (attempt >= ATTEMPTS) {
                    throw new IOException("The index kept changing during " + ATTEMPTS + " backup attempts", commitWentAway);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    private static Result write(Path dataDir, Path indexDir, Collection collection, Path part) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        long bytes = 0;
        long generation = 0;
        long documents = 0;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
            if (indexDir != null) {
                ArchiveIndex.Commit commit = LuceneIndex.lastCommit(indexDir);
                generation = commit.generation();
                for (String name : commit.files()) {
                    bytes += add(zip, INDEX + "/" + name, indexDir.resolve(name), false, hashes);
                }
            } else {
                Path lines = Files.createTempFile(part.getParent(), "collection", ".part");
                try {
                    long[] n = {0};
                    try (BufferedWriter w = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
                        collection.index().forEachDocument(d -> {
                            w.write(JSON.writeValueAsString(d));
                            w.write('\n');
                            n[0]++;
                        });
                    }
                    documents = n[0];
                    bytes += add(zip, COLLECTION_ENTRY, lines, false, hashes);
                } finally {
                    Files.deleteIfExists(lines);
                }
            }
            List<Path> rest = new ArrayList<>();
            try (Stream<Path> all = Files.walk(dataDir)) {
                all.filter(Files::isRegularFile).filter(p -> !skipped(dataDir.relativize(p))).sorted().forEach(rest::add);
            }
            for (Path p : rest) {
                String name = dataDir.relativize(p).toString().replace('\\', '/');
                try {
                    bytes += add(zip, name, p, appendOnly(name), hashes);
                } catch (NoSuchFileException removedMeanwhile) {
                    // a temporary or journal file finished and went away: it was not part of any committed state
                }
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("generation", generation);
            if (collection != null) {
                manifest.put("collection", collection.name());
                manifest.put("documents", documents);
            }
            manifest.put("files", hashes);
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        return new Result(generation, hashes.size(), bytes);
    }

    private static boolean skipped(Path relative) {
        String first = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        return SKIPPED.contains(first) || name.startsWith(AtomicFiles.TEMP_PREFIX) || name.endsWith(".tmp")
                || name.endsWith(".part") || name.equals("write.lock")
                || name.equals(UserStore.LOCK_FILE);
    }

    /** Logs that are only ever appended to: copy whole lines only, a line being written is not yet a fact. */
    private static boolean appendOnly(String name) {
        return name.endsWith(".jsonl") || name.endsWith(".log") || name.endsWith(".tsv");
    }

    private static long add(ZipOutputStream zip, String name, Path file, boolean wholeLines, Map<String, String> hashes)
            throws IOException {
        MessageDigest sha = sha256();
        long n;
        if (wholeLines) {
            byte[] all = Files.readAllBytes(file);
            int end = all.length;
            while (end > 0 && all[end - 1] != '\n') {
                end--;
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(all, 0, end);
            sha.update(all, 0, end);
            n = end;
        } else {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                zip.putNextEntry(new ZipEntry(name));
                n = in.transferTo(zip);
            }
        }
        zip.closeEntry();
        hashes.put(name, HexFormat.of().formatHex(sha.digest()));
        return n;
    }

    /**
     * Restores a backup into {@code dataDir}, which must not exist or be empty. Every file is checked against the
     * manifest's SHA-256 and every original against its content address before the folder appears.
     */
    public static Result restore(Path backup, Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> s = Files.list(dataDir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException("Thư mục đích " + dataDir + " không trống (target folder is not empty)");
                }
            }
        }
        Path target = dataDir.toAbsolutePath().normalize();
        Path staging = target.resolveSibling(target.getFileName() + ".restoring");
        deleteTree(staging);
        Files.createDirectories(staging);
        long bytes = 0;
        long generation;
        int files;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry m = zip.getEntry(MANIFEST);
            if (m == null) {
                throw new IOException("Không phải bản sao lưu: thiếu " + MANIFEST + " (not a backup: no manifest)");
            }
            Map<?, ?> manifest;
            try (InputStream in = zip.getInputStream(m)) {
                manifest = JSON.readValue(in, Map.class);
            }
            generation = ((Number) manifest.get("generation")).longValue();
            Map<?, ?> hashes = (Map<?, ?>) manifest.get("files");
            files = hashes.size();
            for (Map.Entry<?, ?> e : hashes.entrySet()) {
                String name = (String) e.getKey();
                Path to = staging.resolve(name).normalize();
                if (!to.startsWith(staging) || name.contains("\\")) {
                    throw new IOException("Bad entry name in backup: [" + name + "]");
                }
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new IOException("Backup is missing [" + name + "] listed in its manifest");
                }
                Files.createDirectories(to.getParent());
                MessageDigest sha = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha);
                     OutputStream os = Files.newOutputStream(to)) {
                    bytes += in.transferTo(os);
                }
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(e.getValue())) {
                    throw new IOException("Backup entry [" + name + "] is corrupt: SHA-256 " + actual + ", expected " + e.getValue());
                }
                if (name.startsWith("originals/") && !to.getFileName().toString().equals(actual)) {
                    throw new IOException("Original [" + name + "] does not match its content address");
                }
            }
            if (manifest.get("collection") != null) {
                generation = loadCollection(staging, ((Number) manifest.get("documents")).longValue());
            }
            long restored = LuceneIndex.lastCommit(staging.resolve(INDEX)).generation();
            if (restored != generation) {
                throw new IOException("Restored index is at commit " + restored + ", expected " + generation);
            }
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            AtomicFiles.move(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        return new Result(generation, files, bytes);
    }

    /**
     * Writes the documents of a SolrCloud archive's backup into an embedded index in the staging folder, checks
     * their number against the manifest's, and returns the index's commit generation.
     */
    private static long loadCollection(Path staging, long expected) throws IOException {
        Path lines = staging.resolve(COLLECTION_ENTRY);
        long n = 0;
        try (LuceneIndex index = LuceneIndex.open(staging.resolve(INDEX));
             BufferedReader in = Files.newBufferedReader(lines, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                index.upsert(JSON.readValue(line, ArchivedDocument.class));
                n++;
            }
            index.commit();
            if (n != expected || index.count() != expected) {
                throw new IOException("Backup holds " + n + " documents, the restored index " + index.count()
                        + ", its manifest says " + expected);
            }
        }
        Files.delete(lines);
        return LuceneIndex.lastCommit(staging.resolve(INDEX)).generation();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
