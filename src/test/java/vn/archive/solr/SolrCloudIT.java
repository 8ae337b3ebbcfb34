package vn.archive.solr;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TermQuery;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import vn.archive.cli.CliRun;
import vn.archive.config.AppConfig;
import vn.archive.config.Json;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.Fields;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.model.Reference;
import vn.archive.search.LuceneSearchService;
import vn.archive.index.LuceneIndex;
import vn.archive.storage.ContentStore;
import vn.archive.ingest.IngestPipeline;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.IngestOutcome;
import vn.archive.model.IngestStatus;
import vn.archive.TestCorpus;
import vn.archive.DirectiveRenditionsIT;
import vn.archive.graph.AdminUnits;
import vn.archive.graph.Tracker;
import vn.archive.graph.Tracking;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchService;
import vn.archive.ingest.OcrEngine;
import vn.archive.search.FacetCount;
import vn.archive.search.QueryFactory;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.text.KindNames;
import vn.archive.text.RelevanceFixtures;
import vn.archive.text.VietnameseAnalyzer;

import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive on a real SolrCloud: ZooKeeper and two Solr 9.10 nodes, each its own JVM (SolrCluster), a collection
 * of 2 shards × 2 replicas made by {@link SolrSetup} from index-config/solr, documents written through
 * {@link SolrArchiveIndex} (SolrJ 10). Checks, in this order: Solr's field analysis gives the embedded analyzer's
 * terms; the relevance suite's queries give the embedded index's top ten; a classified document is hidden from an
 * anonymous reader; hits, documents and renditions show the directive's merged metadata as embedded (the seeds
 * are held typed, as DOCX or PDF, and the 374-CV/HU letter scanned, read by an OCR stand-in); the reference graph's
 * trees, citations and warnings equal the embedded graph's (on a seeded sample), and so does the overdue view; the
 * portal served on the collection answers over HTTP; the verbs run with --solr (import, withdraw,
 * export-package, reocr, backup, restore, migrate out, back and to an alias); searches keep answering after kill -9 of
 * a node, an import meanwhile loses nothing, and the node comes back with its replicas complete; a commit marks the
 * renditions that are not preferred, old ones included, so that a search looks up only its page's groups; on a
 * generated collection where local numbers restart in every province, trees and tracking are read by place terms
 * and equal the embedded ones, and a collection whose schema predates those terms says it cannot and is read by
 * number. Skipped only where Java or loopback ports are missing. A class over 300
 * lines: one cluster start (~40 s) serves every check.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {
    private static final String COLLECTION = "archive";
    private static final int PARITY_CHARS = 12_000;
    private static final Path CONFIG = Path.of("index-config");
    private static final Dictionaries DICTIONARIES = Dictionaries.load(CONFIG);

    @TempDir
    static Path temp;
    private SolrCluster cluster;
    private SolrArchiveIndex solr;
    private LuceneIndex embedded;
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void startClusterAndIndexTheCorpusInBoth() throws Exception {
        long t0 = System.nanoTime();
        cluster = SolrCluster.launch(temp.resolve("cluster"), 2);
        // the corpus and the relevance fixtures through the normal import, into an embedded index...
        Path corpus = Path.of("corpus");
        Path fixtures = RelevanceFixtures.write(temp.resolve("in"), corpus.resolve("seeds"));
        try (LuceneIndex imported = LuceneIndex.open(temp.resolve("data/index"))) {
            IngestPipeline pipeline = new IngestPipeline(imported, new ContentStore(temp.resolve("data")),
                    new TikaExtractor(), new MetadataExtractor(Dictionaries.builtIn()), new DirectiveRenditionsIT.SlippingOcr());
            Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
            List<IngestOutcome> outcomes = new CopyOnWriteArrayList<>();
            for (Path root : List.of(corpus, fixtures)) {
                pipeline.run(List.of(root), o -> {
                    outcomes.add(o);
                    if (o.status() == IngestStatus.IMPORTED) {
                        seen.add(o.documentId());
                    }
                });
            }
            TestCorpus.assertImportedWithoutOcr(outcomes);
            long imported0 = System.nanoTime();
            cluster.awaitReady();
            long started = System.nanoTime();
            try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
                SolrSetup.create(node, "directive-archive", COLLECTION, 2, 2);
            }
            long created = System.nanoTime();
            solr = SolrArchiveIndex.open(cluster.target(COLLECTION), KindNames.builtIn());
            // ...then each final document written once into a fresh embedded index and, through SolrJ 10, into
            // the collection: both hold the same documents with no deleted copies to skew statistics
            embedded = LuceneIndex.open(temp.resolve("embedded"));
            // four writers at once: each add is a round trip through the shard leader to its replica
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
            for (String id : seen) {
                ArchivedDocument d = imported.get(id).orElseThrow();
                embedded.upsert(d);
                writes.add(writers.submit(() -> {
                    solr.upsert(d);
                    return null;
                }));
                ids.add(id);
            }
            for (java.util.concurrent.Future<?> w : writes) {
                w.get();
            }
            writers.shutdown();
            embedded.commit();
            solr.commit();
            System.out.printf(Locale.ROOT, "SolrCloud: corpus imported in %.1f s while the nodes started, both nodes "
                            + "up after %.1f s, 2x2 collection created in %.1f s, %d documents written to both in "
                            + "%.1f s%n", (imported0 - t0) / 1e9, (started - t0) / 1e9, (created - started) / 1e9,
                    ids.size(), (System.nanoTime() - created) / 1e9);
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (solr != null) {
            solr.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void solr_field_analysis_gives_the_embedded_analyzers_terms_exact_and_folded() throws Exception {
        VietnameseAnalyzer exact = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.EXACT);
        VietnameseAnalyzer folded = new VietnameseAnalyzer(VietnameseAnalyzer.Mode.FOLDED);
        int terms = 0;
        List<String> texts = parityTexts();
        try (SolrClient node = SolrClients.node(cluster.nodes().get(1).url())) {
            for (String text : texts) {
                FieldAnalysisRequest request = new FieldAnalysisRequest()
                        .setFieldNames(List.of(Fields.BODY, Fields.BODY_EXACT)).setFieldValue(text);
                request.setMethod(SolrRequest.METHOD.POST);
                FieldAnalysisResponse response = request.process(node, COLLECTION);
                List<String> solrFolded = finalTerms(response, Fields.BODY);
                List<String> solrExact = finalTerms(response, Fields.BODY_EXACT);
                String head = text.substring(0, Math.min(60, text.length()));
                assertEquals(VietnameseAnalyzer.terms(folded, Fields.BODY, text), solrFolded, "folded: " + head);
                assertEquals(VietnameseAnalyzer.terms(exact, Fields.BODY_EXACT, text), solrExact, "exact: " + head);
                terms += solrFolded.size() + solrExact.size();
            }
        }
        System.out.printf(Locale.ROOT, "Analysis parity: %d texts, %d terms identical%n", texts.size(), terms);
        assertTrue(terms > 100_000, "the parity covers real documents: " + terms + " terms");
    }

    @Test
    @Order(2)
    void documents_written_through_solrj_read_back_as_the_embedded_index_has_them() throws IOException {
        assertEquals(embedded.count(), solr.count());
        for (String id : ids.subList(0, Math.min(20, ids.size()))) {
            ArchivedDocument fromSolr = solr.get(id).orElseThrow(() -> new AssertionError(id + " not in Solr"));
            assertEquals(embedded.get(id).orElseThrow(), fromSolr);
            assertEquals(id, solr.idForSha256(fromSolr.source().sha256()).orElseThrow());
        }
        assertTrue(solr.get("no-such-id").isEmpty());
    }

    @Test
    @Order(3)
    void every_relevance_query_has_the_embedded_top_ten_on_the_two_shard_collection() throws Exception {
        QueryFactory queries = new QueryFactory(embedded.analyzer());
        IndexSearcher searcher = embedded.searchers().acquire();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try {
            Sort byScoreThenId = new Sort(SortField.FIELD_SCORE, new SortedSetSortField(Fields.ID, false));
            for (String text : relevanceQueries()) {
                Query q = queries.build(text);
                TopFieldDocs top = searcher.search(q, 10, byScoreThenId, true);
                List<String> local = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    local.add(searcher.storedFields().document(sd.doc).get(Fields.ID));
                }
                QueryResponse r = solr.client().query(COLLECTION, new SolrQuery(SolrQueries.toSolr(q))
                        .setRows(10).setFields(Fields.ID, "score").setSort("score", SolrQuery.ORDER.desc)
                        .addSort(Fields.ID, SolrQuery.ORDER.asc));
                List<String> distributed = r.getResults().stream().map(d -> (String) d.getFirstValue(Fields.ID))
                        .toList();
                if (!local.equals(distributed)) {
                    differences.add(text + "\n   embedded " + scores(searcher, top) + "\n   solrcloud "
                            + r.getResults().stream().map(d -> d.getFirstValue(Fields.ID) + "=" + d.get("score"))
                            .toList());
                }
                compared++;
            }
        } finally {
            embedded.searchers().release(searcher);
        }
        System.out.printf(Locale.ROOT, "Relevance parity: %d queries, %d with a different top ten%n", compared,
                differences.size());
        assertTrue(compared >= 80, "the relevance suite's queries: " + compared);
        assertEquals(List.of(), differences);
    }

    @Test
    @Order(4)
    void a_classified_document_is_hidden_from_an_anonymous_reader_in_hits_and_facets() throws Exception {
        ArchivedDocument open = embedded.get(ids.get(0)).orElseThrow();
        ArchivedDocument secret = new ArchivedDocument("secret-copy-" + open.id(),
                open.metadata().toBuilder().classification("Mật").kind("Mật lệnh thử").build(),
                open.source(), open.text() + " zyxwvmatthu", open.notes());
        solr.upsert(secret);
        solr.commit();
        SolrQuery q = new SolrQuery(Fields.BODY + ":zyxwvmatthu").setFacet(true).addFacetField(Fields.KIND);
        assertEquals(1, solr.client().query(COLLECTION, q).getResults().getNumFound(), "the document is indexed");
        SolrQuery anonymous = q.getCopy();
        anonymous.addFilterQuery(SolrQueries.clearanceFilter(Clearance.NONE).orElseThrow());
        QueryResponse r = solr.client().query(COLLECTION, anonymous);
        assertEquals(0, r.getResults().getNumFound());
        assertTrue(r.getFacetField(Fields.KIND).getValues().stream()
                .noneMatch(c -> c.getName().equals("Mật lệnh thử") && c.getCount() > 0), "no facet count leaks");
        SolrQuery cleared = q.getCopy();
        cleared.addFilterQuery(SolrQueries.clearanceFilter(Clearance.MAT).orElseThrow());
        assertEquals(1, solr.client().query(COLLECTION, cleared).getResults().getNumFound(), "a MAT reader sees it");
    }

    @Test
    @Order(5)
    void search_on_solr_counts_facets_sideways_marks_snippets_and_keeps_classified_documents_out() throws Exception {
        SolrSearchService search = new SolrSearchService(solr.client(), COLLECTION);
        SearchResponse all = search.search(SearchRequest.of("dân vận khéo"));
        assertTrue(all.total() > 0 && !all.hits().isEmpty());
        assertTrue(all.hits().stream().anyMatch(h -> h.snippet().contains("<mark>")), "snippets mark the words");
        FacetCount top = all.facets().get(Fields.KIND).get(0);
        SearchResponse one = search.search(new SearchRequest("dân vận khéo", Map.of(Fields.KIND, List.of(top.value())),
                null, null, SearchRequest.Sort.RELEVANCE, 1, 20));
        assertEquals(top.count(), one.total(), "the filter keeps the documents the facet counted");
        assertEquals(all.facets().get(Fields.KIND), one.facets().get(Fields.KIND),
                "a dimension's own filter does not narrow its counts (drill-sideways)");
        assertTrue(one.hits().stream().allMatch(h -> top.value().equals(h.kind())));
        // directives, as the embedded search counts them (a directive's renditions once)
        LuceneSearchService local = new LuceneSearchService(embedded);
        assertEquals(local.count() + 1, search.count(), "the corpus and the classified copy");

        SearchResponse anonymous = search.restrictedTo(Clearance.NONE).search(SearchRequest.of("zyxwvmatthu"));
        assertEquals(0, anonymous.total());
        assertTrue(anonymous.facets().values().stream().allMatch(List::isEmpty), "no facet count leaks");
        assertEquals(local.count(), search.restrictedTo(Clearance.NONE).count());
        SearchResponse cleared = search.restrictedTo(Clearance.MAT).search(SearchRequest.of("zyxwvmatthu"));
        assertEquals(1, cleared.total());
        assertTrue(cleared.hits().get(0).snippet().contains("<mark>zyxwvmatthu</mark>"), cleared.hits().get(0).snippet());
        assertTrue(search.restrictedTo(Clearance.NONE).document(cleared.hits().get(0).id()).isEmpty());
        List<String> exported = new ArrayList<>();
        assertEquals(all.total(), search.export(SearchRequest.of("dân vận khéo"), d -> exported.add(d.id())),
                "exported " + exported);
        assertEquals(all.total(), exported.size());
    }


    @Test
    @Order(6)
    void hits_documents_and_renditions_on_solr_show_the_directives_merged_metadata_as_the_embedded_search_does()
            throws Exception {
        SearchService local = new LuceneSearchService(embedded).restrictedTo(Clearance.NONE);
        SearchService onSolr = new SolrSearchService(solr.client(), COLLECTION).restrictedTo(Clearance.NONE);
        List<String> queries = new ArrayList<>(List.of("dân vận khéo", "374-CV/HU", "Triệu Phong"));
        queries.addAll(relevanceQueries());
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int grouped = 0;
        Set<String> directives = new TreeSet<>();
        for (String query : queries) {
            SearchRequest request = new SearchRequest(query, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 100);
            SearchResponse a = local.search(request);
            if (a.total() > 100) {
                continue; // ties at the page's end may order differently: only queries whose hits fit one page
            }
            SearchResponse b = onSolr.search(request);
            compared++;
            if (a.total() != b.total() || !withoutSnippets(a).equals(withoutSnippets(b))) {
                differences.add(query + ": embedded " + a.total() + " " + withoutSnippets(a) + "\n   solrcloud "
                        + b.total() + " " + withoutSnippets(b));
            }
            for (String dimension : vn.archive.search.FacetDimensions.SHOWN) {
                List<FacetCount> fa = a.facets().getOrDefault(dimension, List.of());
                List<FacetCount> fb = b.facets().getOrDefault(dimension, List.of());
                if (fa.size() < 20 && fb.size() < 20 && !new java.util.HashSet<>(fa).equals(new java.util.HashSet<>(fb))) {
                    differences.add(query + ": facet " + dimension + " embedded " + fa + ", solrcloud " + fb);
                }
            }
            for (SearchHit h : a.hits()) {
                if (h.renditions() > 1 && directives.add(h.id())) {
                    grouped++;
                    List<ArchivedDocument> ra = local.renditions(h.id());
                    if (!ra.equals(onSolr.renditions(h.id()))) {
                        differences.add("renditions of " + h.id());
                    }
                    for (ArchivedDocument r : ra) {
                        if (!local.directiveId(r.id()).equals(onSolr.directiveId(r.id()))
                                || !local.document(r.id()).equals(onSolr.document(r.id()))) {
                            differences.add("directive or document of rendition " + r.id());
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Hit parity: %d queries, %d directives held in several renditions, %d "
                + "differences%n", compared, grouped, differences.size());
        assertTrue(compared >= 20, "queries compared: " + compared);
        // the three seed directives: each typed and once more (DOCX, PDF, or the scan of 374-CV/HU)
        assertTrue(grouped >= 3, "directives in several renditions among the hits: " + directives);
        assertEquals(List.of(), differences);
    }

    /** The hits of a response as the answer shows them, but their snippets (the two highlighters cut differently). */
    private static List<SearchHit> withoutSnippets(SearchResponse r) {
        return r.hits().stream().map(h -> new SearchHit(h.id(), h.kind(), h.number(), h.date(), h.issuer(), h.place(),
                h.title(), "", h.url(), h.renditions())).sorted(java.util.Comparator.comparing(SearchHit::id)).toList();
    }

    @Test
    @Order(7)
    void trees_citations_and_warnings_on_solr_equal_the_embedded_ones_for_a_seeded_sample_of_numbers_and_documents() throws Exception {
        // the classified copy written to the collection above goes into the embedded index too: same documents
        String secret = "secret-copy-" + ids.get(0);
        embedded.upsert(solr.get(secret).orElseThrow());
        embedded.commit();
        List<String> all = new ArrayList<>(ids);
        all.add(secret);
        ReferenceGraph local = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(embedded), DICTIONARIES);
        ReferenceGraph onSolr = SnapshotReferenceGraph.perQuery(new SolrGraphLookups(solr.client(), COLLECTION),
                DICTIONARIES);
        Set<String> numbers = new TreeSet<>();
        for (String id : all) {
            DocumentMetadata m = embedded.get(id).orElseThrow().metadata();
            if (m.number() != null) {
                numbers.add(m.number());
            }
            m.references().stream().map(Reference::number).filter(Objects::nonNull).forEach(numbers::add);
        }
        // a seeded sample of the numbers (the whole set took 2 minutes under load, a round trip per lookup): 40 of
        // those whose embedded tree has children and 20 of the others, the same every run
        List<String> branching = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String number : numbers) {
            Optional<ReferenceGraph.ImplementationNode> tree = local.implementations(number);
            (tree.isPresent() && !tree.get().children().isEmpty() ? branching : rest).add(number);
        }
        java.util.Random random = new java.util.Random(15);
        Collections.shuffle(branching, random);
        Collections.shuffle(rest, random);
        List<String> sample = new ArrayList<>(branching.subList(0, Math.min(40, branching.size())));
        sample.addAll(rest.subList(0, Math.min(20, rest.size())));
        List<String> differences = new ArrayList<>();
        int trees = 0;
        int nodes = 0;
        long t0 = System.nanoTime();
        for (String number : sample) {
            Optional<ReferenceGraph.ImplementationNode> tree = local.implementations(number);
            if (!tree.equals(onSolr.implementations(number))) {
                differences.add("tree of " + number);
            }
            if (tree.isPresent() && !tree.get().children().isEmpty()) {
                trees++;
                nodes += size(tree.get()) - 1;
            }
        }
        long t1 = System.nanoTime();
        int citations = 0;
        // citations and warnings of a seeded sample of 30 documents, the classified copy always among them
        List<String> documents = new ArrayList<>(ids);
        Collections.shuffle(documents, random);
        documents = new ArrayList<>(documents.subList(0, Math.min(29, documents.size())));
        documents.add(secret);
        for (String id : documents) {
            List<ReferenceGraph.Citation> cites = local.cites(id);
            List<ReferenceGraph.Citation> citedBy = local.citedBy(id);
            if (!cites.equals(onSolr.cites(id)) || !citedBy.equals(onSolr.citedBy(id))) {
                differences.add("citations of " + id);
            }
            if (!local.warnings(id).equals(onSolr.warnings(id))) {
                differences.add("warnings of " + id);
            }
            citations += cites.size() + citedBy.size();
        }
        System.out.printf(Locale.ROOT, "Graph parity: trees of %d of %d numbers (%d of %d branching) in %.1f s, "
                        + "citations and warnings of %d of %d documents in %.1f s%n", sample.size(), numbers.size(),
                Math.min(40, branching.size()), branching.size(), (t1 - t0) / 1e9, documents.size(), all.size(),
                (System.nanoTime() - t1) / 1e9);
        System.out.printf(Locale.ROOT, "Graph parity: %d numbers, %d trees with %d descendants, %d citations of %d "
                + "documents, %d differences%n", sample.size(), trees, nodes, citations, documents.size(), differences.size());
        // the law names asked all at once (a tree's level, a document's citations by name): the embedded answers
        Set<String> lawKeys = new TreeSet<>();
        for (String id : all) {
            DocumentMetadata m = embedded.get(id).orElseThrow().metadata();
            vn.archive.text.LawNames.ofDocument(m).ifPresent(lawKeys::add);
            m.references().forEach(r -> vn.archive.text.LawNames.cited(r).ifPresent(lawKeys::add));
        }
        LuceneGraphLookups localLookups = new LuceneGraphLookups(embedded);
        SolrGraphLookups solrLookups = new SolrGraphLookups(solr.client(), COLLECTION);
        assertEquals(localLookups.citingLawNames(lawKeys), solrLookups.citingLawNames(lawKeys), "laws cited by name");
        assertEquals(localLookups.bearingLawNames(lawKeys), solrLookups.bearingLawNames(lawKeys), "laws by name");
        assertTrue(localLookups.citingLawNames(lawKeys).values().stream().anyMatch(s -> !s.isEmpty()),
                "the corpus cites a law by name: " + lawKeys);
        assertTrue(trees > 0 && citations > 0, "the corpus has trees and citations to compare");
        assertEquals(List.of(), differences);
    }

    @Test
    @Order(8)
    void an_export_on_solr_has_the_embedded_exports_rows_in_its_order_with_no_link_to_a_document_hidden_from_the_reader()
            throws Exception {
        // an open letter linking to the classified copy (as an e-mail to its secret attachment) and to an open
        // document, written to both: the embedded export drops the first link for a reader below the copy's level
        String secret = "secret-copy-" + ids.get(0);
        ArchivedDocument open = embedded.get(ids.get(1)).orElseThrow();
        String letterId = "letter-" + open.id();
        ArchivedDocument letter = new ArchivedDocument(letterId, open.metadata().toBuilder().number(null)
                .references(List.of()).deadlines(List.of()).build(),
                new SourceInfo(letterId + ".eml", "0".repeat(64), "message/rfc822", false, 100, List.of()),
                "Thư gửi kèm văn bản về công tác dân vận khéo. zyxwvlienket",
                List.of(new DocumentLink(DocumentLink.Kind.ATTACHMENT, secret).note(),
                        new DocumentLink(DocumentLink.Kind.ATTACHMENT, open.id()).note(), "Đã chuyển mã"));
        embedded.upsert(letter);
        embedded.commit();
        solr.upsert(letter);
        solr.commit();
        String text = "dân vận khéo";
        // the embedded scores (the same on the collection: the relevance check above) and dates, to compare orders
        // up to ties, which the embedded index breaks by insertion order and the collection by id
        Map<String, Float> scores = new HashMap<>();
        IndexSearcher searcher = embedded.searchers().acquire();
        try {
            Query q = new QueryFactory(embedded.analyzer()).build(text);
            for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
                scores.put(searcher.storedFields().document(sd.doc).get(Fields.ID), sd.score);
            }
        } finally {
            embedded.searchers().release(searcher);
        }
        SolrSearchService onSolr = new SolrSearchService(solr.client(), COLLECTION);
        LuceneSearchService local = new LuceneSearchService(embedded);
        int compared = 0;
        for (Clearance reader : List.of(Clearance.NONE, Clearance.MAT)) {
            for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                SearchRequest request = new SearchRequest(text, Map.of(), null, null, sort, 1, 20);
                Map<String, List<String>> expected = new LinkedHashMap<>();
                local.restrictedTo(reader).export(request, d -> expected.put(d.id(), d.notes()));
                Map<String, List<String>> exported = new LinkedHashMap<>();
                long n = onSolr.restrictedTo(reader).export(request, d -> exported.put(d.id(), d.notes()));
                String what = reader + " " + sort;
                assertEquals(expected.size(), n, what);
                java.util.function.Function<String, Object> key = id -> sort == SearchRequest.Sort.RELEVANCE
                        ? scores.get(id) : List.of(String.valueOf(dateOf(id)), String.valueOf(scores.get(id)));
                assertEquals(runs(List.copyOf(expected.keySet()), key), runs(List.copyOf(exported.keySet()), key),
                        what + ": the same rows in the same order but for ties");
                assertEquals(expected, new HashMap<>(exported), what + ": each row's notes");
                assertTrue(exported.containsKey(letterId), what + ": the letter is exported");
                boolean hidden = !reader.allows(Clearance.ofClassification("Mật"));
                assertEquals(!hidden, exported.get(letterId).contains(new DocumentLink(DocumentLink.Kind.ATTACHMENT,
                        secret).note()), what + ": the link to the classified copy " + exported.get(letterId));
                assertTrue(exported.get(letterId).contains("Đã chuyển mã") && exported.get(letterId)
                        .contains(new DocumentLink(DocumentLink.Kind.ATTACHMENT, open.id()).note()), what + ": other notes stay");
                if (hidden) {
                    assertTrue(exported.values().stream().flatMap(List::stream).noneMatch(note -> note.contains(secret)),
                            what + ": no row names the classified copy");
                    assertTrue(onSolr.restrictedTo(reader).document(letterId).orElseThrow().notes().stream()
                            .noneMatch(note -> note.contains(secret)), "nor does the letter read by id");
                }
                // the renditions listed on the document page: the embedded ones, links stripped by the same rule
                assertEquals(local.restrictedTo(reader).renditions(letterId).stream().map(ArchivedDocument::notes).toList(),
                        onSolr.restrictedTo(reader).renditions(letterId).stream().map(ArchivedDocument::notes).toList(),
                        what + ": the letter's renditions and their notes");
                assertEquals(!hidden, onSolr.restrictedTo(reader).renditions(letterId).get(0).notes().stream()
                        .anyMatch(note -> note.contains(secret)), what + ": the renditions name the copy only when cleared");
                compared += exported.size();
            }
        }
        System.out.printf(Locale.ROOT, "Export parity: %d rows compared over 2 readers and 3 sorts%n", compared);
    }

    private java.time.LocalDate dateOf(String id) {
        try {
            return embedded.get(id).orElseThrow().metadata().date();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ids in runs of equal key, each run as its key and its ids sorted: two orders equal but for ties give equal runs. */
    private static List<String> runs(List<String> ids, java.util.function.Function<String, Object> key) {
        List<String> out = new ArrayList<>();
        Object last = null;
        Set<String> run = new TreeSet<>();
        for (String id : ids) {
            Object k = key.apply(id);
            if (!run.isEmpty() && !Objects.equals(k, last)) {
                out.add(last + " " + run);
                run = new TreeSet<>();
            }
            run.add(id);
            last = k;
        }
        if (!run.isEmpty()) {
            out.add(last + " " + run);
        }
        return out;
    }

    @Test
    @Order(9)
    void the_overdue_view_on_solr_names_the_passed_deadlines_and_lists_what_the_embedded_one_lists() throws Exception {
        // both hold the same documents since the graph check above (the classified copy included)
        ReferenceGraph localGraph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(embedded), DICTIONARIES);
        ReferenceGraph solrGraph = SnapshotReferenceGraph.perQuery(new SolrGraphLookups(solr.client(), COLLECTION),
                DICTIONARIES);
        java.time.LocalDate today = java.time.LocalDate.now();
        java.util.SortedSet<String> due = solrGraph.deadlineBefore(today).orElseThrow(
                () -> new AssertionError("the collection's deadline field answers"));
        assertEquals(localGraph.deadlineBefore(today).orElseThrow(), due);
        Tracker tracker = new Tracker(AdminUnits.load(null), java.time.Clock.systemDefaultZone());
        SearchService local = new LuceneSearchService(embedded);
        SearchService onSolr = new SolrSearchService(solr.client(), COLLECTION);
        for (SearchRequest among : List.of(SearchRequest.of(""), SearchRequest.of("Triệu Phong"))) {
            List<Tracking> expected = tracker.overdue(among, localGraph, local);
            List<Tracking> asked = tracker.overdue(among, solrGraph, onSolr);
            assertTrue(expected.stream().anyMatch(t -> "374-CV/HU".equals(t.number())),
                    "374-CV/HU's deadline 01/7/2020 passed unanswered: " + expected);
            assertEquals(Json.MAPPER.writeValueAsString(expected), Json.MAPPER.writeValueAsString(asked),
                    "the overdue view on Solr, among " + among.query());
            assertEquals(Json.MAPPER.writeValueAsString(tracker.overdueByScan(among, solrGraph, onSolr)),
                    Json.MAPPER.writeValueAsString(asked), "the deadline filter finds what reading every document does");
        }
        // what the overdue view reads of its candidates, together: on Solr one query, as embedded one pass
        List<String> ids = new ArrayList<>(due);
        ids.add("khong-co-van-ban-nay");
        for (Clearance c : Clearance.values()) {
            SearchService l = local.restrictedTo(c);
            SearchService o = onSolr.restrictedTo(c);
            Map<String, vn.archive.model.DocumentMetadata> read = l.metadataOf(ids);
            assertEquals(read, o.metadataOf(ids), "the candidates' metadata for a reader cleared " + c);
            for (vn.archive.model.DocumentMetadata m : read.values()) {
                assertEquals(l.surelyVisible(m), o.surelyVisible(m), "surely visible to " + c + ": " + m.number());
            }
        }
        System.out.printf(Locale.ROOT, "Tracking parity: %d documents past a deadline, overdue view equal%n",
                due.size());
    }

    @Test
    @Order(10)
    void the_portal_served_on_solr_answers_the_search_page_and_a_tree_page_with_the_embedded_hits() throws Exception {
        AppConfig config = new AppConfig(temp.resolve("portal-data"), CONFIG, "127.0.0.1", 0);
        String query = "dân vận khéo";
        SearchResponse local = new LuceneSearchService(embedded, new QueryFactory(embedded.analyzer(),
                KindNames.load(CONFIG), EnumSet.allOf(QueryFactory.Feature.class))).restrictedTo(Clearance.NONE)
                .search(new SearchRequest(query, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 100));
        assertTrue(local.total() > 0 && local.total() <= 100, "all the hits on one page: " + local.total());
        ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(embedded), DICTIONARIES);
        ReferenceGraph.ImplementationNode tree = null;
        for (String id : ids) {
            String number = embedded.get(id).orElseThrow().metadata().number();
            Optional<ReferenceGraph.ImplementationNode> t = number == null ? Optional.empty()
                    : graph.implementations(number, ReferenceGraph.MAX_TREE_NODES);
            List<String> nodes = new ArrayList<>();
            t.ifPresent(n -> collect(n, nodes));
            // a tree without the classified copy, which an anonymous reader of the portal does not see
            boolean open = nodes.stream().noneMatch(n -> n.startsWith("secret-copy-"));
            if (open && t.isPresent() && (tree == null || size(t.get()) > size(tree))) {
                tree = t.get();
            }
        }
        assertTrue(tree != null && !tree.children().isEmpty(), "a number of the corpus has a tree");
        try (vn.archive.Archive archive = vn.archive.Archive.onSolr(config, cluster.target(COLLECTION))) {
            Javalin app = archive.webApp().start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + app.port();
                String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
                JsonNode api = Json.MAPPER.readTree(get(http, base + "/api/search?q=" + q + "&size=100"));
                Set<String> served = new TreeSet<>();
                api.path("hits").forEach(h -> served.add(h.path("id").asText()));
                Set<String> expected = new TreeSet<>();
                local.hits().forEach(h -> expected.add(h.id()));
                assertEquals(local.total(), api.path("total").asLong());
                assertEquals(expected, served, "the portal on Solr finds the embedded hits");
                String page = get(http, base + "/?q=" + q);
                assertTrue(page.contains("/documents/" + local.hits().get(0).id()), "the search page lists the hits");

                String treePage = get(http, base + SnapshotReferenceGraph.numberUrl(tree.number()));
                List<String> descendants = new ArrayList<>();
                collect(tree, descendants);
                for (String id : descendants.subList(1, descendants.size()).stream()
                        .filter(id -> !id.equals("null")).toList()) {
                    assertTrue(treePage.contains("/documents/" + id), tree.number() + "'s tree page shows " + id);
                }
                JsonNode served0 = Json.MAPPER.readTree(get(http, base + "/api/references/"
                        + SnapshotReferenceGraph.numberUrl(tree.number()).substring("/references/".length())
                        + "/implementations"));
                List<String> servedIds = new ArrayList<>();
                collect(served0, servedIds);
                assertEquals(descendants, servedIds, "the tree's API answer on Solr is the embedded tree");
            } finally {
                app.stop();
            }
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }

    private static int size(ReferenceGraph.ImplementationNode node) {
        int n = 1;
        for (ReferenceGraph.ImplementationNode child : node.children()) {
            n += size(child);
        }
        return n;
    }

    /** The ids of a tree's nodes, depth first (ids of placeholders not in the archive included as they are). */
    private static void collect(ReferenceGraph.ImplementationNode node, List<String> out) {
        out.add(String.valueOf(node.id()));
        node.children().forEach(c -> collect(c, out));
    }

    private static void collect(JsonNode node, List<String> out) {
        out.add(node.path("id").isNull() || node.path("id").isMissingNode() ? "null" : node.path("id").asText());
        node.path("children").forEach(c -> collect(c, out));
    }

    @Test
    @Order(11)
    void the_import_verb_with_solr_fills_a_collection_that_search_then_finds() throws Exception {
        String node = cluster.nodes().get(0).url();
        try (SolrClient client = SolrClients.node(node)) {
            SolrSetup.create(client, "directive-archive", "imported", 1, 1);
        }
        String solrValue = node.replaceFirst("^http://", "").replaceFirst("/solr$", "") + "/imported";
        int code = vn.archive.App.commandLine().execute("import", "corpus/seeds", "--data",
                temp.resolve("verb-data").toString(), "--solr", solrValue, "--no-progress", "--workers", "1");
        assertEquals(0, code);
        SolrSearchService search = new SolrSearchService(solr.client(), "imported");
        long seeds;
        try (Stream<Path> files = Files.list(Path.of("corpus/seeds"))) {
            seeds = files.count();
        }
        assertEquals(seeds, search.count(), "every seed imported into the collection");
        assertTrue(search.search(SearchRequest.of("dan van kheo")).total() > 0);
    }

    @Test
    @Order(12)
    void every_verb_that_opens_an_archive_runs_on_the_collection_and_migrate_moves_it_out_back_and_to_an_alias()
            throws Exception {
        String node = cluster.nodes().get(0).url().replaceFirst("^http://", "").replaceFirst("/solr$", "");
        Path data = temp.resolve("verb-data");
        SolrSearchService imported = new SolrSearchService(solr.client(), "imported");
        long count = imported.count();
        Set<String> found = hitIds(imported, "dan van kheo");
        String id = found.iterator().next();

        CliRun withdrawn = CliRun.of("withdraw", id, "--reason", "nhập nhầm", "--data", data.toString(),
                "--solr", node + "/imported");
        assertEquals(0, withdrawn.code(), withdrawn.err());
        assertTrue(imported.restrictedTo(Clearance.NONE).visibleAmong(List.of(id)).isEmpty(), "withdrawn on Solr");
        assertEquals(0, CliRun.of("withdraw", id, "--undo", "--data", data.toString(), "--solr", node + "/imported")
                .code());
        assertEquals(Set.of(id), imported.restrictedTo(Clearance.NONE).visibleAmong(List.of(id)), "restored on Solr");

        Path pkg = temp.resolve("package.zip");
        CliRun exported = CliRun.of("export-package", "--query", "dân vận khéo", "--out", pkg.toString(), "--data",
                data.toString(), "--solr", node + "/imported");
        assertEquals(0, exported.code(), exported.err());
        java.util.regex.Matcher n = java.util.regex.Pattern.compile("Đã xuất (\\d+) văn bản").matcher(exported.out());
        assertTrue(n.find() && Integer.parseInt(n.group(1)) >= found.size() && Files.size(pkg) > 0, exported.out());
        CliRun reocr = CliRun.of("reocr", "--data", data.toString(), "--solr", node + "/imported");
        assertEquals(0, reocr.code(), reocr.err());
        CliRun retried = CliRun.of("import", "--retry-failed", "--no-progress", "--data", data.toString(), "--solr",
                node + "/imported");
        assertEquals(0, retried.code(), retried.err());
        assertTrue(retried.out().contains("Nhập lại"), retried.out());

        // backup of the collection and everything under --data; restore into an embedded archive and a collection
        Path zip = temp.resolve("solr-backup.zip");
        CliRun backup = CliRun.of("backup", "--data", data.toString(), "--out", zip.toString(), "--solr",
                node + "/imported");
        assertEquals(0, backup.code(), backup.err());
        try (SolrClient admin = SolrClients.node(cluster.nodes().get(0).url())) {
            for (String c : List.of("restored", "migrated", "reindexed")) {
                SolrSetup.create(admin, "directive-archive", c, 1, 1);
            }
        }
        Path restoredData = temp.resolve("restored-data");
        CliRun restored = CliRun.of("restore", zip.toString(), "--data", restoredData.toString(), "--solr",
                node + "/restored");
        assertEquals(0, restored.code(), restored.out() + restored.err());
        SolrSearchService restoredSearch = new SolrSearchService(solr.client(), "restored");
        assertEquals(count, restoredSearch.count(), "documents in = documents out: " + restored.out());
        assertEquals(found, hitIds(restoredSearch, "dan van kheo"));
        try (LuceneIndex local = LuceneIndex.open(restoredData.resolve("index"))) {
            assertEquals(solr.client().query("imported", new SolrQuery("*:*").setRows(0)).getResults().getNumFound(),
                    local.count(), "the restored embedded archive holds every document of the collection");
        }

        // out of SolrCloud into the data folder's own index, back into a new collection, then a reindex to an alias
        CliRun out = CliRun.of("migrate", "--data", data.toString(), "--from-solr", node + "/imported");
        assertEquals(0, out.code(), out.out() + out.err());
        assertTrue(out.out().contains("khớp") && out.out().contains("every document's original"), out.out());
        try (vn.archive.Archive local = vn.archive.Archive.open(new AppConfig(data, CONFIG, "127.0.0.1", 0))) {
            assertEquals(found, hitIds(local.search(), "dan van kheo"), "the embedded archive finds the same");
        }
        CliRun in = CliRun.of("migrate", "--data", data.toString(), "--to-solr", node + "/migrated");
        assertEquals(0, in.code(), in.out() + in.err());
        CliRun notEmpty = CliRun.of("migrate", "--data", data.toString(), "--to-solr", node + "/migrated");
        assertEquals(1, notEmpty.code(), "a collection that is not empty is refused");
        assertTrue(notEmpty.err().contains("not empty") || notEmpty.err().contains("empty one"), notEmpty.err());
        CliRun reindexed = CliRun.of("migrate", "--data", data.toString(), "--from-solr", node + "/migrated",
                "--to-solr", node + "/reindexed", "--alias", "archive-live");
        assertEquals(0, reindexed.code(), reindexed.out() + reindexed.err());
        SolrSearchService live = new SolrSearchService(solr.client(), "archive-live");
        assertEquals(count, live.count(), "the alias names the reindexed collection");
        assertEquals(found, hitIds(live, "dan van kheo"));
    }

    /** The ids a search finds (a set: scores may tie differently in collections with other deleted copies). */
    private static Set<String> hitIds(vn.archive.search.SearchService search, String query) throws IOException {
        Set<String> out = new TreeSet<>();
        search.search(new SearchRequest(query, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 100)).hits()
                .forEach(h -> out.add(h.id()));
        assertFalse(out.isEmpty(), query + " finds something");
        return out;
    }

    @Test
    @Order(13)
    void searches_keep_answering_after_kill_9_of_a_node_and_the_node_comes_back() throws Exception {
        SolrCluster.Node victim = cluster.nodes().get(1);
        String query = SolrQueries.toSolr(new QueryFactory(embedded.analyzer()).build("dân vận khéo"));
        long expected = solr.client().query(COLLECTION, new SolrQuery(query).setRows(0)).getResults().getNumFound();
        assertTrue(expected > 0);
        long killedAt = System.nanoTime();
        cluster.kill(victim);
        double goneAfter = -1;
        int failedAfterGone = 0;
        int failedBeforeGone = 0;
        int searches = 0;
        List<String> failures = new ArrayList<>();
        try (SolrClient survivor = SolrClients.node(cluster.nodes().get(0).url())) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            int okAfterGone = 0;
            while (System.nanoTime() < deadline && okAfterGone < 20) {
                boolean gone = goneAfter >= 0 || !liveNodes(survivor).contains(victim.name());
                if (gone && goneAfter < 0) {
                    goneAfter = (System.nanoTime() - killedAt) / 1e9;
                }
                searches++;
                try {
                    long found = solr.client().query(COLLECTION, new SolrQuery(query).setRows(10)).getResults()
                            .getNumFound();
                    assertEquals(expected, found, "every document is still found");
                    if (gone) {
                        okAfterGone++;
                    }
                } catch (Exception e) {
                    if (gone) {
                        failedAfterGone++;
                        failures.add(e.toString());
                    } else {
                        failedBeforeGone++;
                    }
                }
                Thread.sleep(100);
            }
        }
        System.out.printf(Locale.ROOT, "kill -9: node gone from live_nodes after %.1f s; %d searches, %d failed "
                + "before that, %d after%n", goneAfter, searches, failedBeforeGone, failedAfterGone);
        assertTrue(goneAfter >= 0, "the killed node left live_nodes");
        assertEquals(0, failedAfterGone, "no failed search once the node is gone: " + failures);

        // an import while the node is down: writes are accepted once it has left live_nodes, and nothing is lost
        long before = solr.count();
        Path down = temp.resolve("while-down");
        Files.createDirectories(down);
        int written = 0;
        List<Path> texts = new ArrayList<>();
        for (Path dir : List.of(Path.of("corpus/seeds"), Path.of("corpus/state"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(6).forEach(texts::add);
            }
        }
        for (Path text : texts) {
            Files.writeString(down.resolve(text.getFileName()), Files.readString(text, StandardCharsets.UTF_8)
                    + "\nBản nhập khi một nút ngừng, số " + written++ + ".\n", StandardCharsets.UTF_8);
        }
        String nodes = cluster.nodes().stream().map(n -> n.url().replaceFirst("^http://", "")
                .replaceFirst("/solr$", "")).collect(java.util.stream.Collectors.joining(","));
        long importAt = System.nanoTime();
        CliRun imported = CliRun.of("import", down.toString(), "--data", temp.resolve("down-data").toString(),
                "--solr", nodes + "/" + COLLECTION, "--no-progress", "--workers", "1");
        assertEquals(0, imported.code(), imported.out() + imported.err());
        assertEquals(written, imported.out().lines().filter(l -> l.startsWith("IMPORTED")).count(), imported.out());
        assertEquals(before + written, solr.count(), "every file imported while the node was down is in the collection");
        long expectedAfter = solr.client().query(COLLECTION, new SolrQuery(query).setRows(0)).getResults().getNumFound();
        System.out.printf(Locale.ROOT, "kill -9: %d files imported through the import verb with one node down in "
                + "%.1f s%n", written, (System.nanoTime() - importAt) / 1e9);

        long restartAt = System.nanoTime();
        cluster.restart(victim);
        try (SolrClient node = SolrClients.node(victim.url())) {
            assertTrue(liveNodes(node).contains(victim.name()), "the restarted node is live again");
            SolrQuery local = new SolrQuery(query).setRows(0);
            local.set("distrib", true);
            assertEquals(expectedAfter, node.query(COLLECTION, local).getResults().getNumFound());
        }
        double answering = (System.nanoTime() - restartAt) / 1e9;
        Map<String, List<Long>> perShard = recoveredReplicaCounts(victim, 120);
        long total = 0;
        for (Map.Entry<String, List<Long>> shard : perShard.entrySet()) {
            assertEquals(1, new TreeSet<>(shard.getValue()).size(), shard.getKey() + "'s replicas agree: " + perShard);
            total += shard.getValue().get(0);
        }
        assertEquals(before + written, total, "the restarted node's replicas hold what was imported without it");
        System.out.printf(Locale.ROOT, "kill -9: node restarted and answering in %.1f s, its replicas recovered "
                + "with every document in %.1f s: %s%n", answering, (System.nanoTime() - restartAt) / 1e9, perShard);
    }

    /**
     * Waits until every replica of the collection is active on a live node, then each replica's own count (no
     * distributed search), by shard; fails after the timeout with the cluster state.
     */
    private Map<String, List<Long>> recoveredReplicaCounts(SolrCluster.Node restarted, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode status = Json.MAPPER.readTree(get(http, restarted.url()
                    + "/admin/collections?action=CLUSTERSTATUS&wt=json&collection=" + COLLECTION));
            last = status.toString();
            Set<String> live = new TreeSet<>();
            status.path("cluster").path("live_nodes").forEach(n -> live.add(n.asText()));
            Map<String, List<Long>> counts = new java.util.TreeMap<>();
            boolean ready = true;
            var shards = status.path("cluster").path("collections").path(COLLECTION).path("shards").properties();
            for (Map.Entry<String, JsonNode> shard : shards) {
                for (JsonNode r : shard.getValue().path("replicas")) {
                    if (!"active".equals(r.path("state").asText()) || !live.contains(r.path("node_name").asText())) {
                        ready = false;
                        continue;
                    }
                    JsonNode select = Json.MAPPER.readTree(get(http, r.path("base_url").asText() + "/"
                            + r.path("core").asText() + "/select?q=*:*&rows=0&distrib=false&wt=json"));
                    counts.computeIfAbsent(shard.getKey(), k -> new ArrayList<>())
                            .add(select.path("response").path("numFound").asLong());
                }
            }
            if (ready && counts.values().stream().allMatch(c -> new TreeSet<>(c).size() == 1)) {
                return counts;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("replicas not active and in agreement after " + seconds + " s: " + last);
    }

    @Test
    @Order(14)
    void a_commit_marks_the_renditions_that_are_not_preferred_old_ones_included_and_a_search_asks_only_its_page()
            throws Exception {
        SolrSearchService search = new SolrSearchService(solr.client(), COLLECTION);
        ArchivedDocument found = null;
        for (String id : ids) {
            ArchivedDocument d = embedded.get(id).orElseThrow();
            if (d.metadata().number() != null && !d.source().ocr() && d.notes().isEmpty()
                    && d.metadata().classification() == null) {
                found = d;
                break;
            }
        }
        assertTrue(found != null, "a typed document with a number and no other rendition");
        ArchivedDocument typed = found;
        long directives = search.count();
        // an OCR reading of it, linked to it: the typed one stays the directive
        vn.archive.model.SourceInfo src = typed.source();
        ArchivedDocument scan = new ArchivedDocument("scan-of-" + typed.id(), typed.metadata(),
                new vn.archive.model.SourceInfo("scan.pdf", "scan-" + src.sha256(), "application/pdf", true, src.size(),
                        src.paths()), typed.text(), List.of(ArchivedDocument.sameDirectiveNote(typed.id())));
        solr.upsert(scan);
        solr.commit();
        assertEquals(directives, search.count(), "the scan is the same directive");
        assertEquals(typed.id(), search.directiveId(scan.id()));
        SearchRequest byNumber = SearchRequest.of(typed.metadata().number());
        SearchHit hit = search.search(byNumber).hits().stream().filter(h -> h.id().equals(typed.id())).findFirst()
                .orElseThrow(() -> new AssertionError(typed.metadata().number() + " finds " + typed.id()));
        assertEquals(2, hit.renditions());
        // a typed copy with a smaller id, linked only to the scan: it becomes the directive, and the old typed
        // document, not written again, is marked by the commit
        ArchivedDocument copy = new ArchivedDocument("0-copy-" + typed.id(), typed.metadata(),
                new vn.archive.model.SourceInfo("copy.docx", "copy-" + src.sha256(), src.mediaType(), false, src.size(),
                        src.paths()), typed.text(), List.of(ArchivedDocument.sameDirectiveNote(scan.id())));
        solr.upsert(copy);
        solr.commit();
        assertEquals(directives, search.count(), "three renditions, one directive");
        assertEquals(copy.id(), search.directiveId(typed.id()));
        assertEquals(List.of(copy.id(), typed.id(), scan.id()),
                search.renditions(scan.id()).stream().map(ArchivedDocument::id).toList());
        Set<String> hits = new TreeSet<>();
        long before = search.groups().lookups();
        search.search(byNumber).hits().forEach(h -> hits.add(h.id()));
        long lookups = search.groups().lookups() - before;
        assertTrue(hits.contains(copy.id()) && !hits.contains(typed.id()) && !hits.contains(scan.id()), hits.toString());
        assertTrue(lookups >= 1 && lookups <= 4, "filter queries on the links of the page only: " + lookups);
        // the copy corrected to another number is another directive: the first typed one is preferred again
        solr.upsert(new ArchivedDocument(copy.id(), copy.metadata().toBuilder().number("9999-CV/HU").build(),
                copy.source(), copy.text(), copy.notes()));
        solr.commit();
        assertEquals(directives + 1, search.count());
        assertEquals(typed.id(), search.directiveId(typed.id()));
        assertEquals(typed.id(), search.directiveId(scan.id()));
        System.out.printf(Locale.ROOT, "Rendition marks: a search asked %d filter queries on the link field%n",
                lookups);
    }

    @Test
    @Order(15)
    void trees_and_tracking_of_local_numbers_shared_by_provinces_are_read_by_place_on_solr_as_embedded() throws Exception {
        // a generated archive where local numbers restart in every province, in an embedded index and a collection
        String name = "generated";
        try (LuceneIndex generated = vn.archive.bench.GeneratedCorpus.indexed(temp.resolve("generated"), 600, 7)) {
            try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
                SolrSetup.create(node, "directive-archive", name, 2, 1);
            }
            List<ArchivedDocument> docs = new ArrayList<>();
            for (ArchivedDocument d : vn.archive.bench.GraphHeapBench.documents(generated)) {
                docs.add(generated.get(d.id()).orElseThrow()); // with its text, which places it
            }
            try (SolrArchiveIndex onSolr = SolrArchiveIndex.open(cluster.target(name), KindNames.builtIn())) {
                for (ArchivedDocument d : docs) {
                    onSolr.upsert(d);
                }
                onSolr.commit();
                LuceneGraphLookups local = new LuceneGraphLookups(generated);
                SolrGraphLookups remote = new SolrGraphLookups(onSolr.client(), name);
                // every place term of the archive finds the same documents on both
                Set<String> own = new TreeSet<>();
                Set<String> cited = new TreeSet<>();
                Map<String, Set<Set<String>>> provinces = new HashMap<>(); // a number's bearers' provinces
                for (ArchivedDocument d : docs) {
                    var terms = vn.archive.index.DocumentMapper.placeTerms(d.metadata(),
                            vn.archive.text.GraphText.of(d.text()));
                    own.addAll(terms.get(Fields.NUMBER_AT));
                    cited.addAll(terms.get(Fields.CITES_AT));
                    if (d.metadata().number() != null) {
                        Set<String> at = new TreeSet<>(terms.get(Fields.NUMBER_AT).stream()
                                .filter(t -> t.contains("@p:") && !t.endsWith("@p:?")).toList());
                        if (!at.isEmpty()) {
                            provinces.computeIfAbsent(d.metadata().number(), n -> new HashSet<>()).add(at);
                        }
                    }
                }
                own.remove(vn.archive.text.PlaceKeys.MARK);
                assertEquals(local.bearingAt(own).orElseThrow(), remote.bearingAt(own).orElseThrow(), "namesakes by place");
                assertEquals(local.citingAt(cited).orElseThrow(), remote.citingAt(cited).orElseThrow(), "citers by place");
                // the numbers borne in two provinces or more, largest embedded trees first
                ReferenceGraph localGraph = SnapshotReferenceGraph.perQuery(local, DICTIONARIES);
                Map<String, Integer> asked = new java.util.TreeMap<>();
                GraphLookups counted = (GraphLookups) java.lang.reflect.Proxy.newProxyInstance(
                        GraphLookups.class.getClassLoader(), new Class<?>[] {GraphLookups.class}, (proxy, method, args) -> {
                            Object answer;
                            try {
                                answer = method.invoke(remote, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                            String key = method.getName() + (answer instanceof Optional<?> o && o.isEmpty() ? " (cannot)" : "");
                            asked.merge(key, 1, Integer::sum);
                            return answer;
                        });
                ReferenceGraph solrGraph = SnapshotReferenceGraph.perQuery(counted, DICTIONARIES);
                Map<String, Integer> sizes = new HashMap<>();
                for (var e : provinces.entrySet()) {
                    if (e.getValue().size() >= 2) { // borne by documents of different provinces
                        sizes.put(e.getKey(), localGraph.implementations(e.getKey())
                                .map(ReferenceGraph.ImplementationNode::size).orElse(0));
                    }
                }
                List<String> shared = sizes.keySet().stream().sorted(java.util.Comparator.comparing(
                        (String n) -> -sizes.get(n)).thenComparing(n -> n)).limit(25).toList();
                assertTrue(shared.size() >= 5, "local numbers are borne in several provinces: " + shared);
                SearchService localSearch = new LuceneSearchService(generated);
                SearchService solrSearch = new SolrSearchService(onSolr.client(), name);
                Tracker tracker = new Tracker(AdminUnits.load(null), java.time.Clock.systemDefaultZone());
                int nodes = 0;
                int tracked = 0;
                for (String number : shared) {
                    Optional<ReferenceGraph.ImplementationNode> tree = localGraph.implementations(number);
                    assertEquals(tree, solrGraph.implementations(number), "the tree of " + number);
                    nodes += tree.map(ReferenceGraph.ImplementationNode::size).orElse(0);
                    Optional<Tracking> tracking = tracker.track(number, localGraph, localSearch);
                    assertEquals(Json.MAPPER.writeValueAsString(tracking.orElse(null)), Json.MAPPER.writeValueAsString(
                            tracker.track(number, solrGraph, solrSearch).orElse(null)), "tracking of " + number);
                    tracked += tracking.isPresent() ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "Place lookups on Solr: %d local numbers of several provinces, %d tree "
                        + "nodes, %d tracked, lookups %s%n", shared.size(), nodes, tracked, asked);
                // the collection unchanged, a view is kept between questions: the same trees again read nothing
                Object version = remote.version();
                assertTrue(version != null && version.equals(remote.version()), "the collection's version: " + version);
                Map<String, Integer> before = new java.util.TreeMap<>(asked);
                long v0 = System.nanoTime();
                for (String number : shared) {
                    assertEquals(localGraph.implementations(number), solrGraph.implementations(number), "again " + number);
                }
                long v1 = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    remote.version();
                }
                long v2 = System.nanoTime();
                // the same trees with nothing kept between questions (no version), for the cost of a tree read afresh
                ReferenceGraph unkept = SnapshotReferenceGraph.perQuery((GraphLookups) java.lang.reflect.Proxy
                        .newProxyInstance(GraphLookups.class.getClassLoader(), new Class<?>[] {GraphLookups.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("version")) {
                                        return null;
                                    }
                                    try {
                                        return method.invoke(remote, args);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                }), DICTIONARIES);
                for (String number : shared) {
                    unkept.implementations(number);
                }
                System.out.printf(Locale.ROOT, "Unkept views on Solr: %d trees read afresh in %.1f ms%n", shared.size(),
                        (System.nanoTime() - v2) / 1e6);
                System.out.printf(Locale.ROOT, "Kept views on Solr: %d trees again in %.1f ms, lookups %s; version "
                        + "%s in %.1f ms a call%n", shared.size(), (v1 - v0) / 1e6, asked, version,
                        (v2 - v1) / 1e6 / 20);
                asked.keySet().stream().filter(k -> !k.equals("version"))
                        .forEach(k -> assertEquals(before.get(k), asked.get(k), k + " asked again: " + asked));
                assertTrue(nodes > shared.size(), "the trees have children: " + nodes);
                assertTrue(asked.getOrDefault("citingAt", 0) > 0 && asked.getOrDefault("bearingAt", 0) > 0,
                        "the collection is asked by place: " + asked);
                assertFalse(asked.containsKey("citingAt (cannot)") || asked.containsKey("bearingAt (cannot)"),
                        "and answers by place: " + asked);
                // a document written without the place terms (as before them): the collection can no longer tell
                onSolr.client().add(name, new org.apache.solr.common.SolrInputDocument(Fields.ID, "unmarked"));
                onSolr.client().commit(name);
                assertFalse(version.equals(remote.version()), "a document added: the version changes");
                assertEquals(Optional.empty(), remote.bearingAt(own), "a document without the mark: read by number");
                assertEquals(Optional.empty(), remote.citingAt(cited));
                assertEquals(localGraph.implementations(shared.get(0)), SnapshotReferenceGraph.perQuery(remote,
                        DICTIONARIES).implementations(shared.get(0)), "and the tree read by number is the same");
            } finally {
                try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
                    CollectionAdminRequest.deleteCollection(name).process(node);
                }
            }
        }
    }

    @Test
    @Order(16)
    void a_collection_whose_schema_has_no_place_terms_answers_that_it_cannot_and_is_read_by_number() throws Exception {
        // the configset as it was before the place terms: its schema without number_at and cites_at
        Path zip = temp.resolve("before-place-terms.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String file : SolrSetup.CONFIG_FILES) {
                String text = Files.readString(CONFIG.resolve("solr/conf").resolve(file));
                if (file.equals("schema.xml")) {
                    text = text.replaceAll("(?m)^\\s*<field name=\"(number_at|cites_at)\"[^>]*/>\\s*$", "");
                    assertFalse(text.contains("name=\"number_at\""), "the older schema has no place terms");
                }
                out.putNextEntry(new java.util.zip.ZipEntry(file));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        String name = "older";
        try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
            org.apache.solr.client.solrj.request.ConfigSetAdminRequest.Upload upload =
                    new org.apache.solr.client.solrj.request.ConfigSetAdminRequest.Upload()
                            .setUploadFile(zip, "application/zip").setOverwrite(true).setCleanup(true);
            upload.setConfigSetName("before-place-terms");
            upload.process(node);
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name, "before-place-terms", 1, 1);
            create.setWaitForFinalState(true);
            create.process(node);
        }
        try (SolrArchiveIndex older = SolrArchiveIndex.open(cluster.target(name), KindNames.builtIn())) {
            ArchivedDocument d = null;
            for (String id : ids) {
                ArchivedDocument candidate = embedded.get(id).orElseThrow();
                if (d == null && candidate.metadata().number() != null) {
                    d = candidate;
                }
            }
            assertTrue(d != null, "a document of the corpus has a number");
            org.apache.solr.common.SolrInputDocument doc = new SolrDocuments(KindNames.builtIn()).toSolr(d);
            doc.removeField(Fields.NUMBER_AT);
            doc.removeField(Fields.CITES_AT);
            older.client().add(name, doc);
            older.client().commit(name);
            SolrGraphLookups lookups = new SolrGraphLookups(older.client(), name);
            Set<String> terms = Set.of(vn.archive.text.PlaceKeys.unplaced("1/KH-TU", true));
            assertEquals(Optional.empty(), lookups.citingAt(terms), "Solr refuses the unknown field: cannot tell");
            assertEquals(Optional.empty(), lookups.bearingAt(terms));
            String number = d.metadata().number();
            ReferenceGraph byNumber = SnapshotReferenceGraph.perQuery(lookups, DICTIONARIES);
            assertTrue(byNumber.implementations(number).isPresent(), "read by number: " + number);
        } finally {
            try (SolrClient node = SolrClients.node(cluster.nodes().get(0).url())) {
                CollectionAdminRequest.deleteCollection(name).process(node);
            }
        }
    }

    private static Set<String> liveNodes(SolrClient client) throws Exception {
        NamedList<Object> status = client.request(CollectionAdminRequest.getClusterStatus().setCollectionName(
                COLLECTION));
        @SuppressWarnings("unchecked")
        List<String> live = (List<String>) ((NamedList<Object>) status.get("cluster")).get("live_nodes");
        return new LinkedHashSet<>(live);
    }

    private static List<String> finalTerms(FieldAnalysisResponse response, String field) {
        List<String> out = new ArrayList<>();
        AnalysisResponseBase.AnalysisPhase last = null;
        for (AnalysisResponseBase.AnalysisPhase phase : response.getFieldNameAnalysis(field).getIndexPhases()) {
            last = phase;
        }
        if (last != null) {
            last.getTokens().forEach(t -> out.add(t.getText()));
        }
        return out;
    }

    private static String scores(IndexSearcher searcher, TopFieldDocs top) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(searcher.storedFields().document(sd.doc).get(Fields.ID) + "=" + sd.score);
        }
        return out.toString();
    }

    /** Seeds, the state corpus, the real documents and hard cases of Unicode and Vietnamese spelling. */
    private static List<String> parityTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(Path.of("corpus/seeds"), Path.of("corpus/state"), Path.of("src/test/resources/real"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    texts.add(head(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        texts.addAll(List.of(
                "Bán BẠN ban Thuỷ THỦY kỹ KĨ quý Quí hoà HÒA Y tế",
                "Bán BẠN ban Thuỷ kỹ QUÝ Đảng NÐ",
                Normalizer.normalize("Dân\u00A0vận\u200B khéo", Normalizer.Form.NFD) + " Сộng hòа",
                "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương",
                "Công văn 374-CV/HU; Nghị định 30/2020/NĐ-CP, Quyết định số 1.234/QĐ-UBND",
                "hoá hóa thuỷ thủy khoẻ khỏe uỷ ủy quả qủa",
                "ĐẢNG CỘNG SẢN VIỆT NAM — Độc lập – Tự do – Hạnh phúc “trích” «dẫn» ‘nháy’",
                "ｆｕｌｌｗｉｄｔｈ １２３ ﬁle ① ² ㎡ x\u00ADy a\u2011b e\u0301 o\u0302\u0301 ơ\u0309",
                "email: vanphong@tinhuy.vn http://www.dangcongsan.vn 1,5% 2.000.000đ",
                "中文 日本語 한국어 🙂 emoji ٣ Ελληνικά ß ǅ İstanbul",
                ""));
        return texts;
    }

    /**
     * The first {@value #PARITY_CHARS} characters of a text, cut at a space: Solr's field analysis answers every
     * stage of every token, so whole real documents (millions of terms) would take minutes for little more proof.
     */
    private static String head(String text) {
        if (text.length() <= PARITY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', PARITY_CHARS);
        return text.substring(0, cut > 0 ? cut : PARITY_CHARS);
    }

    /** The queries of the relevance suite (src/test/resources/relevance/queries.tsv), each once. */
    private static List<String> relevanceQueries() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SolrCloudIT.class.getResourceAsStream("/relevance/queries.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t")[0]);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
