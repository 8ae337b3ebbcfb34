package vn.archive.archival;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.archive.config.Json;
import vn.archive.curation.Correction;
import vn.archive.curation.CorrectionStore;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.IngestReport;
import vn.archive.meta.ArchivalMapping;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.storage.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Archival packages for handing documents from one archive to another, in the layout of E-ARK CSIP 2.0 on which the
 * annexes of Thông tư 05/2025/TT-BNV are based: a root {@code METS.xml} listing every file with its SHA-256,
 * {@code metadata/descriptive/} (each document's metadata, and its Thông tư elements), {@code metadata/preservation/}
 * (the corrections trail), {@code representations/original/data/} (the originals, byte for byte) and
 * {@code representations/pdfa/data/} (the PDF/A renditions of scans), plus {@code checksums.sha256} and
 * {@code package.json} (what is inside, and the highest classification it holds).
 *
 * <p>Export writes only what the given view may see. Import checks every checksum before it writes anything, then
 * appends the corrections the archive lacks and imports the originals, so the documents get the same ids (ids are
 * content addresses) and, with the corrections replayed, the same metadata.
 */
public final class ArchivalPackage {
    /** The profile written in METS and package.json, so a package of another kind is recognized as such. */
    public static final String PROFILE = "vn.archive/csip-tt05-2025";
    static final String METS = "METS.xml";
    static final String CHECKSUMS = "checksums.sha256";
    static final String INFO = "package.json";
    static final String CORRECTIONS = "metadata/preservation/corrections.jsonl";
    private static final ObjectMapper JSON = Json.MAPPER;

    private ArchivalPackage() {
    }

    /** What a package holds: document count, the highest classification among them, files written, the ids. */
    public record Summary(int documents, Clearance highest, int files, List<String> ids) {
        /** The highest classification's Vietnamese name ("Không mật", "Mật"…). */
        public String highestClassification() {
            return highest.label();
        }
    }

    /**
     * What the archivist says of the file (hồ sơ) the package's documents make: its code, title and retention
     * period, each null when not given (the archive cannot derive them).
     */
    public record FileLabel(String code, String title, String retention) {
        public static final FileLabel NONE = new FileLabel(null, null, null);
    }

    /** A package that fails its checks; the message names the file. */
    public static final class InvalidPackage extends IOException {
        InvalidPackage(String message) {
            super(message);
        }
    }

    /**
     * Writes the selected documents that {@code view} may see as a package.
     *
     * @param view        the archive as the exporting user sees it ({@link SearchService#restrictedTo})
     * @param selection   a search (all its hits), or null with {@code ids}
     * @param ids         document ids, or null for the search's hits
     */
    public static Summary export(SearchService view, ContentStore store, CorrectionStore corrections, Clearance clearance,
                                 SearchRequest selection, List<String> ids, Path out) throws IOException {
        return export(view, store, corrections, clearance, selection, ids, FileLabel.NONE, out);
    }

    /** As {@link #export(SearchService, ContentStore, CorrectionStore, Clearance, SearchRequest, List, Path)}, with
     * what the archivist says of the file the documents make. */
    public static Summary export(SearchService view, ContentStore store, CorrectionStore corrections, Clearance clearance,
                                 SearchRequest selection, List<String> ids, FileLabel label, Path out)
            throws IOException {
        List<ArchivedDocument> docs = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                view.document(id).ifPresent(docs::add);
            }
        } else {
            view.export(Objects.requireNonNull(selection, "selection"), docs::add);
        }
        docs.sort(Comparator.comparing(ArchivedDocument::id));
        Set<String> exported = new HashSet<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> originals = new ArrayList<>();
        Map<String, Instant> renditions = new LinkedHashMap<>();
        Map<String, Integer> pages = new HashMap<>();
        Clearance highest = Clearance.NONE;
        for (ArchivedDocument d : docs) {
            exported.add(d.id());
            Clearance c = Clearance.ofClassification(d.metadata().classification());
            highest = c.ordinal() > highest.ordinal() ? c : highest;
            Path original = store.original(d.source().sha256()).orElseThrow(() ->
                    new IOException("Bản gốc của " + d.id() + " không có trong kho (original missing)"));
            String originalPath = "representations/original/data/" + d.id() + "/" + safeName(d.source().filename());
            originals.add(originalPath);
            files.put(originalPath, Files.readAllBytes(original));
            Optional<Path> pdfa = store.pdfa(d.source().sha256());
            if (pdfa.isPresent()) {
                renditions.put(d.id(), Files.getLastModifiedTime(pdfa.get()).toInstant());
                files.put("representations/pdfa/data/" + d.id() + ".pdf", Files.readAllBytes(pdfa.get()));
            }
            files.put("metadata/descriptive/" + d.id() + ".json", JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new ArchivedDocument(d.id(), d.metadata(), d.source(), null, d.notes())));
            Integer count = PageCount.of(store, d);
            if (count != null) {
                pages.put(d.id(), count);
            }
            files.put("metadata/descriptive/" + d.id() + "-tt05.xml", DescriptiveXml.of(d, count));
        }
        List<ArchivalMapping.Element> file = ArchivalMapping.current().fileElements(docs, pages, label.code(),
                label.title(), label.retention(), false);
        files.put(FileXml.TT05, FileXml.tt05(file));
        files.put(FileXml.EAD, FileXml.ead(file, docs, originals));
        StringBuilder trail = new StringBuilder();
        List<Correction> exportedCorrections = new ArrayList<>();
        for (Correction c : corrections.all()) {
            if (exported.contains(c.documentId())) {
                trail.append(JSON.writeValueAsString(c)).append('\n');
                exportedCorrections.add(c);
            }
        }
        files.put(CORRECTIONS, trail.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, String> representationSums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> representationSums.put(name, ContentStore.sha256(bytes)));
        files.put(PremisXml.PATH, PremisXml.of(files, representationSums, docs, exportedCorrections, renditions));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("profile", PROFILE);
        info.put("created", Instant.now().toString());
        info.put("documents", docs.size());
        info.put("highestClassification", highest.label());
        info.put("exportedWithClearance", clearance.label());
        info.put("ids", docs.stream().map(ArchivedDocument::id).toList());
        files.put(INFO, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sums.put(name, ContentStore.sha256(bytes)));
        files.put(METS, MetsXml.of(files, sums, docs.size(), highest.label()));
        sums.put(METS, ContentStore.sha256(files.get(METS)));
        StringBuilder list = new StringBuilder();
        sums.forEach((name, sha) -> list.append(sha).append("  ").append(name).append('\n'));
        files.put(CHECKSUMS, list.toString().getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(out.toAbsolutePath(), zipped.toByteArray());
        return new Summary(docs.size(), highest, files.size(), docs.stream().map(ArchivedDocument::id).toList());
    }

    /** Whether a ZIP is a package of this archive (a root METS.xml and checksums list), not a ZIP of files. */
    public static boolean isPackage(Path zip) {
        if (!Files.isRegularFile(zip) || !zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return false;
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getEntry(METS) != null && z.getEntry(CHECKSUMS) != null && z.getEntry(INFO) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a package into the archive: every checksum is checked first (a wrong or missing one imports nothing and
     * names the file), then the corrections the archive lacks are appended and the originals imported.
     */
    public static IngestReport importPackage(Path zip, IngestPipeline pipeline, ContentStore store,
                                             CorrectionStore corrections, Path workDir) throws IOException {
        Map<String, byte[]> files = verified(zip);
        List<Correction> have = corrections.all();
        String trail = new String(files.getOrDefault(CORRECTIONS, new byte[0]), StandardCharsets.UTF_8);
        for (String line : trail.split("\n")) {
            if (!line.isBlank()) {
                Correction c = JSON.readValue(line, Correction.class);
                if (!have.contains(c)) {
                    corrections.append(c);
                }
            }
        }
        Path dir = Files.createDirectories(workDir).resolve("package-" + ContentStore.sha256(
                zip.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12));
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().startsWith("representations/original/data/")) {
                    Path target = dir.resolve(f.getKey().substring("representations/original/data/".length()))
                            .normalize();
                    if (!target.startsWith(dir)) {
                        throw new InvalidPackage("Đường dẫn ra ngoài gói: " + f.getKey());
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.getValue());
                }
            }
            IngestReport report = pipeline.run(List.of(dir), o -> { });
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().startsWith("representations/pdfa/data/")) {
                    String id = f.getKey().substring("representations/pdfa/data/".length()).replace(".pdf", "");
                    ArchivedDocument d = JSON.readValue(files.get("metadata/descriptive/" + id + ".json"),
                            ArchivedDocument.class);
                    store.putPdfa(d.source().sha256(), f.getValue());
                }
            }
            return report;
        } finally {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Every entry of the package, after checking each against checksums.sha256 (and none unlisted). */
    static Map<String, byte[]> verified(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> !e.isDirectory()).toList()) {
                try (InputStream in = z.getInputStream(e)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        byte[] list = files.get(CHECKSUMS);
        if (list == null || !files.containsKey(METS)) {
            throw new InvalidPackage("Không phải gói lưu trữ: thiếu " + (list == null ? CHECKSUMS : METS));
        }
        Set<String> listed = new HashSet<>();
        for (String line : new String(list, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep != 64) {
                throw new InvalidPackage("Dòng hỏng trong " + CHECKSUMS + ": " + line);
            }
            String name = line.substring(sep + 2);
            listed.add(name);
            byte[] bytes = files.get(name);
            if (bytes == null) {
                throw new InvalidPackage("Thiếu tệp trong gói (missing file): " + name);
            }
            if (!ContentStore.sha256(bytes).equals(line.substring(0, sep))) {
                throw new InvalidPackage("Sai tổng kiểm SHA-256 (checksum mismatch): " + name);
            }
        }
        for (String name : files.keySet()) {
            if (!name.equals(CHECKSUMS) && !listed.contains(name)) {
                throw new InvalidPackage("Tệp không có trong danh sách tổng kiểm (unlisted file): " + name);
            }
        }
        return files;
    }

    /** A file name kept to its last path element, without control characters. */
    private static String safeName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "original" : base;
    }
}
