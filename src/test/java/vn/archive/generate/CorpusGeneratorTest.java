package vn.archive.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.HeaderExtractor;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusGeneratorTest {
    private static final int DOCS = 1500;
    private static CorpusGenerator generator;
    private static List<GeneratedDocument> docs;

    @BeforeAll
    static void learn() throws IOException {
        Dictionaries dictionaries = Dictionaries.builtIn();
        generator = new CorpusGenerator(GeneratorData.load(null), TextModel.learn(TestCorpus.ROOT), dictionaries);
        docs = generator.documents(DOCS, 42);
    }

    @Test
    void the_same_seed_gives_byte_identical_files_and_another_seed_does_not(@TempDir Path a, @TempDir Path b,
                                                                             @TempDir Path c) throws IOException {
        generator.generate(300, 9, a);
        generator.generate(300, 9, b);
        generator.generate(300, 10, c);
        List<Path> files = files(a);
        assertEquals(301, files.size(), "300 texts and the manifest");
        assertEquals(files, files(b));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
        assertNotEquals(Files.readString(a.resolve("manifest.tsv")), Files.readString(c.resolve("manifest.tsv")));
    }

    @Test
    void every_header_is_read_back_by_the_archives_own_header_extractor() {
        HeaderExtractor header = new HeaderExtractor(Dictionaries.builtIn());
        Set<String> styles = new HashSet<>();
        int placesWithApostropheOrDash = 0;
        for (GeneratedDocument d : docs) {
            DocumentMetadata m = header.extract(d.text());
            String where = d.file() + " " + d.number();
            assertEquals(DocNumber.parse(d.number()).orElseThrow().key(),
                    DocNumber.parse(m.number()).orElseThrow().key(), where);
            assertEquals(d.kind(), m.kind(), where);
            assertEquals(d.date(), m.date(), where);
            assertEquals(d.place(), m.place(), where);
            if (!d.place().matches("[\\p{L}. ]+")) {
                placesWithApostropheOrDash++;
            }
            if (d.kind().equals("Công văn")) {
                assertEquals(d.title(), m.title(), where);
            }
            styles.add(d.text().contains("Số: ") ? "state" : "party");
        }
        assertEquals(Set.of("state", "party"), styles);
        // Ea H'leo, Cư M'gar, Phan Rang - Tháp Chàm, Bà Rịa - Vũng Tàu… are among the places read back
        assertTrue(placesWithApostropheOrDash > 0, "places with an apostrophe or a dash: " + placesWithApostropheOrDash);
        assertTrue(docs.stream().anyMatch(d -> d.number().matches("\\d+-CV/HU")), "Party letters read 374-CV/HU");
        assertTrue(docs.stream().anyMatch(d -> d.number().matches("\\d+/UBND-[A-Z]+")), "State letters read 123/UBND-VX");
    }

    @Test
    void every_generated_issuer_is_read_back_at_its_level_and_sector() {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());
        List<String> wrong = new java.util.ArrayList<>();
        for (GeneratedDocument d : docs) {
            DocumentMetadata m = extractor.extract(d.text());
            if (!d.level().equals(m.level()) || !d.sector().equals(m.sector())) {
                wrong.add(d.file() + " " + d.issuer() + ": " + d.level() + "/" + d.sector() + " read as " + m.issuer()
                        + ": " + m.level() + "/" + m.sector());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + docs.size() + ", e.g. " + wrong.stream().limit(8).toList());
    }

    @Test
    void citations_go_one_level_up_to_an_earlier_document_of_the_same_province() {
        Map<Integer, GeneratedDocument> byId = docs.stream().collect(Collectors.toMap(GeneratedDocument::id, d -> d));
        Map<String, String> above = Map.of("tỉnh", "trung ương", "huyện", "tỉnh");
        Map<Integer, Set<String>> implementersPlaces = new HashMap<>();
        int citing = 0;
        for (GeneratedDocument d : docs) {
            if (d.implementsId() < 0) {
                assertTrue(d.cites().isEmpty(), d.file());
                continue;
            }
            citing++;
            GeneratedDocument parent = byId.get(d.implementsId());
            assertEquals(above.get(d.level()), parent.level(), d.file());
            assertFalse(parent.date().isAfter(d.date()), d.file());
            assertEquals(parent.number(), d.cites().get(0), d.file());
            assertTrue(d.text().contains("số " + parent.number() + " ngày"), d.file());
            if (d.level().equals("huyện")) {
                String province = d.parentIssuer().replaceFirst("^.*?(tỉnh|thành phố) ", "");
                assertTrue(parent.issuer().endsWith(province), d.file() + " cites " + parent.issuer());
            }
            implementersPlaces.computeIfAbsent(parent.id(), k -> new HashSet<>()).add(d.place());
        }
        double share = citing / (double) docs.size();
        assertTrue(share > 0.3 && share < 0.7, "share of documents implementing another: " + share);
        int widest = implementersPlaces.values().stream().mapToInt(Set::size).max().orElse(0);
        assertTrue(widest >= 5, "the most implemented document is implemented in " + widest + " places");
    }

    @Test
    void provincial_directives_ask_their_districts_by_a_deadline_and_districts_answer_on_time_late_or_not_at_all() {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());
        Map<Integer, java.time.LocalDate> deadlines = new HashMap<>();
        int asking = 0;
        for (GeneratedDocument d : docs) {
            if (d.level().equals("tỉnh") && d.text().contains(" báo cáo kết quả về ")) {
                asking++;
                DocumentMetadata m = extractor.extract(d.text());
                assertEquals(1, m.deadlines().size(), d.file() + " " + m.deadlines());
                assertTrue(m.deadlines().get(0).isAfter(d.date()), d.file());
                deadlines.put(d.id(), m.deadlines().get(0));
            }
        }
        assertTrue(asking > DOCS / 10, "provincial directives with a deadline: " + asking);
        int onTime = 0;
        int late = 0;
        Set<Integer> answered = new HashSet<>();
        for (GeneratedDocument d : docs) {
            java.time.LocalDate due = deadlines.get(d.implementsId());
            if (d.level().equals("huyện") && due != null) {
                answered.add(d.implementsId());
                if (d.date().isAfter(due)) {
                    late++;
                } else {
                    onTime++;
                }
            }
        }
        assertTrue(onTime > 0 && late > 0, onTime + " answers on time, " + late + " late");
        assertTrue(answered.size() < deadlines.size(), "some directives have no answer at all");
    }

    @Test
    void issuers_cover_every_province_and_all_three_levels() {
        Set<String> levels = docs.stream().map(GeneratedDocument::level).collect(Collectors.toSet());
        assertEquals(Set.of("trung ương", "tỉnh", "huyện"), levels);
        Set<String> provinces = new HashSet<>();
        for (GeneratorData.Province p : GeneratorData.load(null).provinces()) {
            if (docs.stream().anyMatch(d -> d.issuer().endsWith(" " + p.name())
                    || d.parentIssuer() != null && d.parentIssuer().endsWith(" " + p.name()))) {
                provinces.add(p.name());
            }
        }
        assertEquals(63, GeneratorData.load(null).provinces().size());
        assertTrue(provinces.size() >= 60, "provinces with documents: " + provinces.size());
        long letters = docs.stream().filter(d -> d.kind().equals("Công văn")).count();
        assertTrue(letters > docs.size() / 5 && letters < docs.size() / 2, "letters: " + letters);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
