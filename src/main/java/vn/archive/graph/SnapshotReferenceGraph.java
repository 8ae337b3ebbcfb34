package vn.archive.graph;

import vn.archive.index.GraphLookups;
import vn.archive.meta.Dictionaries;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.text.GraphText;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link ReferenceGraph} over whatever view the supplier gives for each question: a fresh {@link QueriedReferences}
 * per question in the portal (the index asked per query), or a test's {@link ReferenceSnapshot}. Just over 300
 * lines: one method per question of {@link ReferenceGraph}, each a few lines asking the pool for its view.
 */
public class SnapshotReferenceGraph implements ReferenceGraph {
    /** Relation labels as the portal prints them. */
    public static final Map<Relation, String> LABELS = Map.of(
            Relation.IMPLEMENTS, "thực hiện",
            Relation.BASED_ON, "căn cứ",
            Relation.GUIDES, "hướng dẫn",
            Relation.AMENDS, "sửa đổi, bổ sung",
            Relation.REPLACES, "thay thế",
            Relation.REPEALS, "bãi bỏ",
            Relation.MENTIONS, "nhắc đến",
            Relation.REPORTS_ON, "báo cáo việc thực hiện");
    private static final int MAX_DEPTH = 8;

    /**
     * A view kept while the index is unchanged has read at most this many documents (about 1.3 KB of heap each at
     * 50,000 generated documents): past it, it is dropped when its question ends. What bounds the graph's heap.
     */
    private static final int VIEW_DOCUMENTS = 100_000;

    /**
     * A question waiting while the kept view has been lent for longer than {@link #SIDE_AFTER_MILLIS} to a question
     * that has read at least {@link #SIDE_DOCUMENTS} documents meanwhile (a cold one: a warm tree reads none and
     * takes milliseconds) is asked on a fresh side view of its own, at most {@link #SIDE_VIEWS} at once, if it reads
     * no more than {@link #SIDE_DOCUMENTS} documents there (else it waits for the kept view): a document page's
     * citations or a small tree is not held behind a cold tree of a number borne in every province, which reads a
     * third of the archive once (at 50,000 generated documents the first tree of 1-CV/TU read 17,673 documents). A
     * side view is dropped after its question.
     */
    private static final int SIDE_VIEWS = 2;
    private static final long SIDE_AFTER_MILLIS = 100;
    private static final int SIDE_DOCUMENTS = 1_000;

    private final Supplier<? extends ReferenceView> snapshots;
    private final Consumer<ReferenceView> done;

    public SnapshotReferenceGraph(Supplier<? extends ReferenceView> snapshots) {
        this(snapshots, view -> { });
    }

    /** A graph whose views are given back to {@code done} after each question (a pool may keep them). */
    SnapshotReferenceGraph(Supplier<? extends ReferenceView> snapshots, Consumer<ReferenceView> done) {
        this.snapshots = snapshots;
        this.done = done;
    }

    /**
     * The graph the portal serves: questions ask the index through {@code lookups} on one view, lent to one question
     * at a time in the order they came and kept for the next while the index is unchanged and the view not too
     * large ({@link ViewPool}), so that what one tree has read and resolved serves every later question, as the
     * whole-archive snapshot did, while what stays in memory is bounded whatever the size of the archive. (Views of
     * their own for concurrent questions each read the same documents again: at 50,000 documents the bench's 100
     * trees took 45–54 s a round that way, 12 s cold and under 2 s warm on one kept view.)
     */
    public static ReferenceGraph perQuery(GraphLookups lookups, Dictionaries dictionaries) {
        // a resolver per view too: its memory of symbol levels would otherwise grow with the numbers ever asked
        ViewPool pool = new ViewPool(lookups, () -> new QueriedReferences(lookups, new CitationResolver(dictionaries)),
                1, VIEW_DOCUMENTS, 1).withSideViews(SIDE_VIEWS, SIDE_AFTER_MILLIS, SIDE_DOCUMENTS);
        KeptGraphTexts texts = new KeptGraphTexts(lookups);
        return new SnapshotReferenceGraph(pool::take, pool::giveBack) {
            @Override
            <T> T ask(Function<ReferenceView, T> question) {
                return pool.ask(question);
            }

            @Override
            public Optional<SortedSet<String>> deadlineBefore(LocalDate day) throws IOException {
                return lookups.deadlineBefore(day);
            }

            @Override
            public Optional<GraphText> graphText(String id) throws IOException {
                return texts.of(id);
            }
        };
    }

    /** The page of a cited number: where placeholders link. */
    public static String numberUrl(String number) {
        return "/references/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    @Override
    public List<Citation> cites(String id) {
        return ask(s -> cites(s, id));
    }

    private static List<Citation> cites(ReferenceView s, String id) {
        List<Citation> out = new ArrayList<>();
        for (ReferenceSnapshot.Edge e : s.outgoing(s.directiveId(id))) {
            Reference r = e.reference();
            Optional<ReferenceSnapshot.Entry> target = Optional.ofNullable(e.targetId()).flatMap(s::entry);
            String relation = r.relation().wireName();
            String label = LABELS.get(r.relation());
            if (target.isPresent()) {
                DocumentMetadata m = target.get().metadata();
                out.add(new Citation(target.get().id(), m.kind(), m.number(), m.date(), m.issuer(), relation, label,
                        r.text(), "/documents/" + target.get().id(), e.target()));
            } else {
                out.add(new Citation(null, r.kind(), r.number(), r.date(), r.issuer(), relation, label, r.text(),
                        r.number() == null ? null : numberUrl(r.number()), e.target()));
            }
        }
        return out;
    }

    @Override
    public List<Citation> citedBy(String id) {
        return ask(s -> citedBy(s, id));
    }

    private static List<Citation> citedBy(ReferenceView s, String id) {
        List<Citation> out = new ArrayList<>();
        for (ReferenceSnapshot.Edge e : s.incoming("doc:" + s.directiveId(id))) {
            s.entry(e.from()).ifPresent(from -> {
                DocumentMetadata m = from.metadata();
                out.add(new Citation(from.id(), m.kind(), m.number(), m.date(), m.issuer(),
                        e.reference().relation().wireName(), LABELS.get(e.reference().relation()), m.title(),
                        "/documents/" + from.id(), "doc:" + from.id()));
            });
        }
        out.sort(Comparator.comparing(Citation::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Citation::id));
        return out;
    }

    @Override
    public Optional<ImplementationNode> implementations(String number) {
        return ask(s -> implementations(s, number));
    }

    /** The cut tree with its root's merged metadata from the same view: tracking reads the directive no more. */
    @Override
    public Optional<RootedTree> rootedImplementations(String number, int maxNodes) {
        return ask(s -> implementations(s, number).map(t -> rooted(s, t.limited(maxNodes))));
    }

    @Override
    public Optional<RootedTree> rootedImplementationsOf(String id, int maxNodes) {
        return ask(s -> implementationsOf(s, id, maxNodes).map(t -> rooted(s, t)));
    }

    /**
     * The directives' trees read on one view: their roots' levels read together ({@link ReferenceView#prefetchTree}
     * over every root), then each tree walked from what the view holds.
     */
    @Override
    public Map<String, RootedTree> rootedImplementationsOf(Collection<String> ids, int maxNodes) {
        return ask(s -> {
            List<String> roots = new ArrayList<>();
            for (String id : ids) {
                String directive = s.directiveId(id);
                if (s.entry(directive).isPresent()) {
                    roots.add("doc:" + directive);
                }
            }
            s.prefetchTree(roots, MAX_DEPTH);
            Map<String, RootedTree> out = new LinkedHashMap<>();
            for (String id : ids) {
                implementationsOf(s, id, maxNodes).ifPresent(t -> out.put(id, rooted(s, t)));
            }
            return out;
        });
    }

    private static RootedTree rooted(ReferenceView s, ImplementationNode tree) {
        return new RootedTree(tree, tree.id() == null ? null
                : s.entry(tree.id()).map(ReferenceSnapshot.Entry::metadata).orElse(null));
    }

    private Optional<ImplementationNode> implementations(ReferenceView s, String number) {
        Optional<DocNumber> n = DocNumber.parse(number);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        List<String> nodes = s.nodesForNumber(n.get());
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        // every root's tree read together, a level at a time, by a view that asks an index
        s.prefetchTree(nodes, MAX_DEPTH);
        List<String> documents = nodes.stream().filter(k -> k.startsWith("doc:")).toList();
        if (documents.size() == 1 && nodes.size() > 1) {
            return Optional.of(underDocument(s, documents.get(0), nodes, n.get()));
        }
        List<ImplementationNode> roots = new ArrayList<>();
        for (String node : nodes) {
            roots.add(node(s, node, null, n.get(), new HashSet<>(), 0));
        }
        if (roots.size() == 1) {
            return Optional.of(roots.get(0));
        }
        // one number, several documents (one per district for a local symbol): a neutral root above them
        return Optional.of(new ImplementationNode(null, null, n.get().format(), null, null, null,
                "Các văn bản mang số " + n.get().format(), null, numberUrl(n.get().format()), null, null, false, roots));
    }

    @Override
    public Optional<ImplementationNode> implementationsOf(String id, int maxNodes) {
        return ask(s -> implementationsOf(s, id, maxNodes));
    }

    private Optional<ImplementationNode> implementationsOf(ReferenceView s, String id, int maxNodes) {
        String directive = s.directiveId(id);
        if (s.entry(directive).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(node(s, "doc:" + directive, null, null, new HashSet<>(), 0).limited(maxNodes));
    }

    /**
     * The tree of a number the archive holds one directive of, which some citations of the number did not resolve
     * to (another place's namesake, an ambiguous or unplaceable citation): the directive is the root, and each such
     * placeholder that has documents under it hangs below the root without a relation, so it is still shown but
     * never read as implementing the directive (tracking skips it).
     */
    private ImplementationNode underDocument(ReferenceView s, String document, List<String> nodes, DocNumber n) {
        ImplementationNode root = node(s, document, null, n, new HashSet<>(), 0);
        List<ImplementationNode> children = new ArrayList<>(root.children());
        for (String placeholder : nodes) {
            if (!placeholder.equals(document)) {
                ImplementationNode other = node(s, placeholder, null, n, new HashSet<>(), 1);
                if (!other.children().isEmpty()) {
                    children.add(other);
                }
            }
        }
        return root.withChildren(children, 0);
    }

    private ImplementationNode node(ReferenceView s, String key, Relation relation, DocNumber cited,
                                    Set<String> seen, int depth) {
        if (seen.isEmpty()) {
            // a walk begins: a view that asks an index reads the tree's citations level by level first
            s.prefetchTree(List.of(key), MAX_DEPTH - depth);
        }
        seen.add(key);
        List<ImplementationNode> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (ReferenceSnapshot.Edge e : s.incoming(key)) {
                String child = "doc:" + e.from();
                if (ReferenceSnapshot.TREE_RELATIONS.contains(e.reference().relation()) && !seen.contains(child)) {
                    children.add(node(s, child, e.reference().relation(), null, seen, depth + 1));
                }
            }
        }
        children.sort(Comparator.comparing(ImplementationNode::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.id() == null ? "" : c.id()));
        String rel = relation == null ? null : relation.wireName();
        if (key.startsWith("doc:")) {
            ReferenceSnapshot.Entry e = s.entry(key.substring(4)).orElseThrow();
            DocumentMetadata m = e.metadata();
            return new ImplementationNode(e.id(), m.kind(), m.number(), m.date(), m.issuer(), m.place(), m.title(),
                    null, "/documents/" + e.id(), s.level(e), rel, true, children);
        }
        // a placeholder: describe it with what its citations say
        Reference said = s.incoming(key).stream().map(ReferenceSnapshot.Edge::reference).findFirst().orElse(null);
        String number = said != null && said.number() != null ? said.number() : cited == null ? null : cited.format();
        return new ImplementationNode(null, said == null ? null : said.kind(), number, said == null ? null : said.date(),
                said == null ? null : said.issuer(), null, "Chưa có trong kho", null,
                number == null ? null : numberUrl(number), level(s, number), rel, false, children);
    }

    private static String level(ReferenceView s, String number) {
        return number == null ? null : DocNumber.parse(number).map(n -> s.scope(n).orElse("trung ương")).orElse(null);
    }

    @Override
    public List<String> warnings(String id, Predicate<String> visible) {
        return ask(s -> s.warnings(s.directiveId(id), visible));
    }

    /** Asks a question of a view lent for it, then gives the view back ({@link #perQuery} asks its pool instead). */
    <T> T ask(Function<ReferenceView, T> question) {
        ReferenceView s = snapshots.get();
        try {
            return question.apply(s);
        } finally {
            done.accept(s);
        }
    }
}
