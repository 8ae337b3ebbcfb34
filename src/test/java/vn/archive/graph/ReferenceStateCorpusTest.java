package vn.archive.graph;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.archive.TestCorpus;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.DocNumber;
import vn.archive.model.Relation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Căn cứ" chains of the state corpus against a hand-checked list of (citing file, cited file) pairs
 * (src/test/resources/refs/can-cu-pairs.tsv): at least 95% must resolve, and no "Căn cứ" citation may link to
 * a document the list does not name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceStateCorpusTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();
    private final Map<String, String> texts = new HashMap<>();
    private ReferenceSnapshot snapshot;
    private Set<String> gold;

    @BeforeAll
    void extractCorpus() throws IOException {
        MetadataExtractor extractor = new MetadataExtractor(DICT);
        List<ReferenceSnapshot.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(TestCorpus.ROOT.resolve("state")), Files.list(TestCorpus.SEEDS))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String id = f.getFileName().toString();
                texts.put(id, text);
                entries.add(ReferenceSnapshot.entry(id, extractor.extract(text), () -> text, DICT));
            }
        }
        snapshot = ReferenceSnapshot.of(entries, DICT);
        gold = new LinkedHashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/refs/can-cu-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    gold.add(cols[0] + " -> " + cols[1]);
                }
            }
        }
    }

    /** (citing → cited) pairs of resolved citations made after "Căn cứ" on their line. */
    private Set<String> resolvedCanCu() {
        Set<String> out = new TreeSet<>();
        for (ReferenceSnapshot.Entry e : snapshot.entries()) {
            for (ReferenceSnapshot.Edge edge : snapshot.outgoing(e.id())) {
                if (edge.targetId() != null && onCanCuLine(texts.get(e.id()), edge.reference().start())) {
                    out.add(e.id() + " -> " + edge.targetId());
                }
            }
        }
        return out;
    }

    private static boolean onCanCuLine(String text, int pos) {
        int start = text.lastIndexOf('\n', pos) + 1;
        // flattened headers put the title and the "Căn cứ" lines on one line: look back within the line
        return text.substring(start, pos).contains("Căn cứ");
    }

    @Test
    void at_least_95_percent_of_can_cu_references_with_a_target_in_the_corpus_resolve() {
        Set<String> resolved = resolvedCanCu();
        long hits = gold.stream().filter(resolved::contains).count();
        double rate = 100.0 * hits / gold.size();
        System.out.printf("Căn cứ resolution on corpus/state: %d of %d hand-checked pairs resolve (%.1f%%)%n",
                hits, gold.size(), rate);
        gold.stream().filter(p -> !resolved.contains(p)).forEach(p -> System.out.println("  not resolved: " + p));
        assertTrue(rate >= 95.0, "rate " + rate);
    }

    @Test
    void no_can_cu_reference_links_to_a_document_it_does_not_name() {
        Set<String> wrong = new TreeSet<>(resolvedCanCu());
        wrong.removeAll(gold);
        assertEquals(Set.of(), wrong);
    }

    @Test
    void every_numbered_link_in_the_corpus_joins_equal_numbers() {
        for (ReferenceSnapshot.Entry e : snapshot.entries()) {
            for (ReferenceSnapshot.Edge edge : snapshot.outgoing(e.id())) {
                if (edge.targetId() != null && edge.reference().number() != null) {
                    String cited = DocNumber.parse(edge.reference().number()).orElseThrow().key();
                    String target = DocNumber.parse(snapshot.entry(edge.targetId()).orElseThrow().metadata().number())
                            .orElseThrow().key();
                    assertEquals(cited, target, e.id() + " → " + edge.targetId());
                }
            }
        }
    }

    @Test
    void the_seeds_cite_placeholders_qualified_by_their_own_province_and_district() {
        List<ReferenceSnapshot.Edge> baoLoc = snapshot.outgoing("003_4653ab8526411b1c.txt");
        assertEquals(List.of("num:352/CV-TU@LAM DONG"), baoLoc.stream().map(ReferenceSnapshot.Edge::target).toList());
        assertEquals(Relation.IMPLEMENTS, baoLoc.get(0).reference().relation());
        Set<String> donDuong = new TreeSet<>();
        snapshot.outgoing("001_cc016d0e568e5fa8.txt").forEach(e -> donDuong.add(e.target()));
        assertTrue(donDuong.contains("num:75/KH-BDVTU@LAM DONG"), donDuong::toString);
        assertTrue(donDuong.contains("num:13/NQ-HU@LAM DONG/DON DUONG"), donDuong::toString);
    }
}
