package vn.archive.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.TestCorpus;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Reference;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.storage.ContentStore;
import vn.archive.text.LawNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The law-name lookups asked for many keys at once ({@link GraphLookups#citingLawNames},
 * {@link GraphLookups#bearingLawNames}) answer each key as its own lookup does, on the state corpus and the real set
 * (laws cited by name, "Luật Cán bộ, công chức"); and what the trees of those laws' numbers cost in law-name requests
 * today, and those of the citations of documents citing several laws by name, counted as on a Solr collection
 * ({@link TreeLookupCountTest.Counting}), the trees and citations the snapshot's.
 */
class LawNameLookupsIT {
    private static final Path REAL = Path.of("..", "shared", "corpus", "real");
    @TempDir
    static Path dir;
    private static LuceneIndex index;
    private static List<ArchivedDocument> documents;

    @BeforeAll
    static void importTexts() throws Exception {
        Path data = dir.resolve("data");
        index = LuceneIndex.open(data.resolve("index"));
        List<Path> sources = new ArrayList<>(List.of(TestCorpus.ROOT.resolve("state")));
        if (Files.isDirectory(REAL)) {
            sources.add(REAL);
        }
        new IngestPipeline(index, new ContentStore(data), new TikaExtractor(),
                new MetadataExtractor(Dictionaries.builtIn()), OcrEngine.none()).run(sources, o -> { });
        documents = GraphHeapBench.documents(index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** Every law key a document of the corpus bears or cites by name. */
    private static Map<String, Integer> lawKeys() {
        Map<String, Integer> keys = new TreeMap<>();
        for (ArchivedDocument d : documents) {
            LawNames.ofDocument(d.metadata()).ifPresent(k -> keys.merge(k, 1, Integer::sum));
            for (Reference r : d.metadata().references()) {
                LawNames.cited(r).ifPresent(k -> keys.merge(k, 1, Integer::sum));
            }
        }
        return keys;
    }

    @Test
    void law_names_asked_all_at_once_answer_each_as_its_own_lookup_every_key_in_the_answer() throws IOException {
        GraphLookups lookups = new LuceneGraphLookups(index);
        List<String> keys = new ArrayList<>(lawKeys().keySet());
        keys.add("LUAT|KHONG CO TRONG KHO");
        Map<String, SortedSet<String>> citing = lookups.citingLawNames(keys);
        Map<String, SortedSet<String>> bearing = lookups.bearingLawNames(keys);
        Map<String, SortedSet<String>> citingOneByOne = new HashMap<>();
        Map<String, SortedSet<String>> bearingOneByOne = new HashMap<>();
        for (String k : keys) {
            citingOneByOne.put(k, lookups.citingLawName(k));
            bearingOneByOne.put(k, lookups.bearingLawName(k));
        }
        assertEquals(citingOneByOne, citing);
        assertEquals(bearingOneByOne, bearing);
        assertEquals(new TreeSet<>(), citing.get("LUAT|KHONG CO TRONG KHO"), "a key no document holds is answered empty");
        long both = keys.stream().filter(k -> !citing.get(k).isEmpty() && !bearing.get(k).isEmpty()).count();
        assertTrue(both >= 1, "the corpus has a law in the archive that others cite by name: " + lawKeys());
        System.out.printf(Locale.ROOT, "Law-name lookups: %d keys, %d cited by name, %d borne, %d both%n", keys.size(),
                citing.values().stream().filter(s -> !s.isEmpty()).count(),
                bearing.values().stream().filter(s -> !s.isEmpty()).count(), both);
    }

    @Test
    void the_trees_of_the_laws_numbers_are_the_snapshots_and_ask_at_most_two_law_name_lookups_per_law_in_them()
            throws IOException {
        TreeLookupCountTest.Counting counting = new TreeLookupCountTest.Counting(new LuceneGraphLookups(index));
        ReferenceGraph perQuery = SnapshotReferenceGraph.perQuery(counting, Dictionaries.builtIn());
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        Map<String, String> lawByNumber = new TreeMap<>();
        for (ArchivedDocument d : documents) {
            if (d.metadata().number() != null && LawNames.ofDocument(d.metadata()).isPresent()) {
                lawByNumber.put(d.metadata().number(), d.id());
            }
        }
        assertFalse(lawByNumber.isEmpty(), "the corpus holds laws with numbers");
        int trees = 0;
        int nodes = 0;
        int requests = 0;
        int lawRequests = 0;
        int lawNodes = 0;
        for (String number : lawByNumber.keySet()) {
            counting.calls.clear();
            counting.requests = 0;
            Optional<ReferenceGraph.ImplementationNode> tree = perQuery.implementations(number);
            assertEquals(snapshot.implementations(number), tree, number);
            if (tree.isEmpty()) {
                continue;
            }
            int laws = laws(tree.get());
            int asked = lawNameLookups(counting);
            assertTrue(asked <= 2 * laws, number + ": " + asked + " law-name lookups for " + laws + " laws: "
                    + counting.calls);
            trees++;
            nodes += tree.get().size();
            requests += counting.requests;
            lawRequests += asked;
            lawNodes += laws;
        }
        System.out.printf(Locale.ROOT, "Law trees: %d trees of laws' numbers, %d nodes (%d laws), %d requests as on "
                + "Solr, %d of them law-name lookups%n", trees, nodes, lawNodes, requests, lawRequests);
    }

    @Test
    void the_citations_of_documents_citing_several_laws_by_name_are_the_snapshots_and_ask_one_lookup_for_all_their_laws()
            throws IOException {
        TreeLookupCountTest.Counting counting = new TreeLookupCountTest.Counting(new LuceneGraphLookups(index));
        ReferenceGraph perQuery = SnapshotReferenceGraph.perQuery(counting, Dictionaries.builtIn());
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        int citing = 0;
        int named = 0;
        int requests = 0;
        int lawRequests = 0;
        for (ArchivedDocument d : documents) {
            TreeSet<String> keys = new TreeSet<>();
            d.metadata().references().forEach(r -> LawNames.cited(r).ifPresent(keys::add));
            if (keys.size() < 2) {
                continue;
            }
            counting.calls.clear();
            counting.requests = 0;
            assertEquals(snapshot.cites(d.id()), perQuery.cites(d.id()), d.id());
            int asked = lawNameLookups(counting);
            assertTrue(asked <= 1, d.id() + ": " + asked + " law-name lookups for " + keys + ": "
                    + counting.calls);
            citing++;
            named += keys.size();
            requests += counting.requests;
            lawRequests += asked;
        }
        assertTrue(citing >= 1, "the corpus has a document citing two laws by name");
        System.out.printf(Locale.ROOT, "Law citations: %d documents citing %d laws by name (two or more each), %d "
                + "requests as on Solr for their citations, %d of them law-name lookups%n", citing, named, requests,
                lawRequests);
    }

    /** The law-name lookups counted, one key or many at a time. */
    private static int lawNameLookups(TreeLookupCountTest.Counting counting) {
        return counting.calls.entrySet().stream().filter(e -> e.getKey().contains("LawName"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private int laws(ReferenceGraph.ImplementationNode n) throws IOException {
        int own = 0;
        if (n.id() != null) {
            Optional<ArchivedDocument> d = index.get(n.id());
            own = d.isPresent() && LawNames.ofDocument(d.get().metadata()).isPresent() ? 1 : 0;
        }
        int sum = own;
        for (ReferenceGraph.ImplementationNode c : n.children()) {
            sum += laws(c);
        }
        return sum;
    }
}
