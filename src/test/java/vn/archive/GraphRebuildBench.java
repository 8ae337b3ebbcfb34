package vn.archive;

import vn.archive.config.AppConfig;
import vn.archive.search.LuceneReferenceGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long the reference graph takes to catch up after one small import commit, on an existing archive: the
 * graph kept since the last commit (only the new segment is read) against a graph built from nothing (what every
 * commit cost before segments were kept), in the same process, alternating, on the same reader.
 * Usage: {@code GraphRebuildBench DATA_DIR FOLDER_OF_NEW_FILES [ROUNDS]} (each round imports one file of the folder).
 */
public final class GraphRebuildBench {
    private GraphRebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        List<Path> files;
        try (var s = Files.walk(Path.of(args[1]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (Archive archive = Archive.open(AppConfig.forData(data))) {
            String number = "25-NQ/TW";
            archive.references().implementations(number); // warm: the kept graph has read every segment once
            long kept = 0;
            long fresh = 0;
            for (int i = 0; i < rounds; i++) {
                archive.pipeline().run(List.of(files.get(i)), o -> { });
                long t0 = System.nanoTime();
                archive.references().implementations(number);
                long t1 = System.nanoTime();
                new LuceneReferenceGraph(archive.index(), archive.dictionaries()).implementations(number);
                long t2 = System.nanoTime();
                kept += t1 - t0;
                fresh += t2 - t1;
                System.out.printf(Locale.ROOT, "round %d: kept %.0f ms, from nothing %.0f ms%n", i, (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%d documents: after one commit the kept graph takes %.0f ms, a new one"
                            + " %.0f ms (%.2f×)%n", archive.search().count(), kept / 1e6 / rounds, fresh / 1e6 / rounds,
                    (double) kept / fresh);
        }
    }
}
