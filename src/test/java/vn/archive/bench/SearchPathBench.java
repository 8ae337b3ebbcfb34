package vn.archive.bench;

import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.index.LuceneIndex;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.QueryFactory;
import vn.archive.search.SearchHit;
import vn.archive.search.SearchPathBaselines;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;
import vn.archive.text.KindNames;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import vn.archive.config.Json;
import vn.archive.search.SearchResponse;
import vn.archive.storage.ContentStore;
import vn.archive.web.WebServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 18's search path on real lengths, before and after in one run: an archive of {@code corpus/seeds},
 * {@code corpus/state} (laws of 100–300 KB) and {@code src/test/resources/real}, one client, warm, in process. Each
 * "before" is the previous code kept in {@link SearchPathBaselines}; requests of both ways are interleaved. Writes
 * {@code bench/SEARCH-PATH.md}. Run: {@code java -cp … vn.archive.bench.SearchPathBench [archive folder] [rounds]}
 * (default {@code bench/work/search-path}, 200); the archive is imported once and reused.
 */
public final class SearchPathBench {
    private static final List<String> QUERIES = List.of("nong thon moi", "bảo vệ môi trường", "cải cách hành chính");

    private SearchPathBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench/work/search-path");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        importOnce(data);
        StringBuilder md = new StringBuilder("""
                # The search path on real lengths (issue 18)

                Written by `vn.archive.bench.SearchPathBench` on an archive of `corpus/seeds`, `corpus/state` and
                `src/test/resources/real` (laws of 100–300 KB among them): one client, warm, in process, %d measured
                rounds after %d unmeasured ones; "before" and "after" requests interleaved in the same run (before: the
                previous code, kept in `SearchPathBaselines`). Times in ms, p50 / p99.
                """.formatted(rounds, rounds / 2));
        KindNames kinds = KindNames.load(null);
        try (LuceneIndex index = LuceneIndex.open(data.resolve("index"), kinds)) {
            QueryFactory queries = new QueryFactory(index.analyzer(), kinds, EnumSet.allOf(QueryFactory.Feature.class));
            SearchService after = new LuceneSearchService(index, queries);
            SearchService before = SearchPathBaselines.previousPages(index, queries);
            snippets(md, before, after, rounds);
            http(md, after, data, rounds);
            facets(md, index, queries);
        }
        Path out = Path.of("bench/SEARCH-PATH.md");
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    /** Imports the seeds, the state corpus and the real set into {@code data} unless its index is already there. */
    static void importOnce(Path data) throws IOException {
        if (Files.isDirectory(data.resolve("index"))) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("corpus/seeds", "corpus/state", "src/test/resources/real")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        }
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            archive.pipeline().run(files, o -> { });
        }
    }

    private static SearchRequest request(String q, int size) {
        return new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, size, false);
    }

    /** A page of 20 hits ÷ a page of 1 ({@code facets=none}), and how many snippets stayed the same. */
    private static void snippets(StringBuilder md, SearchService before, SearchService after, int rounds)
            throws Exception {
        md.append("""

                ## Snippets on long documents: a page of 20 ÷ a page of 1 (`facets=none`)

                Target: ≤ 1.5×. *before*: Lucene's passage scorer, which builds a hash (a 32 KB block) for each of
                the thousands of candidate passages of a long law; metadata from the stored JSON, read past the body.
                *after*: the same scores without that hash (`LucenePassageScores`), metadata from the `meta_json` column.
                "Same" counts hits of the first 50 equal (snippet included) to *before*'s.

                | query | hits | way | size=1 | size=20 | ratio p50 | same snippets |
                |---|---:|---|---:|---:|---:|---:|
                """);
        for (String q : QUERIES) {
            Latency.Result[] r = Latency.measure(1, rounds, rounds / 2,
                    i -> before.search(request(q, 1)), i -> before.search(request(q, 20)),
                    i -> after.search(request(q, 1)), i -> after.search(request(q, 20)));
            List<SearchHit> was = before.search(request(q, 50)).hits();
            long total = after.search(request(q, 1)).total();
            String[] ways = {"before", "after"};
            SearchService[] services = {before, after};
            for (int w = 0; w < ways.length; w++) {
                List<SearchHit> is = services[w].search(request(q, 50)).hits();
                int same = 0;
                for (int i = 0; i < Math.min(was.size(), is.size()); i++) {
                    if (was.get(i).equals(is.get(i))) {
                        same++;
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.2f× | %d of %d |%n", q, total,
                        ways[w], r[2 * w].ms(), r[2 * w + 1].ms(), r[2 * w + 1].p50() / r[2 * w].p50(), same,
                        was.size()));
            }
        }
    }

    /**
     * HTTP ÷ in process for the search API, and what streaming the answer saves: the mapper writing a String (what
     * {@code ctx.json} did) against writing to a stream (what {@code ApiController.search} does now).
     */
    private static void http(StringBuilder md, SearchService search, Path data, int rounds) throws Exception {
        md.append("""

                ## HTTP: the search API over HTTP ÷ in process (`size=20`, `facets=none`)

                *in process*: `SearchService.search`. *HTTP*: `GET /api/search` on the embedded server, one client,
                HTTP/1.1 on localhost. Serialization alone, same run: *String* is the mapper writing a String, as
                `ctx.json` did before; *stream* is the mapper writing to an output stream, as the API does now.

                | query | in process | HTTP | HTTP ÷ in process p50 | serialize: String | serialize: stream |
                |---|---:|---:|---:|---:|---:|
                """);
        Javalin app = WebServer.create(search, new ContentStore(data)).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            for (String q : QUERIES) {
                URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/search?size=20&facets=none&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8));
                SearchResponse answer = search.search(request(q, 20));
                Latency.Result[] r = Latency.measure(1, rounds, rounds / 2,
                        i -> search.search(request(q, 20)),
                        i -> {
                            HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (got.statusCode() != 200) {
                                throw new IOException(uri + " → " + got.statusCode());
                            }
                        },
                        i -> Json.MAPPER.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8),
                        i -> {
                            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(OutputStream.nullOutputStream())) {
                                Json.MAPPER.writeValue(g, answer);
                            }
                        });
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f× | %s | %s |%n", q, r[0].ms(), r[1].ms(),
                        r[1].p50() / r[0].p50(), r[2].ms(), r[3].ms()));
            }
        } finally {
            app.stop();
        }
    }

    private static final Pattern NUMBER = Pattern.compile(
            "\\b\\d{1,4}(?:/(?:19|20)\\d{2})?[/-][A-ZĐ]{1,6}(?:[/-][A-ZĐ]{1,6})?\\b");

    /**
     * Query + all facets ÷ query alone, each request asked once (so the per-reader count cache never answers): word
     * pairs from the state corpus, the numbers the corpus names as lookups, and the same numbers as {@code cites:}
     * filters. Two services, one per way, so that neither reuses the other's counts.
     */
    private static void facets(StringBuilder md, LuceneIndex index, QueryFactory queries) throws Exception {
        List<String> pairs = new ArrayList<>();
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        try (Stream<Path> state = Files.list(Path.of("corpus/state"));
             Stream<Path> real = Files.list(Path.of("src/test/resources/real"))) {
            for (Path p : Stream.concat(state, real).filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(p);
                String[] words = text.split("\\s+");
                for (int i = 997; i + 1 < words.length && pairs.size() < 400; i += 997) {
                    String pair = (words[i] + " " + words[i + 1]).replaceAll("[^\\p{L}\\p{N} ]", "").strip();
                    if (pair.contains(" ") && !pairs.contains(pair)) {
                        pairs.add(pair);
                    }
                }
                Matcher m = NUMBER.matcher(text);
                while (m.find() && numbers.size() < 300) {
                    numbers.add(m.group());
                }
            }
        }
        md.append("""

                ## Facets and lookups: query + all facets ÷ query alone, each request asked once

                Target: ≤ 1.5× (p99). Facets are counted in one drill-sideways pass for all dimensions over ordinals
                built once per reader, and a repeated request is answered from the per-reader count cache; here each
                request is new to the service that counts, so every figure is a first-time count. Lookups: a number
                named in the state corpus or the real set (`25-NQ/TW`, `131/2025/NĐ-CP`) as the query text, and the
                same number as a `cites:` filter with no text. Nothing in this section
                changed in issue 18's session: these are today's figures, to compare with later work.

                | class | requests | all facets p50 / p99 | facets=none p50 / p99 | ratio p50 | ratio p99 |
                |---|---:|---:|---:|---:|---:|
                """);
        SearchService counting = new LuceneSearchService(index, queries);
        SearchService skipping = new LuceneSearchService(index, queries);
        List<String> numberList = List.copyOf(numbers);
        Map<String, List<SearchRequest[]>> classes = new java.util.LinkedHashMap<>();
        classes.put("word pair", pairs.stream().map(q -> both(q, Map.of())).toList());
        classes.put("number", numberList.stream().map(q -> both(q, Map.of())).toList());
        classes.put("cites:", numberList.stream().map(q -> both("", Map.of("cites", List.of(q)))).toList());
        for (var e : classes.entrySet()) {
            List<SearchRequest[]> qs = e.getValue();
            int warm = qs.size() / 3;
            for (SearchRequest[] w : qs.subList(0, warm)) {
                counting.search(w[0]);
                skipping.search(w[1]);
            }
            List<SearchRequest[]> measured = qs.subList(warm, qs.size());
            Latency.Result[] r = Latency.measure(1, measured.size(), 0,
                    i -> counting.search(measured.get(i)[0]), i -> skipping.search(measured.get(i)[1]));
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.2f× | %.2f× |%n", e.getKey(),
                    measured.size(), r[0].ms(), r[1].ms(), r[0].p50() / r[1].p50(), r[0].p99() / r[1].p99()));
        }
    }

    private static SearchRequest[] both(String q, Map<String, List<String>> filters) {
        return new SearchRequest[] {
            new SearchRequest(q, filters, null, null, SearchRequest.Sort.RELEVANCE, 1, 20, true),
            new SearchRequest(q, filters, null, null, SearchRequest.Sort.RELEVANCE, 1, 20, false)};
    }
}
