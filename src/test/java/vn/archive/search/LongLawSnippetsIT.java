package vn.archive.search;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.BodyHead;
import vn.archive.index.DocumentMapper;
import vn.archive.index.Fields;
import vn.archive.index.HeadSentences;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18, snippets on long laws: on the longest laws of {@code corpus/state} (170–190 KB each) and the seeds,
 * passages are sought in the body's head ({@link BodyHead}) only. A page lists the directives it listed before
 * ({@link SearchPathBaselines}: Lucene's scorer over the whole body); a snippet whose passages the whole body places
 * within the head is the same snippet; the others are passages of the head; passages bounded by the sentence
 * boundaries found at index time are those the sentence iterator gave; and an index built before heads or their
 * sentences were kept answers with the same pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongLawSnippetsIT {
    private static final List<String> QUERIES = List.of("nong thon moi", "nông thôn mới", "bảo vệ môi trường",
            "đất đai", "Ủy ban nhân dân", "trách nhiệm thi hành", "dân vận khéo");
    /** Formats a hit's passages as the end offset of the last of them, so a test can tell where they lie. */
    private static final PassageFormatter LAST_END = new PassageFormatter() {
        @Override
        public Object format(Passage[] passages, String content) {
            int end = 0;
            for (Passage p : passages) {
                end = Math.max(end, p.getEndOffset());
            }
            return Integer.toString(end);
        }
    };

    @TempDir
    static Path temp;
    private KindNames kinds;
    private LuceneIndex index;
    private QueryFactory queries;
    private SearchService now;
    private SearchService before;

    @BeforeAll
    void importTheLongestLaws() throws IOException {
        Path data = temp.resolve("data");
        List<Path> files;
        try (Stream<Path> state = Files.list(Path.of("corpus/state")); Stream<Path> seeds = Files.list(Path.of("corpus/seeds"))) {
            List<Path> longest = state.filter(p -> p.toString().endsWith(".txt"))
                    .sorted(Comparator.comparingLong(LongLawSnippetsIT::size).reversed()).limit(6).toList();
            files = Stream.concat(longest.stream(), seeds.filter(p -> p.toString().endsWith(".txt"))).toList();
        }
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(files, o -> { });
        }
        kinds = KindNames.load(null);
        index = LuceneIndex.open(data.resolve("index"), kinds);
        queries = new QueryFactory(index.analyzer(), kinds, EnumSet.allOf(QueryFactory.Feature.class));
        now = new LuceneSearchService(index, queries);
        before = SearchPathBaselines.previousPages(index, queries);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    private static List<String> queries() {
        return QUERIES;
    }

    private static SearchRequest page(String query) {
        return new SearchRequest(query, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20, false);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("queries")
    void a_page_of_hits_on_long_laws_lists_the_directives_it_listed_before(String query) throws IOException {
        SearchResponse expected = before.search(page(query));
        SearchResponse actual = now.search(page(query));
        assertTrue(expected.total() > 0, query + " finds something");
        assertTrue(actual.hits().stream().anyMatch(h -> h.snippet().contains("<mark>")), "a passage is marked");
        assertEquals(withoutSnippets(expected.hits()), withoutSnippets(actual.hits()));
        assertEquals(expected.total(), actual.total());
    }

    private static List<SearchHit> withoutSnippets(List<SearchHit> hits) {
        return hits.stream().map(h -> new SearchHit(h.id(), h.kind(), h.number(), h.date(), h.issuer(), h.place(),
                h.title(), "", h.url(), h.renditions())).toList();
    }

    /**
     * Every document the highlight query finds, for every query: where the whole body's best passages end within the
     * head, the snippet is the whole body's, character for character; where they end past it, the snippet is made of
     * passages of the head (the bound's one difference). Both cases occur on these laws.
     */
    @Test
    void a_snippet_is_the_whole_bodys_wherever_its_passages_lie_within_the_head() throws IOException {
        LuceneSnippets bounded = new LuceneSnippets(queries, index.analyzer());
        LuceneSnippets whole = new LuceneSnippets(queries, index.analyzer(), new LucenePassageScores(), LuceneSnippets.Reach.WHOLE_BODY);
        int same = 0;
        List<String> pastTheHead = new ArrayList<>();
        IndexSearcher searcher = index.searchers().acquire();
        try {
            for (String query : QUERIES) {
                ScoreDoc[] docs = searcher.search(queries.highlightQuery(query), 200).scoreDocs;
                String[] snippets = bounded.of(searcher, query, docs);
                String[] expected = whole.of(searcher, query, docs);
                String[] wholeEnds = whole.of(searcher, query, docs, LAST_END);
                String[] boundedEnds = bounded.of(searcher, query, docs, LAST_END);
                for (int i = 0; i < docs.length; i++) {
                    String body = searcher.storedFields().document(docs[i].doc, Set.of(Fields.BODY)).get(Fields.BODY);
                    int head = BodyHead.of(body).length();
                    assertNotNull(expected[i], query + ": the whole body has a passage");
                    if (Integer.parseInt(wholeEnds[i]) <= head) {
                        assertEquals(expected[i], snippets[i], query + " in document " + docs[i].doc);
                        same++;
                    } else {
                        assertNotNull(snippets[i], query + ": the head of a hit on its body has a passage");
                        assertTrue(Integer.parseInt(boundedEnds[i]) <= head, query + ": passages lie in the head");
                        assertTrue(body.length() > BodyHead.MAX_CHARS, "only a long body is cut");
                        pastTheHead.add(query + " in a body of " + body.length() + " chars");
                    }
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        assertTrue(same > 0, "some snippets lie within the head");
        assertTrue(!pastTheHead.isEmpty(), "some whole-body snippets lie past the head of these long laws");
    }

    /** Formats a hit's passages as their start offsets, comma-separated. */
    private static final PassageFormatter STARTS = new PassageFormatter() {
        @Override
        public Object format(Passage[] passages, String content) {
            return String.join(",", Stream.of(passages).map(p -> Integer.toString(p.getStartOffset())).toList());
        }
    };

    /**
     * Issue 18's second step: the passages' bounds looked up in the sentence boundaries found at index time give
     * the snippets the sentence iterator gave, character for character, for every document each query finds (long
     * laws whose heads are doc values, and seeds whose heads are their stored bodies). The one allowed difference is
     * the JDK iterator's: asked backwards first in a fresh text, it may start a passage at a point its own walk
     * through the text does not break at (the previous sentence's full stop); the prepared start is then the walk's.
     */
    @Test
    void prepared_sentence_boundaries_give_the_snippets_the_sentence_iterator_gave() throws IOException {
        LuceneSnippets prepared = new LuceneSnippets(queries, index.analyzer());
        LuceneSnippets iterated = SearchPathBaselines.iteratedSnippets(queries, index);
        int same = 0;
        int spurious = 0;
        IndexSearcher searcher = index.searchers().acquire();
        try {
            LuceneHeads heads = new LuceneHeads(searcher);
            for (String query : QUERIES) {
                ScoreDoc[] docs = searcher.search(queries.highlightQuery(query), 200).scoreDocs;
                Arrays.sort(docs, Comparator.comparingInt(d -> d.doc));
                String[] expected = iterated.of(searcher, query, docs);
                String[] actual = prepared.of(searcher, query, docs);
                String[] expectedStarts = iterated.of(searcher, query, docs, STARTS);
                String[] actualStarts = prepared.of(searcher, query, docs, STARTS);
                for (int i = 0; i < docs.length; i++) {
                    if (Objects.equals(expected[i], actual[i])) {
                        same++;
                        continue;
                    }
                    int[] walk = HeadSentences.of(heads.of(docs[i].doc).text());
                    List<String> before = List.of(expectedStarts[i].split(","));
                    assertTrue(before.stream().anyMatch(b -> Arrays.binarySearch(walk, Integer.parseInt(b)) < 0),
                            query + " in document " + docs[i].doc + ": the iterator started a passage off its walk");
                    for (String start : actualStarts[i].split(",")) {
                        assertTrue(before.contains(start) || Arrays.binarySearch(walk, Integer.parseInt(start)) >= 0,
                                query + " in document " + docs[i].doc + ": a prepared passage starts on the walk");
                    }
                    spurious++;
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
        assertTrue(same > 40 && spurious <= same / 20, same + " snippets the same, " + spurious + " not");
    }

    /**
     * A page without query words (a lookup by filter, such as {@code cites:}) shows each hit's opening, now cut from
     * the head: on these laws it is the opening the whole body gave, hit for hit.
     */
    @Test
    void a_page_without_words_shows_the_openings_the_whole_bodies_gave() throws IOException {
        SearchRequest all = new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 50, false);
        SearchResponse expected = before.search(all);
        SearchResponse actual = now.search(all);
        assertTrue(expected.hits().size() > 6, "the laws and the seeds");
        assertEquals(expected.hits(), actual.hits());
        IndexSearcher searcher = index.searchers().acquire();
        try {
            LuceneHeads heads = new LuceneHeads(searcher);
            int cut = 0;
            for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                String body = searcher.storedFields().document(doc, Set.of(Fields.BODY)).get(Fields.BODY);
                LuceneHeads.Head head = heads.of(doc);
                assertEquals(body.length(), head.bodyLength());
                assertEquals(LuceneSnippets.fallback(body), LuceneSnippets.fallback(head.text()), "document " + doc);
                cut += head.text().length() < body.length() ? 1 : 0;
            }
            assertTrue(cut >= 6, "the long laws' heads are cut");
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** The indexes of earlier versions: before heads were kept, and with UTF-8 heads but no sentence boundaries. */
    private static List<String> olderIndexes() {
        return List.of("without heads", "with UTF-8 heads");
    }

    /**
     * An archive indexed before heads were kept (no head doc values), or with the UTF-8 heads of issue 18's first
     * step ({@link Fields#BODY_HEAD}, no {@link Fields#BODY_SENTENCES}), opens and answers the same pages, snippets
     * included: the head is cut from the stored body as the index would have cut it, or decoded from UTF-8, and the
     * sentence iterator finds the same bounds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("olderIndexes")
    void an_index_of_an_earlier_version_answers_the_same_pages(String older) throws IOException {
        DocumentMapper mapper = new DocumentMapper(DocumentMapper.newFacetsConfig(), kinds);
        int withHead = 0;
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            List<ArchivedDocument> documents = new ArrayList<>();
            index.forEachDocument(documents::add);
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(index.analyzer()))) {
                for (ArchivedDocument d : documents) {
                    Document doc = mapper.toDocument(d);
                    IndexableField head = doc.getField(Fields.BODY_HEAD_UTF16);
                    doc.removeFields(Fields.BODY_HEAD_UTF16);
                    doc.removeFields(Fields.BODY_SENTENCES);
                    if (head != null && older.equals("without heads")) {
                        doc.removeFields(Fields.BODY_CHARS);
                    } else if (head != null) {
                        doc.add(new BinaryDocValuesField(Fields.BODY_HEAD,
                                new BytesRef(BodyHead.ofUtf16(head.binaryValue()))));
                    }
                    withHead += head != null ? 1 : 0;
                    writer.addDocument(doc);
                }
            }
            assertTrue(withHead > 0, "the long laws have heads today");
            try (LuceneIndex old = LuceneIndex.open(directory)) {
                SearchService answers = new LuceneSearchService(old, queries);
                for (String query : QUERIES) {
                    SearchResponse expected = now.search(page(query));
                    SearchResponse actual = answers.search(page(query));
                    assertTrue(expected.total() > 0, query + " finds something");
                    assertEquals(expected.hits(), actual.hits(), query);
                    assertEquals(expected.total(), actual.total(), query);
                }
            }
        }
    }
}
