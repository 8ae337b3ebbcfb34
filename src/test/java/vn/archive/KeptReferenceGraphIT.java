package vn.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.AppConfig;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.LuceneReferenceGraph;
import vn.archive.graph.ReferenceGraph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The graph kept across commits (segments read once) is the graph built from nothing, after updates too. */
class KeptReferenceGraphIT {
    @TempDir
    Path temp;

    @Test
    void a_document_updated_in_place_appears_once_with_its_new_values_in_the_kept_graph() throws Exception {
        String baoLoc = ArchivedDocument.idFor(ContentStore.sha256(Files.readAllBytes(TestCorpus.BAO_LOC)));
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(List.of(TestCorpus.SEEDS), o -> { });
            ReferenceGraph graph = archive.references();
            assertEquals(List.of("134-CV/ThU"), numbersOf(graph, "352-CV/TU", baoLoc));
            // the update deletes the old version in its segment and adds the new one in a new segment
            archive.corrections().correct(baoLoc, "number", "135-CV/ThU", "Lan");
            assertEquals(List.of("135-CV/ThU"), numbersOf(graph, "352-CV/TU", baoLoc), "once, with its new number");
            archive.pipeline().run(List.of(TestCorpus.ROOT.resolve("state")), o -> { });
            assertEquals(List.of("135-CV/ThU"), numbersOf(graph, "352-CV/TU", baoLoc));
            assertEquals(graph.citedBy(baoLoc), new LuceneReferenceGraph(archive.index(), archive.dictionaries())
                    .citedBy(baoLoc));
            assertEquals(graph.implementations("352-CV/TU"),
                    new LuceneReferenceGraph(archive.index(), archive.dictionaries()).implementations("352-CV/TU"),
                    "the kept graph equals one built from nothing");
        }
    }

    private static List<String> numbersOf(ReferenceGraph graph, String root, String id) throws Exception {
        List<String> out = new ArrayList<>();
        collect(graph.implementations(root).orElseThrow(), id, out);
        return out;
    }

    private static void collect(ReferenceGraph.ImplementationNode n, String id, List<String> out) {
        if (id.equals(n.id())) {
            out.add(n.number());
        }
        n.children().forEach(c -> collect(c, id, out));
    }
}
