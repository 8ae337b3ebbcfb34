package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.model.IngestStatus;
import vn.archive.search.FacetCount;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches that run while an import commits, batch after batch (re-imported copies update documents in place),
 * always see one consistent index: a total that matches its hits, no id twice, never fewer documents than before,
 * and every document they list can be opened.
 */
class ConcurrentSearchIT {
    private static final int BATCHES = 4;
    private static final SearchRequest ALL = new SearchRequest("", null, null, null, SearchRequest.Sort.NEWEST, 1,
            SearchRequest.MAX_SIZE);
    private static final SearchRequest WORDS = new SearchRequest("phong trào", null, null, null,
            SearchRequest.Sort.RELEVANCE, 1, SearchRequest.MAX_SIZE);

    @Test
    void searches_during_an_import_always_see_a_consistent_index(@TempDir Path tmp) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestCorpus.ROOT.resolve("state"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(20).toList();
        }
        List<Path> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            Path dir = Files.createDirectories(tmp.resolve("batch-" + b));
            for (int i = b; i < files.size(); i += BATCHES) {
                Files.copy(files.get(i), dir.resolve(files.get(i).getFileName()));
            }
            if (b > 0) {
                // a copy of an earlier batch's file: its document is updated in place while readers search
                Path earlier = files.get(b - 1);
                Files.copy(earlier, dir.resolve("ban-sao-" + earlier.getFileName()));
            }
            batches.add(dir);
        }
        try (Archive archive = Archive.open(AppConfig.forData(tmp.resolve("data")))) {
            SearchService search = archive.search();
            AtomicBoolean importing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            Set<Long> totalsSeen = new TreeSet<>();
            AtomicInteger rounds = new AtomicInteger();
            Thread reader = new Thread(() -> {
                long lastTotal = 0;
                try {
                    while (importing.get()) {
                        lastTotal = check(search, lastTotal, problems);
                        synchronized (totalsSeen) {
                            totalsSeen.add(lastTotal);
                        }
                        rounds.incrementAndGet();
                        Thread.sleep(5); // leave the import its share of a small machine
                    }
                } catch (Throwable t) {
                    problems.add("reader failed: " + t);
                }
            }, "reader");
            reader.start();
            long imported = 0;
            try {
                for (Path batch : batches) {
                    IngestReport report = archive.pipeline().run(List.of(batch), o -> { });
                    imported += report.counts().getOrDefault(IngestStatus.IMPORTED, 0);
                    // a finished batch is committed: a search right after sees every document of it
                    assertEquals(imported, search.search(ALL).total(), "after " + batch.getFileName());
                }
            } finally {
                importing.set(false);
                reader.join();
            }
            System.out.printf("ConcurrentSearchIT: %d reader rounds, totals seen %s%n", rounds.get(), totalsSeen);
            assertTrue(problems.isEmpty(), problems.stream().limit(10).toList() + " in " + rounds + " rounds");
            assertEquals(files.size(), imported, "every file imported once; the copies are duplicates");
            assertTrue(totalsSeen.stream().anyMatch(t -> t > 0 && t < files.size()),
                    "the reader searched while the import was half done: totals seen " + totalsSeen);
        }
    }

    /** One round of searches; returns the total seen, and records any inconsistency. */
    private static long check(SearchService search, long lastTotal, ConcurrentLinkedQueue<String> problems) throws Exception {
        SearchResponse all = search.search(ALL);
        if (all.total() < lastTotal) {
            problems.add("total went down from " + lastTotal + " to " + all.total());
        }
        if (all.hits().size() != Math.min(all.total(), SearchRequest.MAX_SIZE)) {
            problems.add("total " + all.total() + " but " + all.hits().size() + " hits");
        }
        Set<String> ids = new HashSet<>();
        for (SearchHit h : all.hits()) {
            if (!ids.add(h.id())) {
                problems.add("id twice in one page: " + h.id());
            }
        }
        for (Map.Entry<String, List<FacetCount>> f : all.facets().entrySet()) {
            for (FacetCount c : f.getValue()) {
                if (c.count() > all.total()) {
                    problems.add("facet " + f.getKey() + "=" + c.value() + " counts " + c.count() + " of " + all.total());
                }
            }
        }
        Set<String> exported = new HashSet<>();
        long n = search.export(ALL, d -> {
            if (!exported.add(d.id())) {
                problems.add("id twice in an export: " + d.id());
            }
        });
        if (n < all.total() || n != exported.size()) {
            problems.add("export of " + n + " (" + exported.size() + " ids) after a search of " + all.total());
        }
        if (!exported.containsAll(ids)) {
            problems.add("a document found by search is missing from the later export");
        }
        for (String id : ids) {
            if (search.document(id).isEmpty()) {
                problems.add("listed but cannot be opened: " + id);
            }
        }
        SearchResponse words = search.search(WORDS);
        if (words.hits().size() != Math.min(words.total(), SearchRequest.MAX_SIZE)) {
            problems.add("query total " + words.total() + " but " + words.hits().size() + " hits");
        }
        return all.total();
    }
}
