package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.FailureKind;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shelf of files holds more than documents: READMEs, licences, programs, scraps. None becomes a document. */
class NotADocumentIT {
    @TempDir
    Path temp;

    @Test
    void readmes_licences_programs_and_scraps_are_reported_as_not_documents_and_the_directive_is_imported()
            throws Exception {
        Path shelf = Files.createDirectories(temp.resolve("shelf"));
        Files.copy(TestCorpus.BAO_LOC, shelf.resolve("134-CV-ThU.txt"));
        Files.writeString(shelf.resolve("hello.txt"), "hello");
        String longText = Files.readString(TestCorpus.DON_DUONG);
        Files.writeString(shelf.resolve("README.md"), "# Thư mục quét năm 2020\n\n" + longText);
        Files.writeString(shelf.resolve("LICENSE"), "Permission is hereby granted, free of charge, to any person "
                + "obtaining a copy of this software and associated documentation files.");
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Arrays.fill(exe, 2, 60, (byte) 0x90);
        Files.write(shelf.resolve("setup.exe"), exe);
        byte[] elf = new byte[256];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Files.write(shelf.resolve("cong-cu"), elf);
        Files.write(shelf.resolve("ghi-chu.txt"), "Số 12 ngày 3/4".getBytes(StandardCharsets.UTF_8));

        Map<String, IngestOutcome> byName = importShelf(shelf, 1, "only the directive became a document");
        assertEquals(7, byName.size(), "every file has its outcome");
        assertEquals(IngestStatus.IMPORTED, byName.get("134-CV-ThU.txt").status());
        for (String name : List.of("hello.txt", "README.md", "LICENSE", "setup.exe", "cong-cu", "ghi-chu.txt")) {
            IngestOutcome o = byName.get(name);
            assertEquals(IngestStatus.FAILED, o.status(), name);
            assertEquals(FailureKind.NOT_A_DOCUMENT, o.failure(), name + ": " + o.reason());
        }
        assertTrue(byName.get("README.md").reason().contains("README"), byName.get("README.md").reason());
        assertTrue(byName.get("setup.exe").reason().contains("Tệp chương trình"), byName.get("setup.exe").reason());
        assertTrue(byName.get("hello.txt").reason().contains("Quá ít chữ"), byName.get("hello.txt").reason());
    }

    @Test
    void data_files_of_the_repository_are_reported_as_data_and_a_directive_saved_as_csv_is_imported() throws Exception {
        Path shelf = Files.createDirectories(temp.resolve("data-shelf"));
        Path real = Path.of("src/test/resources/real");
        Files.copy(real.resolve("gold.jsonl"), shelf.resolve("gold.jsonl"));
        Files.copy(real.resolve("001.txt"), shelf.resolve("001.txt"));
        Files.copy(Path.of("index-config/admin-units.tsv"), shelf.resolve("admin-units.tsv"));
        Files.copy(Path.of("src/main/resources/public/openapi.json"), shelf.resolve("openapi.json"));
        // the same table as a spreadsheet would export it: commas, and quotes around cells that hold one
        List<String> csv = Files.readAllLines(Path.of("index-config/issuers.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> Arrays.stream(l.split("\t", -1)).map(c -> c.contains(",") ? '"' + c + '"' : c)
                        .collect(Collectors.joining(",")))
                .toList();
        Files.write(shelf.resolve("issuers.csv"), csv, StandardCharsets.UTF_8);
        Files.copy(TestCorpus.BAO_LOC, shelf.resolve("van-ban-xuat-tu-bang-tinh.csv"));

        Map<String, IngestOutcome> byName = importShelf(shelf, 2,
                "the real directive and the one saved as .csv are documents");
        assertEquals(IngestStatus.IMPORTED, byName.get("001.txt").status());
        assertEquals(IngestStatus.IMPORTED, byName.get("van-ban-xuat-tu-bang-tinh.csv").status(),
                "a directive's text under a .csv name is not a table: "
                        + byName.get("van-ban-xuat-tu-bang-tinh.csv").reason());
        for (String name : List.of("gold.jsonl", "admin-units.tsv", "openapi.json", "issuers.csv")) {
            IngestOutcome o = byName.get(name);
            assertEquals(IngestStatus.FAILED, o.status(), name);
            assertEquals(FailureKind.NOT_A_DOCUMENT, o.failure(), name + ": " + o.reason());
            assertTrue(o.reason().startsWith("Tệp dữ liệu (."), name + ": " + o.reason());
        }
    }

    /** Imports the folder into a new archive, checks how many documents it holds, and gives each file's outcome. */
    private Map<String, IngestOutcome> importShelf(Path shelf, long documents, String why) throws Exception {
        List<IngestOutcome> outcomes = new ArrayList<>();
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data-" + shelf.getFileName())))) {
            archive.pipeline().run(List.of(shelf), outcomes::add);
            assertEquals(documents, archive.search().count(), why);
        }
        return outcomes.stream()
                .collect(Collectors.toMap(o -> Path.of(o.path()).getFileName().toString(), Function.identity()));
    }
}
