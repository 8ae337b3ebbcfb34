package vn.archive.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds saved in legacy encodings import as the same Unicode text, with a note, and are found like the originals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyImportIT {
    private static final Path SEEDS = Path.of("corpus/seeds");

    @TempDir
    static Path temp;
    private Archive archive;
    private final Map<String, IngestOutcome> byName = new HashMap<>();

    @BeforeAll
    void importFixtures() throws Exception {
        Path fixtures = RelevanceFixtures.write(temp.resolve("in"), SEEDS);
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        archive.pipeline().run(List.of(fixtures.resolve("legacy"), SEEDS), o -> byName.put(name(o.path()), o));
    }

    @AfterAll
    void close() throws Exception {
        archive.close();
    }

    @Test
    void every_legacy_txt_fixture_imports_as_the_original_text_with_a_conversion_note() throws Exception {
        int checked = 0;
        for (LegacyEncoding e : RelevanceFixtures.TXT_ENCODINGS) {
            try (var seeds = Files.list(SEEDS)) {
                for (Path seed : seeds.sorted().toList()) {
                    String name = e.name().toLowerCase(java.util.Locale.ROOT) + "/" + seed.getFileName();
                    ArchivedDocument d = imported(name);
                    assertEquals(List.of("Đã chuyển mã " + e.displayName() + " → Unicode"), conversionNotes(d), name);
                    assertEquals(LegacyFixtures.comparable(Files.readString(seed)),
                            LegacyFixtures.comparable(d.text()), name);
                    checked++;
                }
            }
        }
        assertEquals(9, checked);
    }

    @Test
    void a_vntime_word_document_and_a_vni_pdf_are_converted_too() throws Exception {
        ArchivedDocument docx = imported("tcvn3-docx/002_fa18a2e4ded8d877.docx");
        assertEquals(List.of("Đã chuyển mã TCVN3 → Unicode"), conversionNotes(docx));
        assertTrue(docx.text().contains("phong trào thi đua “Dân vận khéo”"), docx.text());
        ArchivedDocument pdf = imported("vni-pdf/003_4653ab8526411b1c.pdf");
        assertEquals(List.of("Đã chuyển mã VNI-Windows → Unicode"), conversionNotes(pdf));
        assertTrue(pdf.text().contains("Thành ủy") || pdf.text().contains("THÀNH ỦY"), pdf.text());
    }

    @Test
    void converted_documents_get_the_metadata_of_the_original() throws Exception {
        for (String name : List.of("tcvn3/002_fa18a2e4ded8d877.txt", "vni/002_fa18a2e4ded8d877.txt",
                "viscii/002_fa18a2e4ded8d877.txt")) {
            ArchivedDocument d = imported(name);
            assertEquals("374-CV/HU", d.metadata().number(), name);
            assertEquals("Triệu Phong", d.metadata().place(), name);
        }
    }

    @Test
    void legacy_copies_are_found_by_the_queries_that_find_the_originals() throws Exception {
        for (String q : List.of("dan van kheo", "Dân vận khéo", "nông thôn mới kiểu mẫu", "Thành ủy Bảo Lộc")) {
            List<String> names = new ArrayList<>();
            for (SearchHit h : archive.search().search(new SearchRequest(q, Map.of(), null, null,
                    SearchRequest.Sort.RELEVANCE, 1, 50)).hits()) {
                // a hit is a directive: the legacy copies are renditions of the original behind it
                for (ArchivedDocument rendition : archive.search().renditions(h.id())) {
                    byName.values().stream().filter(o -> rendition.id().equals(o.documentId()))
                            .forEach(o -> names.add(name(o.path())));
                }
            }
            List<String> originals = names.stream().filter(n -> !n.contains("/")).toList();
            assertTrue(!originals.isEmpty(), q);
            for (String original : originals) {
                for (LegacyEncoding e : RelevanceFixtures.TXT_ENCODINGS) {
                    String copy = e.name().toLowerCase(java.util.Locale.ROOT) + "/" + original;
                    assertTrue(names.contains(copy), q + ": " + copy + " missing from " + names);
                }
            }
        }
    }

    /** The notes about encoding conversion (other stages add their own notes, e.g. near-duplicate groups). */
    private static List<String> conversionNotes(ArchivedDocument d) {
        return d.notes().stream().filter(n -> n.startsWith("Đã chuyển mã")).toList();
    }

    @Test
    void a_windows_1258_text_file_with_combining_tone_marks_imports_as_composed_unicode() throws Exception {
        String original = Files.readString(SEEDS.resolve("001_cc016d0e568e5fa8.txt"));
        byte[] bytes = LegacyFixtures.txt(original, LegacyEncoding.WINDOWS_1258);
        Path file = Files.createDirectories(temp.resolve("cp1258")).resolve("don-duong.txt");
        Files.write(file, bytes);
        List<IngestOutcome> outcomes = new ArrayList<>();
        archive.pipeline().run(List.of(file), outcomes::add);
        IngestOutcome o = outcomes.get(0);
        assertEquals(IngestStatus.IMPORTED, o.status(), o.reason());
        ArchivedDocument d = archive.search().document(o.documentId()).orElseThrow();
        assertEquals(List.of("Đã chuyển mã Windows-1258 → Unicode"), conversionNotes(d));
        assertEquals(LegacyFixtures.comparable(original), LegacyFixtures.comparable(d.text()));
        assertTrue(d.text().contains("Đơn Dương"), "composed (NFC) letters");
    }

    @Test
    void unicode_originals_carry_no_conversion_note() throws Exception {
        try (var seeds = Files.list(SEEDS)) {
            for (Path seed : seeds.toList()) {
                assertEquals(List.of(), conversionNotes(imported(seed.getFileName().toString())));
            }
        }
    }

    private ArchivedDocument imported(String name) throws Exception {
        IngestOutcome o = byName.get(name);
        assertTrue(o != null, name + " not seen; seen: " + byName.keySet());
        assertEquals(IngestStatus.IMPORTED, o.status(), name + ": " + o.reason());
        return archive.search().document(o.documentId()).orElseThrow();
    }

    /** "…/legacy/tcvn3/002.txt" → "tcvn3/002.txt"; "…/seeds/002.txt" → "002.txt". */
    private static String name(String path) {
        String p = path.replace('\\', '/');
        int legacy = p.indexOf("/legacy/");
        return legacy >= 0 ? p.substring(legacy + "/legacy/".length()) : p.substring(p.lastIndexOf('/') + 1);
    }
}
