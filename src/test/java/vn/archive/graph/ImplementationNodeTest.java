package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.graph.ReferenceGraph.ImplementationNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImplementationNodeTest {
    private static ImplementationNode node(String number, ImplementationNode... children) {
        return new ImplementationNode(number, "Kế hoạch", number, null, null, null, null, null, null, null, null, true,
                List.of(children));
    }

    /** Root 1; children 2, 3, 4; 2 has 5 and 6; 5 has 7. Eight nodes, three levels below the root. */
    private static final ImplementationNode TREE = node("1",
            node("2", node("5", node("7")), node("6")), node("3"), node("4"));

    private static List<String> breadthFirst(ImplementationNode root) {
        List<String> out = new ArrayList<>();
        List<ImplementationNode> level = List.of(root);
        while (!level.isEmpty()) {
            List<ImplementationNode> next = new ArrayList<>();
            for (ImplementationNode n : level) {
                out.add(n.number());
                next.addAll(n.children());
            }
            level = next;
        }
        return out;
    }

    @Test
    void a_tree_that_fits_is_returned_as_it_is() {
        assertEquals(7, TREE.size());
        assertSame(TREE, TREE.limited(7));
        assertSame(TREE, TREE.limited(100));
    }

    @Test
    void a_cut_keeps_whole_levels_first_and_counts_each_node_left_out_under_its_kept_parent() {
        ImplementationNode cut = TREE.limited(5);
        assertEquals(List.of("1", "2", "3", "4", "5"), breadthFirst(cut));
        assertEquals(7, cut.size(), "kept plus omitted is the whole tree");
        assertEquals(5, cut.shown(), "the nodes listed");
        assertEquals(7, TREE.shown(), "a whole tree lists every node");
        ImplementationNode two = cut.children().get(0);
        assertEquals(1, two.omitted(), "6 is left out under 2");
        assertEquals(1, two.children().get(0).omitted(), "7 is left out under 5");
        assertEquals(0, cut.omitted());
        ImplementationNode root = TREE.limited(1);
        assertEquals(List.of("1"), breadthFirst(root));
        assertEquals(6, root.omitted());
        assertEquals(root, root.limited(1), "cutting a cut tree again changes nothing");
        assertEquals(TREE.limited(3), TREE.limited(5).limited(3), "a smaller cut of a cut is the smaller cut");
    }

    @Test
    void a_limit_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> TREE.limited(0));
    }
}
