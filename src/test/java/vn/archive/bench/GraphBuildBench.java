package vn.archive.bench;

import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.graph.ReferenceGraph;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How long the reference graph of an existing archive takes to build from nothing (what the first implementation
 * tree after {@code serve} starts waits for), and the size of one tree. For a before/after, run it twice with an
 * earlier build's classes ahead on the classpath, as {@code bench/run --before-classes} does.
 * Usage: {@code GraphBuildBench INDEX_DIR [NUMBER]}.
 */
public final class GraphBuildBench {
    private GraphBuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String number = args.length > 1 ? args[1] : "1-KL/TW";
        try (LuceneIndex index = LuceneIndex.open(dir)) {
            long t0 = System.nanoTime();
            ReferenceGraph graph = new LuceneReferenceGraph(index, Dictionaries.builtIn());
            ReferenceGraph.ImplementationNode tree = graph.implementations(number).orElseThrow();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
            long t1 = System.nanoTime();
            int again = graph.implementations(number).orElseThrow().size(); // the kept snapshot: also keeps it reachable
            System.out.printf(Locale.ROOT, "%d documents: graph built and tree of %s walked in %.1f s (%d nodes);"
                            + " heap in use after GC %d MB; the same tree again %.1f ms (%d nodes)%n", index.count(),
                    number, seconds, tree.size(), used, (System.nanoTime() - t1) / 1e6, again);
        }
    }
}
