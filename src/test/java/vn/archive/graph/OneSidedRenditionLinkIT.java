package vn.archive.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;
import vn.archive.search.LuceneSearchService;
import vn.archive.search.SearchRequest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two renditions imported at once by two workers may end with the link written on one of them only (the other was
 * not yet in the index when the later one linked back): they are one directive all the same, for search and graph.
 */
class OneSidedRenditionLinkIT {
    @TempDir
    Path temp;

    private static ArchivedDocument doc(String id, boolean ocr, DocumentMetadata m, List<String> notes) {
        return new ArchivedDocument(id, m, new SourceInfo(id + (ocr ? ".pdf" : ".docx"), id + "0".repeat(48),
                ocr ? "application/pdf" : "application/docx", ocr, 10, List.of()),
                "Công văn số 374-CV/HU về phong trào Dân vận khéo của Ban Thường vụ Huyện ủy Triệu Phong", notes);
    }

    @Test
    void a_link_written_on_one_rendition_only_still_makes_one_directive_in_search_and_in_the_tree() throws Exception {
        DocumentMetadata letter = DocumentMetadata.builder().kind("Công văn").number("374-CV/HU")
                .date(LocalDate.of(2019, 7, 30)).issuer("Ban Thường vụ Huyện ủy Triệu Phong")
                .parentIssuer("Đảng bộ tỉnh Quảng Trị").title("Về phong trào Dân vận khéo").build();
        DocumentMetadata reply = DocumentMetadata.builder().kind("Kế hoạch").number("5-KH/BDVHU")
                .date(LocalDate.of(2019, 8, 10)).issuer("Ban Dân vận Huyện ủy Triệu Phong")
                .parentIssuer("Đảng bộ tỉnh Quảng Trị").references(List.of(new Reference("Công văn", "374-CV/HU", null,
                        null, Relation.IMPLEMENTS, "Thực hiện Công văn số 374-CV/HU", 0, 30))).build();
        try (LuceneIndex index = LuceneIndex.open(temp.resolve("index"))) {
            index.upsert(doc("typed", false, letter, List.of()));
            index.upsert(doc("scan", true, letter, List.of(ArchivedDocument.sameDirectiveNote("typed"))));
            index.upsert(doc("plan", false, reply, List.of()));
            index.commit();

            LuceneSearchService search = new LuceneSearchService(index);
            assertEquals(List.of("typed", "scan"), search.renditions("scan").stream().map(ArchivedDocument::id).toList());
            assertEquals("typed", search.directiveId("scan"));
            List<String> hits = search.search(SearchRequest.of("374-CV/HU")).hits().stream().map(h -> h.id()).toList();
            assertEquals(1, hits.stream().filter(id -> id.equals("typed") || id.equals("scan")).count(),
                    "one directive, one hit: " + hits);

            ReferenceGraph graph = SnapshotReferenceGraph.perQuery(new LuceneGraphLookups(index), Dictionaries.builtIn());
            ReferenceGraph.ImplementationNode tree = graph.implementations("374-CV/HU").orElseThrow();
            assertEquals("typed", tree.id(), "the directive is the root, not a neutral node above two copies");
            assertEquals(List.of("plan"), tree.children().stream().map(ReferenceGraph.ImplementationNode::id).toList());
            assertEquals(List.of(), graph.warnings("typed"), "no duplicate-number warning between its own renditions");
        }
    }
}
