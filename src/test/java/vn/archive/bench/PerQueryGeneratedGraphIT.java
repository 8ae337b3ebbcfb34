package vn.archive.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Reference;
import vn.archive.search.LuceneReferenceGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a generated corpus of a few thousand documents, where Party and State numbers restart every year in every
 * province (1-KH/TU in many provinces, 3-KH/HU in many districts), the per-query graph gives the tree of every
 * number, and the citations of every document, that the whole-archive snapshot gives: the shared numbers are those
 * whose trees the per-query graph once read node by node, and those its batched reads must not change.
 */
@Tag("slow")
class PerQueryGeneratedGraphIT {
    private static final int DOCS = 3_000;
    private static Path dir;
    private static LuceneIndex index;
    private static List<ArchivedDocument> documents;
    private static ReferenceGraph perQuery;
    private static ReferenceGraph snapshot;

    @BeforeAll
    static void indexGeneratedCorpus() throws IOException {
        dir = Files.createTempDirectory("per-query-generated");
        index = GeneratedCorpus.indexed(dir.resolve("index"), DOCS, 7);
        documents = GraphHeapBench.documents(index);
        perQuery = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
        snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void every_number_gives_the_same_tree_as_the_snapshot_shared_numbers_included() throws IOException {
        Map<String, Integer> bearers = new HashMap<>();
        Set<String> numbers = new TreeSet<>();
        for (ArchivedDocument d : documents) {
            if (d.metadata().number() != null) {
                numbers.add(d.metadata().number());
                bearers.merge(d.metadata().number(), 1, Integer::sum);
            }
            d.metadata().references().stream().map(Reference::number).filter(n -> n != null).forEach(numbers::add);
        }
        int shared = 0;
        int sharedTreeNodes = 0;
        for (String number : numbers) {
            var expected = snapshot.implementations(number);
            assertEquals(expected, perQuery.implementations(number), number);
            assertEquals(snapshot.implementations(number, 50), perQuery.implementations(number, 50), number + " cut at 50");
            if (bearers.getOrDefault(number, 0) > 1 && expected.isPresent()) {
                shared++;
                sharedTreeNodes += expected.get().size();
            }
        }
        assertTrue(shared > 20, "many generated numbers are borne by several documents, was " + shared);
        assertTrue(sharedTreeNodes > 10 * shared, "their trees hold the namesakes and what cites them, was "
                + sharedTreeNodes + " nodes in " + shared + " trees");
    }

    @Test
    void every_fourth_document_has_the_same_citations_and_cited_by_as_in_the_snapshot() throws IOException {
        int linked = 0;
        for (int i = 0; i < documents.size(); i += 4) {
            ArchivedDocument d = documents.get(i);
            assertEquals(snapshot.cites(d.id()), perQuery.cites(d.id()), d.id());
            List<ReferenceGraph.Citation> citedBy = snapshot.citedBy(d.id());
            assertEquals(citedBy, perQuery.citedBy(d.id()), d.id());
            linked += citedBy.isEmpty() ? 0 : 1;
        }
        assertTrue(linked > DOCS / 40, "many generated documents are cited, was " + linked);
    }
}
