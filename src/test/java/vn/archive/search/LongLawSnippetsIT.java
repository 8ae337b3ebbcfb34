package vn.archive.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.LuceneIndex;
import vn.archive.text.KindNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: on the longest laws of {@code corpus/state} (170–190 KB each) and the seeds, a page of hits, snippets
 * included, is the same as the page the previous code gave ({@link SearchPathBaselines}: Lucene's passage scorer,
 * metadata from the stored JSON).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongLawSnippetsIT {
    @TempDir
    static Path temp;
    private LuceneIndex index;
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
        KindNames kinds = KindNames.load(null);
        index = LuceneIndex.open(data.resolve("index"), kinds);
        QueryFactory queries = new QueryFactory(index.analyzer(), kinds, EnumSet.allOf(QueryFactory.Feature.class));
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

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"nong thon moi", "nông thôn mới", "bảo vệ môi trường", "đất đai", "Ủy ban nhân dân",
            "trách nhiệm thi hành", "dân vận khéo"})
    void a_page_of_hits_on_long_laws_has_the_snippets_it_had_before(String query) throws IOException {
        SearchRequest page = new SearchRequest(query, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20, false);
        SearchResponse expected = before.search(page);
        SearchResponse actual = now.search(page);
        assertTrue(expected.total() > 0, query + " finds something");
        assertTrue(expected.hits().stream().anyMatch(h -> h.snippet().contains("<mark>")), "a passage is marked");
        assertEquals(expected.hits(), actual.hits());
        assertEquals(expected.total(), actual.total());
    }
}
