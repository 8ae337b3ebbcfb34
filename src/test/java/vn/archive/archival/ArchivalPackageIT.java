package vn.archive.archival;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.curation.CorrectionStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A package exported from one archive and imported into an empty one gives an equal archive; a package with one
 * wrong checksum imports nothing and names the file; an export holds only what its clearance may see.
 */
class ArchivalPackageIT {
    private static Map<String, ArchivedDocument> all(Archive a) throws IOException {
        Map<String, ArchivedDocument> docs = new TreeMap<>();
        SearchService view = a.search().restrictedTo(Clearance.TUYET_MAT);
        view.export(SearchRequest.of(""), d -> docs.put(d.id(), d));
        return docs;
    }

    private static ArchivalPackage.Summary export(Archive a, Path data, Clearance c, Path out) throws IOException {
        return ArchivalPackage.export(a.search().restrictedTo(c), a.store(), new CorrectionStore(data), c,
                SearchRequest.of(""), null, out);
    }

    @Test
    void a_package_round_trips_into_an_equal_archive_and_a_bad_one_imports_nothing(@TempDir Path tmp) throws Exception {
        Path sourceData = tmp.resolve("source");
        Path pkg = tmp.resolve("out").resolve("package.zip");
        Path publicPkg = tmp.resolve("out").resolve("public.zip");
        Map<String, ArchivedDocument> source;
        try (Archive a = Archive.open(AppConfig.forData(sourceData))) {
            Path in = Files.createDirectories(tmp.resolve("in"));
            for (Path seed : List.of(TestCorpus.DON_DUONG, TestCorpus.TRIEU_PHONG, TestCorpus.BAO_LOC)) {
                Files.copy(seed, in.resolve(seed.getFileName()));
            }
            Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));
            a.pipeline().run(List.of(in), o -> { });
            source = all(a);
            assertEquals(4, source.size());
            List<String> ids = new ArrayList<>(source.keySet());
            a.corrections().correct(ids.get(0), "title", "Trích yếu đã hiệu đính", "Lan");
            a.corrections().correct(ids.get(1), "classification", "Mật", "Lan");
            source = all(a);

            ArchivalPackage.Summary full = export(a, sourceData, Clearance.TUYET_MAT, pkg);
            assertEquals(4, full.documents());
            assertEquals("Mật", full.highestClassification());
            ArchivalPackage.Summary open = export(a, sourceData, Clearance.NONE, publicPkg);
            assertEquals(3, open.documents(), "the secret document stays out of an export without clearance");
            assertEquals("Không mật", open.highestClassification());
            try (ZipFile z = new ZipFile(publicPkg.toFile())) {
                assertTrue(z.stream().noneMatch(e -> e.getName().contains(ids.get(1))), "nothing of it, not even a name");
                assertTrue(z.getEntry("METS.xml") != null && z.getEntry("checksums.sha256") != null);
            }
        }

        Path targetData = tmp.resolve("target");
        try (Archive b = Archive.open(AppConfig.forData(targetData))) {
            ArchivalPackage.importPackage(pkg, b.pipeline(), b.store(), new CorrectionStore(targetData),
                    targetData.resolve("uploads"));
            Map<String, ArchivedDocument> target = all(b);
            assertEquals(source.keySet(), target.keySet(), "same ids");
            for (String id : source.keySet()) {
                assertEquals(source.get(id).metadata(), target.get(id).metadata(), "same metadata after corrections: " + id);
                assertEquals(new CorrectionStore(sourceData).forDocument(id), new CorrectionStore(targetData).forDocument(id),
                        "same corrections trail: " + id);
                String sha = source.get(id).source().sha256();
                assertArrayEquals(Files.readAllBytes(sourceStore(sourceData, sha)),
                        Files.readAllBytes(b.store().original(sha).orElseThrow()), "original byte for byte: " + id);
            }
            assertEquals("Trích yếu đã hiệu đính", target.get(new ArrayList<>(source.keySet()).get(0)).metadata().title());
        }

        Path bad = tmp.resolve("out").resolve("bad.zip");
        String damaged = corruptOneOriginal(pkg, bad);
        Path emptyData = tmp.resolve("empty");
        try (Archive c = Archive.open(AppConfig.forData(emptyData))) {
            ArchivalPackage.InvalidPackage e = assertThrows(ArchivalPackage.InvalidPackage.class, () ->
                    ArchivalPackage.importPackage(bad, c.pipeline(), c.store(), new CorrectionStore(emptyData),
                            emptyData.resolve("uploads")));
            assertTrue(e.getMessage().contains(damaged), e.getMessage());
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
            assertEquals(0, all(c).size(), "nothing imported");
            assertTrue(new CorrectionStore(emptyData).all().isEmpty(), "no correction appended");
            assertFalse(Files.exists(emptyData.resolve(CorrectionStore.FILE)));
        }
    }

    private static Path sourceStore(Path data, String sha) throws IOException {
        return new vn.archive.storage.ContentStore(data).original(sha).orElseThrow();
    }

    /** Copies the package with one byte of its first original changed; answers that entry's name. */
    private static String corruptOneOriginal(Path from, Path to) throws IOException {
        String damaged = null;
        try (ZipFile z = new ZipFile(from.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : z.stream().toList()) {
                byte[] bytes;
                try (InputStream in = z.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (damaged == null && e.getName().startsWith("representations/original/")) {
                    bytes[bytes.length / 2] ^= 1;
                    damaged = e.getName();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return damaged;
    }
}
