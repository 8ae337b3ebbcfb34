package vn.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.AppConfig;
import vn.archive.config.Json;
import vn.archive.generate.CorpusGenerator;
import vn.archive.generate.GeneratorData;
import vn.archive.generate.TextModel;
import vn.archive.graph.AdminUnits;
import vn.archive.graph.ClearedReferenceGraph;
import vn.archive.graph.ForwardingGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.Tracker;
import vn.archive.graph.Tracking;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overdue view reads its directives' trees a batch at a time ({@link ReferenceGraph#rootedImplementationsOf(
 * java.util.Collection, int)}: each level of a batch's trees asked of the index together) and lists exactly what it
 * listed when each directive's tree was read alone: on the seeds, the state corpus and the real set, and on a
 * generated archive of provincial directives and their districts' answers; for a reader cleared for everything and
 * for one cleared for nothing, after one of the answers is classified; and the list a full scan of the archive gives
 * ({@link Tracker#overdueByScan}), which reads every document's metadata where the index's list tells candidates from
 * the trees' roots.
 */
class OverdueTogetherIT {
    private static final Path REAL = Path.of("..", "shared", "corpus", "real");
    /** After every generated deadline. */
    private static final Clock AFTER = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void the_overdue_list_of_the_seeds_state_and_real_documents_is_the_one_each_tree_read_alone_gives() throws IOException {
        List<Path> sources = new ArrayList<>(List.of(TestCorpus.SEEDS, TestCorpus.ROOT.resolve("state")));
        if (Files.isDirectory(REAL)) {
            sources.add(REAL);
        }
        int listed = compareOn(sources, false);
        assertTrue(listed > 0, "the sample archive has overdue directives, was " + listed);
    }

    @Test
    void the_overdue_list_of_a_generated_archive_is_the_one_each_tree_read_alone_gives() throws IOException {
        Path corpus = temp.resolve("generated");
        new CorpusGenerator(GeneratorData.load(null), TextModel.learn(TestCorpus.ROOT), Dictionaries.builtIn())
                .generate(600, 3, corpus);
        int listed = compareOn(List.of(corpus), true);
        assertTrue(listed > 20, "many generated directives are overdue, was " + listed);
    }

    /**
     * Imports the sources, compares both ways for both readers, classifies one answer (there must be one when
     * {@code answered}), compares again; the number of directives listed.
     */
    private int compareOn(List<Path> sources, boolean answered) throws IOException {
        try (Archive archive = Archive.open(AppConfig.forData(temp.resolve("data")))) {
            archive.pipeline().run(sources, o -> { });
            Tracker tracker = new Tracker(AdminUnits.load(null), AFTER);
            List<Tracking> all = compare(archive, tracker, Clearance.TUYET_MAT);
            List<Tracking> unclassified = compare(archive, tracker, Clearance.NONE);
            // an answer classified: the reader cleared for nothing no longer counts it, both ways alike
            Optional<String> answer = all.stream().flatMap(t -> t.expected().stream())
                    .flatMap(e -> e.responses().stream()).map(Tracking.Response::id).findFirst();
            assertTrue(answer.isPresent() || !answered, "some listed directive has an answer");
            if (answer.isPresent()) {
                ArchivedDocument d = archive.index().get(answer.get()).orElseThrow();
                archive.index().upsert(new ArchivedDocument(d.id(), d.metadata().toBuilder().classification("Mật").build(),
                        d.source(), d.text(), d.notes()));
                archive.index().commit();
                assertEquals(json(all), json(compare(archive, tracker, Clearance.TUYET_MAT)), "cleared: nothing changes");
                assertNotEquals(json(unclassified), json(compare(archive, tracker, Clearance.NONE)),
                        "the classified answer " + answer.get() + " is not counted for a reader cleared for nothing");
            }
            return all.size();
        }
    }

    /** The overdue list this reader sees, its trees read together and read one at a time: the same, returned. */
    private static List<Tracking> compare(Archive archive, Tracker tracker, Clearance clearance) throws IOException {
        SearchService search = archive.search().restrictedTo(clearance);
        ReferenceGraph graph = new ClearedReferenceGraph(archive.references(), search);
        List<Tracking> together = tracker.overdue(SearchRequest.of(""), graph, search);
        List<Tracking> alone = tracker.overdue(SearchRequest.of(""), oneAtATime(graph), search);
        assertEquals(json(alone), json(together), "overdue list for " + clearance);
        // the index's list, each candidate told from its tree's merged metadata, is the one every document read gives
        assertEquals(json(tracker.overdueByScan(SearchRequest.of(""), graph, search)), json(together),
                "overdue list for " + clearance + ", asked of the index and by a full scan");
        return together;
    }

    private static String json(List<Tracking> t) throws IOException {
        return Json.MAPPER.writeValueAsString(t);
    }

    /** The graph's answers with each directive's tree read alone (the default batch asks them one at a time). */
    private static ReferenceGraph oneAtATime(ReferenceGraph g) {
        return new ForwardingGraph(g) {
            @Override
            public Optional<RootedTree> rootedImplementationsOf(String id, int maxNodes) throws IOException {
                return g.rootedImplementationsOf(id, maxNodes);
            }
        };
    }
}
