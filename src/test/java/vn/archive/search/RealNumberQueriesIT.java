package vn.archive.search;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.archive.Archive;
import vn.archive.config.AppConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Item 7 of issue 16 on the real documents: a query that names a kind and a number, as a reader types it, finds
 * that directive first among the real documents of {@code src/test/resources/real/}, which cite one another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNumberQueriesIT {
    @TempDir
    static Path temp;
    private Archive archive;

    @BeforeAll
    void importTheRealSet() throws IOException {
        archive = Archive.open(AppConfig.forData(temp.resolve("data")));
        List<Path> texts;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/real"))) {
            texts = s.filter(p -> p.getFileName().toString().matches("\\d{3}\\.txt")).sorted().toList();
        }
        archive.pipeline().run(texts, o -> { });
    }

    @AfterAll
    void close() throws IOException {
        if (archive != null) {
            archive.close();
        }
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource(delimiter = '|', textBlock = """
            chỉ thị 12                 | 005.txt
            chỉ thị 06 tw              | 016.txt
            quy định 97 tw             | 043.txt
            quy định 69-QĐ/TW          | 011.txt
            hướng dẫn 36               | 009.txt
            kết luận 445               | 041.txt
            nghị quyết 653             | 023.txt
            nghị quyết 27/2019         | 051.txt
            nghị định 48/2013          | 054.txt
            thông tư 26/2019           | 055.txt
            thông tư 02/2022           | 025.txt
            quyết định 232/QĐ-UBND     | 053.txt
            quyết định 33/2009/QĐ-UBND | 045.txt
            kế hoạch 594               | 046.txt
            công văn 73                | 052.txt
            """)
    void a_kind_and_number_query_finds_the_directive_first(String query, String file) throws IOException {
        List<SearchHit> hits = archive.search().search(new SearchRequest(query, Map.of(), null, null,
                SearchRequest.Sort.RELEVANCE, 1, 10)).hits();
        assertFalse(hits.isEmpty(), query + " found nothing");
        List<String> files = hits.stream().map(h -> filename(h.id())).toList();
        assertEquals(file, files.get(0), query + " ranked " + files);
    }

    private String filename(String id) {
        try {
            return archive.search().document(id).orElseThrow().source().filename();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
