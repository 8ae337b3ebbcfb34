package vn.archive.bench;

import vn.archive.TestCorpus;
import vn.archive.generate.CorpusGenerator;
import vn.archive.generate.GeneratorData;
import vn.archive.generate.TextModel;
import vn.archive.graph.AdminUnits;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.graph.Tracker;
import vn.archive.graph.Tracking;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 13's benchmark: the tracking answer of a provincial directive (expected units, their responses, statuses)
 * against the plain implementation tree of the same number, interleaved in one run on one archive index of generated
 * documents (provincial directives that ask their districts to report by a deadline, districts answering on time,
 * late or not at all). Each measured query's expected and responding units are reported, so the figure cannot pass
 * on empty answers; directives under numbers other provinces share are tracked by id (their own tree), and others
 * not asked before are asked once each on a graph of each answer's own (first asks); the overdue view is timed once
 * asked of the index and once by the full scan. Writes
 * {@code bench/TRACKING-N.md}. Run: {@code java -cp … vn.archive.bench.TrackingBench [docs] [seed] [queries] [rounds]}
 * (defaults 50000, 1, 200, 10: the measured queries are asked {@code rounds} times over, so that a p50 and a p99 of
 * the few numbers no other document bears rest on more than a dozen samples); the corpus and index go to
 * {@code bench/work/} and are reused.
 */
public final class TrackingBench {
    /** After the generator's last date: every deadline has passed, so silent units are overdue. */
    private static final Clock AFTER = Clock.fixed(LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private TrackingBench() {
    }

    public static void main(String[] args) throws Exception {
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path work = Files.createDirectories(Path.of("bench", "work"));
        Path corpusDir = work.resolve("tracking-corpus-" + docs + "-" + seed);
        Path archiveDir = work.resolve("tracking-archive-" + docs + "-" + seed);
        if (!Files.exists(corpusDir.resolve("manifest.tsv"))) {
            Path cfg = Path.of("index-config");
            new CorpusGenerator(GeneratorData.load(cfg), TextModel.learn(TestCorpus.ROOT), Dictionaries.load(cfg))
                    .generate(docs, seed, corpusDir);
        }
        long built = System.nanoTime();
        if (!Files.exists(archiveDir.resolve("index"))) {
            IngestRun.main(new String[] {"archive", corpusDir.toString(), archiveDir.toString(),
                    Integer.toString(Runtime.getRuntime().availableProcessors())});
        }
        double buildSeconds = (System.nanoTime() - built) / 1e9;
        GeneratedCorpus corpus = GeneratedCorpus.open(corpusDir);
        // a number several provinces gave (1-KH/TU) roots a tree of namesakes, not one directive: such are left out
        java.util.Map<String, Integer> bearers = new java.util.HashMap<>();
        corpus.rows.forEach(r -> bearers.merge(key(r.number()), 1, Integer::sum));
        List<String> asking = new ArrayList<>();
        List<String> sharedNumbers = new ArrayList<>();
        List<String> sharedIds = new ArrayList<>();
        int shared = 0;
        for (GeneratedCorpus.Row r : corpus.rows) {
            String text = corpus.text(r);
            if (r.level().equals("tỉnh") && text.contains(" báo cáo kết quả về ")) {
                if (bearers.get(key(r.number())) == 1) {
                    asking.add(r.number());
                } else {
                    shared++;
                    sharedNumbers.add(r.number());
                    // the id the archive gives the document: from its text's digest, as the pipeline makes it
                    sharedIds.add(vn.archive.model.ArchivedDocument.idFor(
                            GeneratedCorpus.sha256(text.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        try (LuceneIndex index = LuceneIndex.open(archiveDir.resolve("index"))) {
            SearchService search = new LuceneSearchService(index);
            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            Tracker tracker = new Tracker(AdminUnits.load(null), AFTER);
            int warm = Math.min(50, asking.size() / 4);
            int step = Math.max(1, (asking.size() - warm) / queries);
            List<String> measured = new ArrayList<>();
            for (int i = warm; i < asking.size() && measured.size() < queries; i += step) {
                measured.add(asking.get(i));
            }
            for (String n : asking.subList(0, warm)) {
                graph.implementations(n, ReferenceGraph.DEFAULT_TREE_NODES);
                tracker.track(n, graph, search);
            }
            Latency.Result[] r = Latency.measure(1, measured.size() * rounds, 0,
                    i -> graph.implementations(measured.get(i % measured.size()), ReferenceGraph.DEFAULT_TREE_NODES),
                    i -> tracker.track(measured.get(i % measured.size()), graph, search));
            // what each measured answer held, read once more outside the timing
            long expected = 0;
            long responded = 0;
            long overdue = 0;
            int resolvedQueries = 0;
            int withResponse = 0;
            for (String n : measured) {
                Tracking t = tracker.track(n, graph, search).orElseThrow();
                expected += t.counts().expected();
                responded += t.counts().responded() + t.counts().late();
                overdue += t.counts().overdue();
                resolvedQueries += t.counts().expected() > 0 ? 1 : 0;
                withResponse += t.counts().responded() + t.counts().late() > 0 ? 1 : 0;
            }
            StringBuilder md = new StringBuilder();
            md.append(String.format(Locale.ROOT, "# Implementation tracking at %,d generated documents%n%n", docs));
            md.append(String.format(Locale.ROOT, "Generated by `vn.archive.bench.TrackingBench %d %d %d %d` (seed %d), one"
                    + " embedded Lucene index built through the archive's extractor and `LuceneIndex.upsert`%s; %d"
                    + " cores, shared with other work. Clock fixed at 2026-01-01, after every generated deadline.%n%n",
                    docs, seed, queries, rounds, seed, buildSeconds > 1 ? String.format(Locale.ROOT, " in %.0f s", buildSeconds)
                            : " (reused)", Runtime.getRuntime().availableProcessors()));
            md.append(String.format(Locale.ROOT, "%d provincial directives ask their districts to report by a deadline"
                    + " under a number no other generated document bears (%d more share theirs with other provinces'"
                    + " documents and are left out: their tree is rooted above the namesakes); %d measured one after the"
                    + " other (after %d warm-up queries), %d rounds over (%d samples of each answer), the tree and the"
                    + " tracking of each number interleaved.%n%n",
                    asking.size(), shared, measured.size(), warm, rounds, measured.size() * rounds));
            md.append("| answer | p50 ms | p99 ms |\n|---|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| implementation tree (`implementations`, %d nodes max) | %.3f | %.2f |%n",
                    ReferenceGraph.DEFAULT_TREE_NODES, r[0].p50(), r[0].p99()));
            md.append(String.format(Locale.ROOT, "| tracking (`Tracker.track`) | %.3f | %.2f |%n", r[1].p50(), r[1].p99()));
            md.append(String.format(Locale.ROOT, "| ratio tracking / tree | %.2f× | %.2f× |%n%n", r[1].p50() / r[0].p50(),
                    r[1].p99() / r[0].p99()));
            md.append(String.format(Locale.ROOT, "What the measured answers held: %d of %d queries resolved expected units,"
                    + " %d expected units in all (%.1f per query), %d of them responded (on time or late), %d overdue;"
                    + " %d queries had at least one response.%n%n", resolvedQueries, measured.size(), expected,
                    expected / (double) measured.size(), responded, overdue, withResponse));
            System.out.print(md);
            Files.writeString(Path.of("bench", "TRACKING-" + docs + ".md"), md.toString(), StandardCharsets.UTF_8);
            List<String> namesakes = new ArrayList<>();
            int namesakeQueries = Math.min(10, queries);
            for (int i = 0; i < sharedNumbers.size() && namesakes.size() < namesakeQueries; i += Math.max(1,
                    sharedNumbers.size() / namesakeQueries)) {
                namesakes.add(sharedNumbers.get(i));
            }
            Latency.Result[] s = Latency.measure(1, namesakes.size(), 0,
                    i -> graph.implementations(namesakes.get(i), ReferenceGraph.DEFAULT_TREE_NODES),
                    i -> tracker.track(namesakes.get(i), graph, search));
            md.append(String.format(Locale.ROOT, "The %d shared numbers measured the same way (a tree of namesakes: no one"
                    + " directive, so no expected unit; tracking reads the tree and finds no response): tree %s ms,"
                    + " tracking %s ms (p50 / p99).%n", namesakes.size(), s[0].ms(), s[1].ms()));
            Files.writeString(Path.of("bench", "TRACKING-" + docs + ".md"), md.toString(), StandardCharsets.UTF_8);
            System.out.print(md.substring(md.lastIndexOf("The ")));
            // directives under shared numbers, tracked by id: their own tree, their own province's units
            List<String> byId = new ArrayList<>();
            int idStep = Math.max(1, sharedIds.size() / queries);
            for (int i = 0; i < sharedIds.size() && byId.size() < queries; i += idStep) {
                byId.add(sharedIds.get(i));
            }
            // each asked once of both answers first, so that every sample is a kept view's answer: with some left
            // unasked, whichever answer happened to ask one first read its tree cold for the other (the first asks
            // below measure that), and the p99 told which one it was
            for (String id : byId) {
                graph.implementationsOf(id, ReferenceGraph.DEFAULT_TREE_NODES);
                tracker.trackDirective(id, graph, search);
            }
            Latency.Result[] d = Latency.measure(1, byId.size() * rounds, 0,
                    i -> graph.implementationsOf(byId.get(i % byId.size()), ReferenceGraph.DEFAULT_TREE_NODES),
                    i -> tracker.trackDirective(byId.get(i % byId.size()), graph, search));
            long idExpected = 0;
            long idResponded = 0;
            long idOverdue = 0;
            int idResolved = 0;
            int idTracked = 0;
            for (String id : byId) {
                Optional<Tracking> t = tracker.trackDirective(id, graph, search);
                if (t.isEmpty()) {
                    continue;
                }
                idTracked++;
                idExpected += t.get().counts().expected();
                idResponded += t.get().counts().responded() + t.get().counts().late();
                idOverdue += t.get().counts().overdue();
                idResolved += t.get().counts().expected() > 0 ? 1 : 0;
            }
            md.append(String.format(Locale.ROOT, "%n%d directives under shared numbers tracked by id (`implementationsOf`,"
                    + " `Tracker.trackDirective`; each asked once of both, unmeasured, first), %d rounds over, interleaved:%n%n| answer | p50 ms | p99 ms |%n"
                    + "|---|---:|---:|%n| directive's tree (by id) | %.3f | %.2f |%n| tracking (by id) | %.3f | %.2f |%n"
                    + "| ratio tracking / tree | %.2f× | %.2f× |%n%n%d of %d found in the archive; %d resolved expected"
                    + " units, %d expected units in all (%.1f per query), %d responded (on time or late), %d overdue.%n%n",
                    byId.size(), rounds, d[0].p50(), d[0].p99(), d[1].p50(), d[1].p99(), d[1].p50() / d[0].p50(),
                    d[1].p99() / d[0].p99(), idTracked, byId.size(), idResolved, idExpected,
                    idExpected / (double) Math.max(1, byId.size()), idResponded, idOverdue));
            Files.writeString(Path.of("bench", "TRACKING-" + docs + ".md"), md.toString(), StandardCharsets.UTF_8);
            System.out.print(md.substring(md.lastIndexOf(" directives under shared numbers") - 4));
            firstAsks(md, docs, index, search, tracker, sharedIds, byId, queries);
            if (docs <= 10_000) {
                // tracking every directive past its deadline dominates the overdue view, whichever way it finds them
                SearchRequest all = SearchRequest.of("");
                tracker.overdueByScan(all, graph, search);
                long t0 = System.nanoTime();
                List<Tracking> scanned = tracker.overdueByScan(all, graph, search);
                double scannedMs = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                List<Tracking> asked = tracker.overdue(all, graph, search);
                double askedMs = (System.nanoTime() - t0) / 1e6;
                md.append(String.format(Locale.ROOT, "Overdue view over the whole archive (one request each, after one"
                        + " unmeasured): asked of the index (`deadline` field) %.0f ms, full scan %.0f ms; %d directives"
                        + " listed both ways (%s). Tracking each directive past its deadline dominates both ways.%n",
                        askedMs, scannedMs, asked.size(), json(asked).equals(json(scanned)) ? "the same list"
                                : "LISTS DIFFER"));
                Files.writeString(Path.of("bench", "TRACKING-" + docs + ".md"), md.toString(), StandardCharsets.UTF_8);
                System.out.print(md.substring(md.lastIndexOf("Overdue view")));
            }
        }
    }

    /**
     * Directives no question has read yet, each answer asked on a graph of its own (its own kept view), so that each
     * sample is that answer's first ask of that directive: the tree read cold against tracking with its tree read
     * cold too. (On one shared graph, the answer that happens to ask first reads the tree for the other.)
     */
    private static void firstAsks(StringBuilder md, int docs, LuceneIndex index, SearchService search, Tracker tracker,
                                  List<String> sharedIds, List<String> byId, int queries) throws Exception {
        List<String> fresh = new ArrayList<>();
        java.util.Set<String> asked = new java.util.HashSet<>(byId);
        int step = Math.max(1, sharedIds.size() / (2 * queries));
        for (int i = step / 2; i < sharedIds.size() && fresh.size() < 2 * queries; i += step) {
            if (!asked.contains(sharedIds.get(i))) {
                fresh.add(sharedIds.get(i));
            }
        }
        ReferenceGraph treeGraph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
        ReferenceGraph trackingGraph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
        Latency.Result[] f = Latency.measure(1, fresh.size(), 0,
                i -> treeGraph.implementationsOf(fresh.get(i), ReferenceGraph.DEFAULT_TREE_NODES),
                i -> tracker.trackDirective(fresh.get(i), trackingGraph, search));
        long expected = 0;
        for (String id : fresh) {
            expected += tracker.trackDirective(id, trackingGraph, search).map(t -> t.counts().expected()).orElse(0);
        }
        md.append(String.format(Locale.ROOT, "First asks: %d directives under shared numbers no question had read, each"
                + " answer on a graph of its own (a view of its own), so that every sample is a first ask, interleaved:"
                + "%n%n| answer | p50 ms | p99 ms |%n|---|---:|---:|%n| directive's tree (by id), first ask | %.3f | %.2f |%n"
                + "| tracking (by id), first ask | %.3f | %.2f |%n| ratio tracking / tree | %.2f× | %.2f× |%n%n"
                + "%d expected units resolved in all (%.1f per directive).%n%n", fresh.size(), f[0].p50(), f[0].p99(),
                f[1].p50(), f[1].p99(), f[1].p50() / f[0].p50(), f[1].p99() / f[0].p99(), expected,
                expected / (double) Math.max(1, fresh.size())));
        Files.writeString(Path.of("bench", "TRACKING-" + docs + ".md"), md.toString(), StandardCharsets.UTF_8);
        System.out.print(md.substring(md.lastIndexOf("First asks")));
    }

    private static String key(String number) {
        return vn.archive.model.DocNumber.parse(number).map(vn.archive.model.DocNumber::key).orElse(number);
    }

    private static String json(List<Tracking> t) throws java.io.IOException {
        return vn.archive.config.Json.MAPPER.writeValueAsString(t);
    }
}
