package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.meta.Dictionaries;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.graph.ReferenceGraph.ImplementationNode;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which node a number's tree starts from when the archive holds the directive and some citations did not resolve. */
class NumberTreeRootTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();

    private static ReferenceSnapshot.Entry doc(String id, String number, String issuer, String place, Reference... refs) {
        DocumentMetadata m = DocumentMetadata.builder().number(number).date(LocalDate.of(2020, 1, 2)).issuer(issuer)
                .parentIssuer(issuer == null ? null : "Đảng bộ tỉnh Lâm Đồng").place(place).references(List.of(refs)).build();
        return ReferenceSnapshot.entry(id, m, () -> "", DICT);
    }

    private static Reference implementing(String number) {
        return new Reference(null, number, null, null, Relation.IMPLEMENTS, "số " + number, 0, 1);
    }

    private static ReferenceGraph graph(ReferenceSnapshot.Entry... docs) {
        ReferenceSnapshot s = ReferenceSnapshot.of(List.of(docs), DICT);
        return new SnapshotReferenceGraph(() -> s);
    }

    @Test
    void the_directive_in_the_archive_is_the_root_and_an_unresolved_citation_of_its_number_hangs_below_it() throws Exception {
        ImplementationNode tree = graph(
                doc("dd13", "13-NQ/HU", "Huyện ủy Đơn Dương", "Đơn Dương"),
                doc("plan", null, "Ban Dân vận Huyện ủy Đơn Dương", "Đơn Dương", implementing("13-NQ/HU")),
                doc("nowhere", null, null, null, implementing("13-NQ/HU"))).implementations("13-NQ/HU").orElseThrow();
        assertEquals("dd13", tree.id(), "the root is the directive, not a neutral node");
        assertEquals(2, tree.children().size());
        assertEquals("plan", tree.children().get(0).id());
        assertEquals("implements", tree.children().get(0).relation());
        ImplementationNode unresolved = tree.children().get(1);
        assertFalse(unresolved.inArchive());
        assertNull(unresolved.relation(), "a citation that did not resolve to the directive does not implement it");
        assertEquals("nowhere", unresolved.children().get(0).id());
    }

    @Test
    void a_number_two_directives_bear_keeps_a_neutral_root_above_them() throws Exception {
        ImplementationNode tree = graph(
                doc("dd13", "13-NQ/HU", "Huyện ủy Đơn Dương", "Đơn Dương"),
                doc("lh13", "13-NQ/HU", "Huyện ủy Lâm Hà", "Lâm Hà")).implementations("13-NQ/HU").orElseThrow();
        assertNull(tree.id());
        assertEquals(List.of("dd13", "lh13"), tree.children().stream().map(ImplementationNode::id).toList());
    }

    @Test
    void a_placeholder_with_nothing_below_it_is_left_out_of_the_directives_tree() throws Exception {
        Reference mention = new Reference(null, "13-NQ/HU", null, null, Relation.MENTIONS, "số 13-NQ/HU", 0, 1);
        ImplementationNode tree = graph(
                doc("dd13", "13-NQ/HU", "Huyện ủy Đơn Dương", "Đơn Dương"),
                doc("nowhere", null, null, null, mention)).implementations("13-NQ/HU").orElseThrow();
        assertEquals("dd13", tree.id());
        assertEquals(List.of(), tree.children());
    }
}
