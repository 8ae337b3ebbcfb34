package vn.archive.bench;

import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Reference;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference graph before and after it was asked of the index per query, in one run on one archive: heap in use
 * after a full GC once every number's tree has been served (the graph still in use), and the p50 and p99 of a tree
 * (every number borne or cited, the portal's 2,000-node cut, warm). The per-query graph runs first, so the
 * snapshot's heap cannot lower its figure. Usage: {@code GraphHeapBench INDEX_DIR [ROUNDS]}.
 */
public final class GraphHeapBench {
    private GraphHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            List<String> numbers = numbers(index);
            long base = usedAfterGc();
            System.out.printf(Locale.ROOT, "%d documents, %d numbers borne or cited; heap in use after GC, index open: %.1f MB%n",
                    index.count(), numbers.size(), base / 1e6);
            run("per query", SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn()),
                    numbers, rounds, base);
            run("snapshot (before)", new LuceneReferenceGraph(index, Dictionaries.builtIn()), numbers, rounds, base);
        }
    }

    private static void run(String name, ReferenceGraph graph, List<String> numbers, int rounds, long base)
            throws Exception {
        long first = System.nanoTime();
        int nodes = 0;
        for (String n : numbers) {
            nodes += graph.implementations(n, ReferenceGraph.DEFAULT_TREE_NODES).map(ReferenceGraph.ImplementationNode::size).orElse(0);
        }
        double firstPass = (System.nanoTime() - first) / 1e9;
        long[] times = new long[numbers.size() * rounds];
        long[] slowest = new long[numbers.size()];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < numbers.size(); k++) {
                long t = System.nanoTime();
                graph.implementations(numbers.get(k), ReferenceGraph.DEFAULT_TREE_NODES);
                times[i++] = System.nanoTime() - t;
                slowest[k] = Math.max(slowest[k], times[i - 1]);
            }
        }
        if (Boolean.getBoolean("bench.slowest")) {
            java.util.stream.IntStream.range(0, numbers.size()).boxed()
                    .sorted(java.util.Comparator.comparingLong(k -> -slowest[k])).limit(5)
                    .forEach(k -> System.out.printf(Locale.ROOT, "  slowest: %s %.1f ms%n", numbers.get(k), slowest[k] / 1e6));
        }
        Arrays.sort(times);
        long used = usedAfterGc();
        // keep the graph reachable until after the measurement, as a serving portal does
        int again = graph.implementations(numbers.get(0)).map(ReferenceGraph.ImplementationNode::size).orElse(0);
        System.out.printf(Locale.ROOT, "%-18s first pass %.2f s (%d nodes); tree p50 %.3f ms, p99 %.3f ms;"
                        + " heap in use after GC %.1f MB (+%.1f MB over the open index) [%d]%n", name, firstPass, nodes,
                times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6, used / 1e6,
                (used - base) / 1e6, again);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every number a document bears or cites, sorted. */
    private static List<String> numbers(LuceneIndex index) throws Exception {
        Set<String> out = new TreeSet<>();
        for (ArchivedDocument d : documents(index)) {
            if (d.metadata().number() != null) {
                out.add(d.metadata().number());
            }
            d.metadata().references().stream().map(Reference::number).filter(n -> n != null).forEach(out::add);
        }
        return new ArrayList<>(out);
    }

    /** Every live document of the index, its text left out. */
    public static List<ArchivedDocument> documents(LuceneIndex index) throws java.io.IOException {
        List<ArchivedDocument> out = new ArrayList<>();
        index.forEachDocument(d -> out.add(new ArchivedDocument(d.id(), d.metadata(), d.source(), "", d.notes())));
        return out;
    }
}
