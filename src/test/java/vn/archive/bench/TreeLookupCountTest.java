package vn.archive.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many requests one tree costs the per-query graph, counted on a generated corpus where numbers restart in every
 * province (each lookup is one request on a SolrCloud collection, so this is what a tree costs there): a tree reads
 * its citations level by level and its documents with their graph texts and rendition links in batches, so its
 * requests grow with its depth, not with its nodes; and the trees stay the whole-archive snapshot's.
 */
class TreeLookupCountTest {
    private static final int DOCS = 800;
    /** Ids or values a Solr request carries at most ({@code SolrGraphLookups.BATCH}). */
    private static final int SOLR_BATCH = 200;
    @TempDir
    static Path dir;
    private static LuceneIndex index;

    @BeforeAll
    static void indexGeneratedCorpus() throws IOException {
        index = GeneratedCorpus.indexed(dir.resolve("index"), DOCS, 7);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void a_tree_costs_a_few_requests_per_level_never_one_per_document_and_is_the_snapshots_tree() throws IOException {
        Counting counting = new Counting(new LuceneGraphLookups(index));
        ReferenceGraph perQuery = SnapshotReferenceGraph.perQuery(counting, Dictionaries.builtIn());
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        // the twenty largest trees of the numbers the corpus bears
        TreeMap<String, Integer> sizes = new TreeMap<>();
        for (ArchivedDocument d : GraphHeapBench.documents(index)) {
            String n = d.metadata().number();
            if (n != null && !sizes.containsKey(n)) {
                sizes.put(n, snapshot.implementations(n).map(ReferenceGraph.ImplementationNode::size).orElse(0));
            }
        }
        List<String> largest = sizes.keySet().stream()
                .sorted(Comparator.comparing((String n) -> -sizes.get(n)).thenComparing(n -> n)).limit(20).toList();
        assertTrue(sizes.get(largest.get(0)) >= 20, "the corpus has a tree of at least 20 nodes: " + sizes.get(largest.get(0)));
        int nodes = 0;
        int requests = 0;
        int maxDepth = 0;
        for (String number : largest) {
            counting.calls.clear();
            counting.requests = 0;
            Optional<ReferenceGraph.ImplementationNode> tree = perQuery.implementations(number);
            assertEquals(snapshot.implementations(number), tree, number);
            int depth = depth(tree.orElseThrow());
            assertEquals(List.of(), counting.calls.keySet().stream()
                    .filter(m -> m.equals("graphText") || m.equals("renditionLinksTo") || m.equals("text")).toList(),
                    number + ": no lookup of one document's text or links: " + counting.calls);
            // per level: its numbers' citers, their bearers, their documents (and the rendition links to them)
            assertTrue(counting.requests <= 6 * depth + 6, number + ": " + counting.requests + " requests for a tree of "
                    + tree.get().size() + " nodes and " + depth + " levels: " + counting.calls);
            nodes += tree.get().size();
            requests += counting.requests;
            maxDepth = Math.max(maxDepth, depth);
        }
        System.out.printf(Locale.ROOT, "Tree lookups: %d trees, %d nodes, %d requests as on Solr (%.1f per tree, "
                + "deepest %d levels)%n", largest.size(), nodes, requests, requests / (double) largest.size(), maxDepth);
        assertTrue(requests < nodes, "fewer requests than nodes: " + requests + " for " + nodes);
    }

    private static int depth(ReferenceGraph.ImplementationNode n) {
        return 1 + n.children().stream().mapToInt(TreeLookupCountTest::depth).max().orElse(0);
    }

    /**
     * The lookups, each call counted by method and by the requests it makes on a Solr collection
     * ({@code SolrGraphLookups}: a request per {@link #SOLR_BATCH} ids or values, two for a document batch).
     */
    static final class Counting implements GraphLookups {
        private final GraphLookups inner;
        final Map<String, Integer> calls = new TreeMap<>();
        int requests;

        Counting(GraphLookups inner) {
            this.inner = inner;
        }

        private <T> T count(String method, int requests, T answer) {
            calls.merge(method, 1, Integer::sum);
            this.requests += requests;
            return answer;
        }

        private static int batches(Collection<String> ids) {
            return Math.max(1, (ids.size() + SOLR_BATCH - 1) / SOLR_BATCH);
        }

        @Override
        public SortedSet<String> bearingNumber(String numberKey) throws IOException {
            return count("bearingNumber", 1, inner.bearingNumber(numberKey));
        }

        @Override
        public SortedSet<String> citingNumber(String numberKey) throws IOException {
            return count("citingNumber", 1, inner.citingNumber(numberKey));
        }

        @Override
        public SortedSet<String> bearingLawName(String lawKey) throws IOException {
            return count("bearingLawName", 1, inner.bearingLawName(lawKey));
        }

        @Override
        public SortedSet<String> citingLawName(String lawKey) throws IOException {
            return count("citingLawName", 1, inner.citingLawName(lawKey));
        }

        @Override
        public SortedSet<String> renditionLinksTo(String id) throws IOException {
            return count("renditionLinksTo", 1, inner.renditionLinksTo(id));
        }

        @Override
        public Map<String, ArchivedDocument> documents(Collection<String> ids) throws IOException {
            return count("documents", batches(ids), inner.documents(ids));
        }

        @Override
        public String text(String id) throws IOException {
            return count("text", 1, inner.text(id));
        }

        @Override
        public Optional<GraphText> graphText(String id) throws IOException {
            return count("graphText", 1, inner.graphText(id));
        }

        @Override
        public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
            return count("deadlineBefore", 1, inner.deadlineBefore(day));
        }

        @Override
        public DocumentBatch documentBatch(Collection<String> ids) throws IOException {
            return count("documentBatch", 2 * batches(ids), inner.documentBatch(ids));
        }

        @Override
        public Map<String, SortedSet<String>> citingNumbers(Collection<String> numberKeys) throws IOException {
            return count("citingNumbers", batches(numberKeys), inner.citingNumbers(numberKeys));
        }

        @Override
        public Map<String, SortedSet<String>> bearingNumbers(Collection<String> numberKeys) throws IOException {
            return count("bearingNumbers", batches(numberKeys), inner.bearingNumbers(numberKeys));
        }

        @Override
        public Map<String, SortedSet<String>> citingLawNames(Collection<String> lawKeys) throws IOException {
            return count("citingLawNames", batches(lawKeys), inner.citingLawNames(lawKeys));
        }

        @Override
        public Map<String, SortedSet<String>> bearingLawNames(Collection<String> lawKeys) throws IOException {
            return count("bearingLawNames", batches(lawKeys), inner.bearingLawNames(lawKeys));
        }
    }
}
