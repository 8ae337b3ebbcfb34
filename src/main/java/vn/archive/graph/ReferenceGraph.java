package vn.archive.graph;

import vn.archive.model.DocumentMetadata;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * Who cites whom, resolved at query time from what the archive holds now, so the order of imports never matters:
 * a document cited before it was imported is a placeholder ("chưa có trong kho") until it arrives, then a link.
 */
public interface ReferenceGraph {
    /** Nodes of an implementation tree the portal shows unless asked for more. */
    int DEFAULT_TREE_NODES = 2_000;
    /** The most nodes of an implementation tree the portal answers at once. */
    int MAX_TREE_NODES = 100_000;

    /** The references of a document, one per extracted reference and in the same order, resolved. */
    List<Citation> cites(String id) throws IOException;

    /** The archive documents citing this one, one per citing reference. */
    List<Citation> citedBy(String id) throws IOException;

    /** The implementation tree under the document(s) with this number, or empty when nothing has the number. */
    Optional<ImplementationNode> implementations(String number) throws IOException;

    /**
     * The implementation tree with at most {@code maxNodes} nodes, breadth first (every level above is whole before
     * a deeper one starts); each node's {@code omitted} says how many nodes below it were left out.
     */
    default Optional<ImplementationNode> implementations(String number, int maxNodes) throws IOException {
        return implementations(number).map(tree -> tree.limited(maxNodes));
    }

    /**
     * The implementation tree under one directive (any of its renditions' ids), cut like
     * {@link #implementations(String, int)}: what tracking follows when the directive's number is shared by namesakes
     * in other provinces or years. Empty when the archive holds no such directive.
     */
    default Optional<ImplementationNode> implementationsOf(String id, int maxNodes) throws IOException {
        return Optional.empty();
    }

    /**
     * The tree of {@link #implementations(String, int)} with its root directive's merged metadata as the tree's own
     * view read it, so that tracking reads no document again; by default the tree alone (no metadata: the caller reads
     * the directive).
     */
    default Optional<RootedTree> rootedImplementations(String number, int maxNodes) throws IOException {
        return implementations(number, maxNodes).map(t -> new RootedTree(t, null));
    }

    /** The tree of {@link #implementationsOf} with its root's metadata, as {@link #rootedImplementations}. */
    default Optional<RootedTree> rootedImplementationsOf(String id, int maxNodes) throws IOException {
        return implementationsOf(id, maxNodes).map(t -> new RootedTree(t, null));
    }

    /**
     * The trees of {@link #rootedImplementationsOf(String, int)} of several directives, by the id asked (ids with no
     * directive left out), read together where the graph can: the overdue view follows every directive past its
     * deadline, and a tree read alone asks the index a few times per level. By default one at a time.
     */
    default Map<String, RootedTree> rootedImplementationsOf(Collection<String> ids, int maxNodes)
            throws IOException {
        Map<String, RootedTree> out = new LinkedHashMap<>();
        for (String id : ids) {
            rootedImplementationsOf(id, maxNodes).ifPresent(t -> out.put(id, t));
        }
        return out;
    }

    /**
     * An implementation tree and the metadata of its root directive (renditions merged), or null when the root is
     * no directive the reader may see, or the graph did not read it.
     */
    record RootedTree(ImplementationNode tree, DocumentMetadata rootMetadata) {
        public RootedTree {
            Objects.requireNonNull(tree, "tree");
        }
    }

    /**
     * What the directive's text tells tracking (the bodies it addresses, its yearly deadlines), as read when it was
     * indexed; empty when the graph cannot tell (the caller reads the text then).
     */
    default Optional<GraphText> graphText(String id) throws IOException {
        return Optional.empty();
    }

    /** Data-quality warnings the graph reveals about a document (later-dated citations, dangling, duplicates…). */
    default List<String> warnings(String id) throws IOException {
        return warnings(id, other -> true);
    }

    /**
     * The warnings a reader sees who may only see the documents {@code visible} accepts: none speaks of another
     * document's date, id or existence unless that document is visible.
     */
    List<String> warnings(String id, Predicate<String> visible) throws IOException;

    /**
     * The ids of the documents whose earliest deadline is before this day, asked of the index, or empty when the
     * graph cannot tell (the overdue view then reads the documents its filters leave).
     */
    default Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
        return Optional.empty();
    }

    /** A graph with no edges, for apps built without one. */
    ReferenceGraph EMPTY = new ReferenceGraph() {
        @Override
        public List<Citation> cites(String id) {
            return List.of();
        }

        @Override
        public List<Citation> citedBy(String id) {
            return List.of();
        }

        @Override
        public Optional<ImplementationNode> implementations(String number) {
            return Optional.empty();
        }

        @Override
        public List<String> warnings(String id, Predicate<String> visible) {
            return List.of();
        }
    };

    /**
     * One end of a citation as a page shows it.
     *
     * @param id        the other document's id, or null when it is not in the archive
     * @param kind      its kind
     * @param number    its number, or null when cited without one
     * @param date      its date (the archive's when in the archive, else as cited)
     * @param issuer    its issuer
     * @param relation  relation wire name ("implements"…)
     * @param label     relation label in Vietnamese
     * @param text      the citing words, or the other document's title for cited-by
     * @param url       where to go: the document page, or the page of the cited number for a placeholder
     * @param key       the resolved node key ("doc:…" or a placeholder key)
     */
    record Citation(String id, String kind, String number, LocalDate date, String issuer, String relation,
                    String label, String text, String url, String key) {
        /** Whether the other end is in the archive. */
        public boolean inArchive() {
            return id != null;
        }
    }

    /**
     * A node of an implementation tree, shaped like a search hit plus the relation to its parent and children.
     *
     * @param id        document id, or null for a document cited but not in the archive
     * @param level     trung ương, tỉnh, huyện or xã, when known
     * @param relation  how this node relates to its parent (null for the root)
     * @param children  the documents implementing this one
     * @param omitted   how many nodes below this one a size limit left out of {@code children} (0 in a whole tree)
     */
    record ImplementationNode(String id, String kind, String number, LocalDate date, String issuer, String place,
                              String title, String snippet, String url, String level, String relation,
                              boolean inArchive, List<ImplementationNode> children, int omitted) {
        public ImplementationNode {
            children = List.copyOf(children);
            if (omitted < 0) {
                throw new IllegalArgumentException("omitted must not be negative, was " + omitted);
            }
        }

        /** A node with nothing left out. */
        public ImplementationNode(String id, String kind, String number, LocalDate date, String issuer, String place,
                                  String title, String snippet, String url, String level, String relation,
                                  boolean inArchive, List<ImplementationNode> children) {
            this(id, kind, number, date, issuer, place, title, snippet, url, level, relation, inArchive, children, 0);
        }

        /** The same node with other children and omitted count. */
        public ImplementationNode withChildren(List<ImplementationNode> newChildren, int newOmitted) {
            return new ImplementationNode(id, kind, number, date, issuer, place, title, snippet, url, level, relation,
                    inArchive, newChildren, newOmitted);
        }

        /** Nodes in this tree: this one, those below it, and those already left out below it. */
        public int size() {
            int n = 1 + omitted;
            for (ImplementationNode c : children) {
                n += c.size();
            }
            return n;
        }

        /** Nodes this tree lists: this one and those below it, without those left out ({@link #size()} in a whole tree). */
        public int shown() {
            int n = 1;
            for (ImplementationNode c : children) {
                n += c.shown();
            }
            return n;
        }

        /** This tree cut to its first {@code maxNodes} nodes breadth first (itself when it fits). */
        public ImplementationNode limited(int maxNodes) {
            if (maxNodes < 1) {
                throw new IllegalArgumentException("a tree keeps at least its root, maxNodes was " + maxNodes);
            }
            Set<ImplementationNode> kept = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<ImplementationNode> queue = new ArrayDeque<>(List.of(this));
            while (!queue.isEmpty() && kept.size() < maxNodes) {
                ImplementationNode n = queue.poll();
                kept.add(n);
                queue.addAll(n.children());
            }
            return queue.isEmpty() ? this : keep(this, kept);
        }

        private static ImplementationNode keep(ImplementationNode n, Set<ImplementationNode> kept) {
            List<ImplementationNode> children = new ArrayList<>();
            int omitted = n.omitted();
            for (ImplementationNode c : n.children()) {
                if (kept.contains(c)) {
                    children.add(keep(c, kept));
                } else {
                    omitted += c.size();
                }
            }
            return n.withChildren(children, omitted);
        }
    }
}
