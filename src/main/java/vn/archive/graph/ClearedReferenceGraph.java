package vn.archive.graph;

import vn.archive.search.SearchService;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * The reference graph as a reader with limited clearance sees it: a document they may not see appears only as
 * "1 văn bản mật" (no id, number, title, issuer or link), in citation lists and implementation trees alike.
 */
public final class ClearedReferenceGraph implements ReferenceGraph {
    /** What replaces a document the reader may not see. */
    public static final String RESTRICTED = "văn bản mật";
    private static final String RESTRICTED_KEY = "restricted";

    private final ReferenceGraph graph;
    private final SearchService visible;

    /** The graph filtered by what {@code visible} (a restricted search service) can find by id. */
    public ClearedReferenceGraph(ReferenceGraph graph, SearchService visible) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.visible = Objects.requireNonNull(visible, "visible");
    }

    /** The whole graph's answer: the tracker keeps only what the reader's search can see. */
    @Override
    public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
        return graph.deadlineBefore(day);
    }

    /** Whether the reader may not see this document: asked by id, without reading it (its text is not needed). */
    private boolean hidden(String id) throws IOException {
        return id != null && !visible.visibleAmong(List.of(id)).contains(id);
    }

    /** The ids of these citations the reader may see, found in one lookup. */
    private Set<String> seen(List<Citation> citations) throws IOException {
        return visible.visibleAmong(citations.stream().map(Citation::id).filter(Objects::nonNull).toList());
    }

    /** Whether a document (null: not in the archive) is hidden, given the ids the reader may see among its peers. */
    private static boolean hidden(String id, Set<String> seen) {
        return id != null && !seen.contains(id);
    }

    @Override
    public List<Citation> cites(String id) throws IOException {
        if (hidden(id)) {
            return List.of();
        }
        List<Citation> cites = graph.cites(id);
        Set<String> seen = seen(cites);
        List<Citation> out = new ArrayList<>();
        for (Citation c : cites) {
            out.add(hidden(c.id(), seen) ? restricted(c, 1) : c);
        }
        return out;
    }

    @Override
    public List<Citation> citedBy(String id) throws IOException {
        if (hidden(id)) {
            return List.of();
        }
        List<Citation> citing = graph.citedBy(id);
        Set<String> seen = seen(citing);
        List<Citation> out = new ArrayList<>();
        Citation firstHidden = null;
        int hiddenCount = 0;
        for (Citation c : citing) {
            if (hidden(c.id(), seen)) {
                firstHidden = firstHidden == null ? c : firstHidden;
                hiddenCount++;
            } else {
                out.add(c);
            }
        }
        if (hiddenCount > 0) {
            out.add(restricted(firstHidden, hiddenCount));
        }
        return out;
    }

    @Override
    public Optional<ImplementationNode> implementations(String number) throws IOException {
        return cleared(graph.implementations(number));
    }

    /** Cut first, then cleared: only the nodes shown are looked up. */
    @Override
    public Optional<ImplementationNode> implementations(String number, int maxNodes) throws IOException {
        return cleared(graph.implementations(number, maxNodes));
    }

    /** A directive the reader may not see has no tree for them. */
    @Override
    public Optional<ImplementationNode> implementationsOf(String id, int maxNodes) throws IOException {
        return hidden(id) ? Optional.empty() : cleared(graph.implementationsOf(id, maxNodes));
    }

    /** The root's metadata only when the reader may see the root (the cleared tree keeps its id then). */
    @Override
    public Optional<RootedTree> rootedImplementations(String number, int maxNodes) throws IOException {
        return clearedRooted(graph.rootedImplementations(number, maxNodes));
    }

    @Override
    public Optional<RootedTree> rootedImplementationsOf(String id, int maxNodes) throws IOException {
        return hidden(id) ? Optional.empty() : clearedRooted(graph.rootedImplementationsOf(id, maxNodes));
    }

    /**
     * The trees of the directives the reader may see, the readers' visibility of every node of every tree asked
     * at once.
     */
    @Override
    public Map<String, RootedTree> rootedImplementationsOf(Collection<String> ids, int maxNodes)
            throws IOException {
        Set<String> seen = visible.visibleAmong(ids);
        Map<String, RootedTree> trees = graph.rootedImplementationsOf(
                ids.stream().filter(seen::contains).toList(), maxNodes);
        List<String> nodes = new ArrayList<>();
        trees.values().forEach(t -> collectIds(t.tree(), nodes));
        Set<String> seenNodes = visible.visibleAmong(nodes);
        Map<String, RootedTree> out = new LinkedHashMap<>();
        trees.forEach((id, t) -> out.put(id, rooted(clear(t.tree(), seenNodes), t)));
        return out;
    }

    private Optional<RootedTree> clearedRooted(Optional<RootedTree> rooted) throws IOException {
        if (rooted.isEmpty()) {
            return rooted;
        }
        return Optional.of(rooted(cleared(Optional.of(rooted.get().tree())).orElseThrow(), rooted.get()));
    }

    /** A cleared tree with its root's metadata only when the reader may see the root (the cleared tree keeps its id). */
    private static RootedTree rooted(ImplementationNode cleared, RootedTree of) {
        return new RootedTree(cleared, cleared.id() == null ? null : of.rootMetadata());
    }

    @Override
    public Optional<GraphText> graphText(String id) throws IOException {
        return hidden(id) ? Optional.empty() : graph.graphText(id);
    }

    private Optional<ImplementationNode> cleared(Optional<ImplementationNode> tree) throws IOException {
        if (tree.isEmpty()) {
            return tree;
        }
        List<String> ids = new ArrayList<>();
        collectIds(tree.get(), ids);
        return Optional.of(clear(tree.get(), visible.visibleAmong(ids)));
    }

    @Override
    public List<String> warnings(String id, Predicate<String> alsoVisible) throws IOException {
        if (hidden(id)) {
            return List.of();
        }
        try {
            return graph.warnings(id, other -> alsoVisible.test(other) && !hiddenUnchecked(other));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean hiddenUnchecked(String id) {
        try {
            return hidden(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectIds(ImplementationNode n, List<String> ids) {
        if (n.id() != null) {
            ids.add(n.id());
        }
        n.children().forEach(c -> collectIds(c, ids));
    }

    /** The tree with every node whose id is not among {@code seen} replaced by "1 văn bản mật". */
    private static ImplementationNode clear(ImplementationNode n, Set<String> seen) {
        List<ImplementationNode> children = new ArrayList<>();
        for (ImplementationNode c : n.children()) {
            children.add(clear(c, seen));
        }
        if (!hidden(n.id(), seen)) {
            return n.withChildren(children, n.omitted());
        }
        return new ImplementationNode(null, null, null, null, null, null, "1 " + RESTRICTED, "", null, null,
                n.relation(), false, children, n.omitted());
    }

    private static Citation restricted(Citation c, int count) {
        return new Citation(null, null, null, null, null, c.relation(), c.label(), count + " " + RESTRICTED, null,
                RESTRICTED_KEY);
    }
}
