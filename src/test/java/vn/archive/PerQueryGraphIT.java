package vn.archive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.bench.GraphHeapBench;
import vn.archive.config.AppConfig;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Reference;
import vn.archive.graph.SideViews;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The graph asked of the index per query gives the answers the whole-archive snapshot gave, on the seeds, the state
 * corpus and the real set: the same tree for every number any document bears or cites, and the same citations,
 * cited-by lists and warnings for every document; what the index read from each text at import is what the text
 * says, and an index without that column (built before it) gives the same trees from the texts.
 */
class PerQueryGraphIT {
    private static final Path REAL = Path.of("..", "shared", "corpus", "real");
    private static Path dir;
    private static Archive archive;
    private static List<ArchivedDocument> documents;
    private static ReferenceGraph perQuery;
    private static ReferenceGraph snapshot;

    @BeforeAll
    static void importCorpus() throws IOException {
        dir = Files.createTempDirectory("per-query-graph");
        archive = Archive.open(AppConfig.forData(dir.resolve("data")));
        List<Path> sources = new ArrayList<>(List.of(TestCorpus.ROOT));
        if (Files.isDirectory(REAL)) {
            sources.add(REAL);
        }
        archive.pipeline().run(sources, o -> { });
        documents = GraphHeapBench.documents(archive.index());
        perQuery = archive.references();
        snapshot = new LuceneReferenceGraph(archive.index(), archive.dictionaries());
    }

    @AfterAll
    static void close() throws IOException {
        archive.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Set<String> numbers() {
        Set<String> numbers = new TreeSet<>();
        for (ArchivedDocument d : documents) {
            if (d.metadata().number() != null) {
                numbers.add(d.metadata().number());
            }
            d.metadata().references().stream().map(Reference::number).filter(n -> n != null).forEach(numbers::add);
        }
        return numbers;
    }

    @Test
    void every_number_borne_or_cited_gives_the_same_tree_as_the_snapshot() throws IOException {
        Set<String> numbers = numbers();
        assertTrue(numbers.size() > 100, "the corpus bears and cites many numbers, was " + numbers.size());
        int trees = 0;
        for (String number : numbers) {
            var expected = snapshot.implementations(number);
            assertEquals(expected, perQuery.implementations(number), number);
            trees += expected.isPresent() ? 1 : 0;
        }
        assertTrue(trees > 100, "most numbers have a tree, was " + trees);
    }

    @Test
    void a_tree_asked_on_a_bounded_side_view_is_the_snapshots_or_refused_when_it_reads_more() throws IOException {
        GraphLookups lookups = new LuceneGraphLookups((LuceneIndex) archive.index());
        int answered = 0;
        int refused = 0;
        for (String number : numbers()) {
            Optional<Optional<ReferenceGraph.ImplementationNode>> side = SideViews.within(SIDE_DOCUMENTS, lookups,
                    archive.dictionaries(), g -> {
                        try {
                            return g.implementations(number);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            if (side.isPresent()) {
                assertEquals(snapshot.implementations(number), side.get(), number);
                answered++;
            } else {
                refused++;
            }
        }
        assertTrue(answered > 100, "most trees fit in " + SIDE_DOCUMENTS + " documents, answered " + answered);
        assertTrue(refused > 5, "larger ones were refused, " + refused);
    }

    /** A side view's bound small enough that this corpus's larger trees do not fit. */
    private static final int SIDE_DOCUMENTS = 15;

    @Test
    void what_the_index_read_from_each_text_is_what_the_text_says() throws IOException {
        GraphLookups lookups = new LuceneGraphLookups((LuceneIndex) archive.index());
        int placed = 0;
        for (ArchivedDocument d : documents) {
            GraphText read = GraphText.of(lookups.text(d.id()));
            assertEquals(Optional.of(read), lookups.graphText(d.id()), d.id());
            placed += read.place().province() != null ? 1 : 0;
        }
        assertTrue(placed > 5, "texts name their province, was " + placed);
    }

    @Test
    void an_index_built_before_the_graph_text_column_gives_the_same_trees_from_the_texts() throws IOException {
        GraphLookups lookups = new LuceneGraphLookups((LuceneIndex) archive.index());
        int[] textsRead = {0};
        GraphLookups older = (GraphLookups) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {GraphLookups.class}, (proxy, method, args) -> {
                    if (method.getName().equals("graphText")) {
                        return Optional.empty(); // as a segment written before the column answers
                    }
                    if (method.getName().equals("citingAt") || method.getName().equals("bearingAt")) {
                        return Optional.empty(); // nor had it the place terms, which came later
                    }
                    textsRead[0] += method.getName().equals("text") ? 1 : 0;
                    try {
                        if (method.getName().equals("documentBatch")) { // read in one batch, still without the column
                            GraphLookups.DocumentBatch batch = (GraphLookups.DocumentBatch) method.invoke(lookups, args);
                            return new GraphLookups.DocumentBatch(batch.documents(), Map.of(), batch.renditionLinksTo());
                        }
                        return method.invoke(lookups, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReferenceGraph fromTexts = SnapshotReferenceGraph.perQuery(older, archive.dictionaries());
        for (String number : numbers()) {
            assertEquals(perQuery.implementations(number), fromTexts.implementations(number), number);
        }
        assertTrue(textsRead[0] > 5, "the older index's texts were read for their locality, " + textsRead[0] + " times");
    }

    @Test
    void every_document_has_the_same_citations_cited_by_and_warnings_as_in_the_snapshot() throws IOException {
        int linked = 0;
        int warned = 0;
        for (ArchivedDocument d : documents) {
            assertEquals(snapshot.cites(d.id()), perQuery.cites(d.id()), d.id());
            List<ReferenceGraph.Citation> citedBy = snapshot.citedBy(d.id());
            assertEquals(citedBy, perQuery.citedBy(d.id()), d.id());
            List<String> warnings = snapshot.warnings(d.id());
            assertEquals(warnings, perQuery.warnings(d.id()), d.id());
            assertEquals(snapshot.warnings(d.id(), id -> id.compareTo(d.id()) < 0),
                    perQuery.warnings(d.id(), id -> id.compareTo(d.id()) < 0), d.id() + " seen by a reader who sees less");
            linked += citedBy.isEmpty() ? 0 : 1;
            warned += warnings.isEmpty() ? 0 : 1;
        }
        assertTrue(linked > 20, "many documents are cited, was " + linked);
        assertTrue(warned > 10, "many documents have warnings, was " + warned);
    }
}
