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
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.text.GraphText;
import vn.archive.text.PlaceKeys;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many requests one tree costs the per-query graph, counted on a generated corpus where numbers restart in every
 * province (each lookup is one request on a SolrCloud collection, so this is what a tree costs there): a tree reads
 * its citations level by level and its documents with their graph texts and rendition links in batches, so its
 * requests grow with its depth, not with its nodes; and the trees stay the whole-archive snapshot's. A local number's
 * namesakes and citations are asked for one place at a time (the index's place terms, {@code text.PlaceKeys}), so a
 * tree reads far fewer documents than by number; a view kept between questions answers a second tree without reading,
 * and an index change is seen.
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

    /** The lookups, counting the documents read; by number only (as an index without place terms) when asked. */
    private static GraphLookups counted(GraphLookups inner, boolean byPlace, boolean keepViews, AtomicInteger read) {
        return counted(inner, byPlace, true, keepViews, read);
    }

    /**
     * The lookups, counting the documents read; by number only (as an index without place terms) unless {@code
     * byPlace}, by place without years (as an index filed before them) unless {@code byYear}; a view per question
     * unless {@code keepViews}.
     */
    static GraphLookups counted(GraphLookups inner, boolean byPlace, boolean byYear, boolean keepViews, AtomicInteger read) {
        return (GraphLookups) Proxy.newProxyInstance(GraphLookups.class.getClassLoader(), new Class<?>[]{GraphLookups.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (!byPlace && (name.equals("citingAt") || name.equals("bearingAt"))) {
                        return Optional.empty();
                    }
                    if (!byYear && name.equals("citingAt")
                            && ((Collection<?>) args[0]).stream().anyMatch(t -> PlaceKeys.hasYear((String) t))) {
                        return Optional.empty();
                    }
                    if (!keepViews && name.equals("version")) {
                        return null;
                    }
                    if (name.equals("documentBatch") || name.equals("documents")) {
                        read.addAndGet(((Collection<?>) args[0]).size());
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The numbers of the corpus with the largest trees, local numbers among them. */
    private static List<String> largestTrees(ReferenceGraph snapshot, int count) throws IOException {
        TreeMap<String, Integer> sizes = new TreeMap<>();
        for (ArchivedDocument d : GraphHeapBench.documents(index)) {
            String n = d.metadata().number();
            if (n != null && !sizes.containsKey(n)) {
                sizes.put(n, snapshot.implementations(n).map(ReferenceGraph.ImplementationNode::size).orElse(0));
            }
        }
        return sizes.keySet().stream().sorted(Comparator.comparing((String n) -> -sizes.get(n)).thenComparing(n -> n))
                .limit(count).toList();
    }

    @Test
    void trees_read_by_place_are_the_snapshots_and_the_by_number_trees_and_read_fewer_documents() throws IOException {
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        AtomicInteger byPlaceRead = new AtomicInteger();
        AtomicInteger byNumberRead = new AtomicInteger();
        LuceneGraphLookups lookups = new LuceneGraphLookups(index);
        ReferenceGraph byPlace = SnapshotReferenceGraph.perQuery(counted(lookups, true, false, byPlaceRead), Dictionaries.builtIn());
        ReferenceGraph byNumber = SnapshotReferenceGraph.perQuery(counted(lookups, false, false, byNumberRead), Dictionaries.builtIn());
        List<String> numbers = largestTrees(snapshot, 25);
        int nodes = 0;
        for (String number : numbers) {
            Optional<ReferenceGraph.ImplementationNode> tree = snapshot.implementations(number);
            assertEquals(tree, byPlace.implementations(number), number + " by place");
            assertEquals(tree, byNumber.implementations(number), number + " by number");
            nodes += tree.orElseThrow().size();
            // each document's own tree too: rooted at a directive, every level below it is read by place
            for (String id : ids(tree.get())) {
                assertEquals(snapshot.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES),
                        byPlace.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES), id + " by place");
                byNumber.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES);
            }
        }
        System.out.printf(Locale.ROOT, "Place lookups: %d trees, %d nodes; documents read by place %d, by number %d%n",
                numbers.size(), nodes, byPlaceRead.get(), byNumberRead.get());
        assertTrue(nodes >= 100, "the trees have nodes to compare: " + nodes);
        assertTrue(byPlaceRead.get() * 2 < byNumberRead.get(),
                "by place reads under half the documents: " + byPlaceRead.get() + " against " + byNumberRead.get());
    }

    @Test
    void a_tree_by_place_reads_namesakes_only_where_a_citation_is_to_resolve_and_never_the_unplaced_ones() throws IOException {
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        LuceneGraphLookups lookups = new LuceneGraphLookups(index);
        List<String> askedCiting = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> askedBearing = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> citedTerms = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
        GraphLookups watched = (GraphLookups) Proxy.newProxyInstance(GraphLookups.class.getClassLoader(),
                new Class<?>[]{GraphLookups.class}, (proxy, method, args) -> {
                    if (method.getName().equals("version")) {
                        return null;
                    }
                    Object out;
                    try {
                        out = method.invoke(lookups, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("citingAt")) {
                        ((Collection<?>) args[0]).forEach(t -> askedCiting.add((String) t));
                        ((Optional<?>) out).ifPresent(m -> ((Map<?, ?>) m).forEach((t, ids) -> {
                            if (!((Collection<?>) ids).isEmpty()) {
                                citedTerms.add((String) t);
                            }
                        }));
                    } else if (method.getName().equals("bearingAt")) {
                        ((Collection<?>) args[0]).forEach(t -> askedBearing.add((String) t));
                    }
                    return out;
                });
        ReferenceGraph byPlace = SnapshotReferenceGraph.perQuery(watched, Dictionaries.builtIn());
        for (String number : largestTrees(snapshot, 10)) {
            assertEquals(snapshot.implementations(number), byPlace.implementations(number), number);
        }
        assertFalse(askedCiting.isEmpty(), "the trees were read by place");
        // a document the index could not place can never be a local number's candidate nor cite one into a place
        String unplaced = PlaceKeys.unplaced("X", true).substring(1);
        String unplacedDistrict = PlaceKeys.unplaced("X", false).substring(1);
        for (String t : askedCiting) {
            assertFalse(t.endsWith(unplaced) || t.endsWith(unplacedDistrict), "citations asked of an unplaced term: " + t);
        }
        // a place's namesakes are read in a level's batch only where some document cites its number there
        long uncited = askedBearing.stream().filter(t -> !citedTerms.contains(t)).count();
        System.out.printf(Locale.ROOT, "namesake terms read %d, cited nowhere %d; citation terms asked %d%n",
                askedBearing.size(), uncited, askedCiting.size());
        assertTrue(uncited * 10 < askedBearing.size(),
                uncited + " of " + askedBearing.size() + " namesake terms read were cited nowhere");
    }

    private static List<String> ids(ReferenceGraph.ImplementationNode n) {
        List<String> out = new ArrayList<>();
        if (n.id() != null) {
            out.add(n.id());
        }
        n.children().forEach(c -> out.addAll(ids(c)));
        return out;
    }

    @Test
    void a_kept_view_answers_a_second_tree_without_reading_and_sees_a_new_citation_after_a_commit() throws IOException {
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        AtomicInteger read = new AtomicInteger();
        ReferenceGraph kept = SnapshotReferenceGraph.perQuery(counted(new LuceneGraphLookups(index), true, true, read),
                Dictionaries.builtIn());
        String number = null;
        for (String n : largestTrees(snapshot, 500)) {
            if (number == null && snapshot.implementations(n).map(t -> t.id() != null).orElse(false)) {
                number = n; // a tree with one directive at its root
            }
        }
        assertTrue(number != null, "a tree of the corpus has one directive at its root");
        ReferenceGraph.ImplementationNode first = kept.implementations(number).orElseThrow();
        int firstRead = read.get();
        assertTrue(firstRead > 0, "the first tree reads its documents");
        assertEquals(first, kept.implementations(number).orElseThrow());
        assertEquals(firstRead, read.get(), "the second tree of an unchanged index reads nothing more");

        // a new directive implementing the root: the index changes, the kept view is dropped, the tree grows by one
        ArchivedDocument root = GraphHeapBench.documents(index).stream()
                .filter(d -> d.id().equals(first.id())).findFirst().orElseThrow();
        DocumentMetadata m = DocumentMetadata.builder().kind("Kế hoạch").number("9999-KH/TW")
                .date(root.metadata().date()).issuer("Ban Bí thư").title("Kế hoạch thực hiện " + number)
                .references(List.of(new Reference(root.metadata().kind(), root.metadata().number(), root.metadata().date(),
                        root.metadata().issuer(), Relation.IMPLEMENTS, "thực hiện " + number, 0, 10)))
                .build();
        ArchivedDocument added = new ArchivedDocument("place-lookup-test-new", m, root.source(), "Kế hoạch", List.of());
        index.upsert(added);
        index.commit();
        ReferenceGraph.ImplementationNode after = kept.implementations(number).orElseThrow();
        assertEquals(snapshot.implementations(number).orElseThrow(), after);
        assertEquals(first.size() + 1, after.size(), "the new implementing plan is in the tree");
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
