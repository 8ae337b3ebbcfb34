package vn.archive.graph;

import vn.archive.index.GraphLookups;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentLink;
import vn.archive.model.Reference;
import vn.archive.graph.ReferenceSnapshot.Edge;
import vn.archive.graph.ReferenceSnapshot.Entry;
import vn.archive.text.GraphText;
import vn.archive.text.LawNames;
import vn.archive.text.Locality;
import vn.archive.search.Renditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The reference graph of the archive as one query sees it, asked of the index through {@link GraphLookups} and
 * remembered only until the query ends: one view per request, so the heap does not grow with the archive.
 *
 * <p>What the whole set decided in a {@link ReferenceSnapshot} is decided here from the few documents that can
 * matter: a citation's candidates are the directives bearing its number key (or law key), the documents citing a
 * node are those the index files under its key, and a directive's renditions are the documents linked to it, so the
 * answers are the same (a test compares both on real archives). Not thread-safe: one view, one thread.
 *
 * <p>A tree is read level by level before it is walked ({@link #prefetchTree}), so that on a Solr collection it costs
 * a few requests per level, not per node. Over 370 lines because the view's caches and the batched reads
 * that fill them are one thing: split, each half would reach into the other's maps.
 */
public final class QueriedReferences implements ReferenceView {
    private final GraphLookups lookups;
    private final CitationResolver resolver;
    private final Map<String, Optional<ArchivedDocument>> docs = new HashMap<>();
    /** What the batch read of each loaded document said of its graph text and of the rendition links to it. */
    private final Map<String, Optional<GraphText>> graphTexts = new HashMap<>();
    private final Map<String, SortedSet<String>> linksTo = new HashMap<>();
    private final Map<String, Optional<Renditions.Group>> groups = new HashMap<>();
    private final Map<String, Optional<Entry>> entries = new HashMap<>();
    private final Map<String, List<Entry>> bearing = new HashMap<>();
    private final Map<String, List<Entry>> named = new HashMap<>();
    private final Map<String, Edge> edges = new HashMap<>();
    private final Map<String, Optional<String>> citedKeys = new HashMap<>();
    private final Map<String, Map<String, List<Edge>>> citedNumbers = new HashMap<>();
    /** Below this many namesakes a citation simply looks at each (as in {@link ReferenceSnapshot}). */
    private static final int LOCAL_INDEX_FROM = 16;
    private final Map<String, Map<String, List<Entry>>> namesakesByPlace = new HashMap<>();
    private final Map<String, Map<String, List<Edge>>> citedLaws = new HashMap<>();
    private static final Comparator<Edge> BY_CITING = Comparator.comparing(Edge::from).thenComparingInt(Edge::index);
    private final CitationResolver.Candidates candidates = new CitationResolver.Candidates() {
        @Override
        public List<Entry> bearing(String numberKey, String level, String place) {
            List<Entry> namesakes = QueriedReferences.this.bearing(numberKey);
            if (level == null || namesakes.size() <= LOCAL_INDEX_FROM) {
                return namesakes;
            }
            // a local number recurs in every province or district: each citation looks at its own place's namesakes
            return namesakesByPlace.computeIfAbsent(numberKey + "@" + level,
                    k -> CitationResolver.byPlace(namesakes, level)).getOrDefault(place, List.of());
        }

        @Override
        public List<Entry> named(String lawKey) {
            return named.computeIfAbsent(lawKey, k -> directives(unchecked(() -> lookups.bearingLawName(k)),
                    e -> LawNames.ofDocument(e.metadata()).filter(k::equals).isPresent()));
        }
    };

    /** A view for one query, resolving with {@code resolver} (which remembers the symbol levels it has seen). */
    public QueriedReferences(GraphLookups lookups, CitationResolver resolver) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public CitationResolver resolver() {
        return resolver;
    }

    @Override
    public String directiveId(String id) {
        return group(id).map(Renditions.Group::primary).orElse(id);
    }

    @Override
    public Optional<Entry> entry(String id) {
        return entries.computeIfAbsent(id, this::load);
    }

    private Optional<Entry> load(String id) {
        Optional<ArchivedDocument> d = doc(id);
        if (d.isEmpty() || !directiveId(id).equals(id)) {
            return Optional.empty(); // not in the archive, or another rendition of a directive
        }
        return Optional.of(ReferenceSnapshot.entryAt(id, group(id).map(Renditions.Group::merged).orElse(d.get().metadata()),
                () -> textPlace(id), resolver));
    }

    /** The locality a document's text names: as read when it was indexed, else from its text (an older index). */
    private Locality textPlace(String id) {
        Optional<GraphText> read = graphTexts.containsKey(id) ? graphTexts.get(id) : unchecked(() -> lookups.graphText(id));
        return read.map(GraphText::place)
                .orElseGet(() -> Locality.ofText(unchecked(() -> lookups.text(id))));
    }

    @Override
    public List<Edge> outgoing(String id) {
        Optional<Entry> e = entry(id);
        if (e.isEmpty()) {
            return List.of();
        }
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < e.get().metadata().references().size(); i++) {
            out.add(edge(e.get(), i));
        }
        return out;
    }

    @Override
    public List<Edge> incoming(String nodeKey) {
        Set<Edge> out = new LinkedHashSet<>();
        if (nodeKey.startsWith("doc:")) {
            Optional<Entry> target = entry(nodeKey.substring(4));
            if (target.isEmpty()) {
                return List.of();
            }
            CitationResolver.ownNumber(target.get()).ifPresent(n -> out.addAll(citingNumber(n.key()).getOrDefault(nodeKey, List.of())));
            LawNames.ofDocument(target.get().metadata()).ifPresent(k -> out.addAll(citingLaw(k).getOrDefault(nodeKey, List.of())));
        } else if (nodeKey.startsWith("num:")) {
            out.addAll(citingNumber(CitationResolver.numberKeyOf(nodeKey)).getOrDefault(nodeKey, List.of()));
        } else {
            return List.of();
        }
        // by citing directive, then position: the order of a whole set's edges
        List<Edge> sorted = new ArrayList<>(out);
        sorted.sort(BY_CITING);
        return sorted;
    }

    @Override
    public List<String> nodesForNumber(DocNumber number) {
        Set<String> nodes = new LinkedHashSet<>();
        bearing(number.key()).forEach(e -> nodes.add("doc:" + e.id()));
        SortedSet<String> placeholders = new TreeSet<>();
        for (String target : citingNumber(number.key()).keySet()) {
            if (target.startsWith("num:") && CitationResolver.numberKeyOf(target).equals(number.key())) {
                placeholders.add(target);
            }
        }
        nodes.addAll(placeholders);
        return List.copyOf(nodes);
    }

    /**
     * The resolved citations of a number key, by the node each resolves to, read once per view: every namesake of
     * a shared number (1-KH/TU in each province, each year) and each placeholder of it asks for the same citations,
     * so a tree reads a number's citers once instead of once per node bearing it.
     */
    private Map<String, List<Edge>> citingNumber(String numberKey) {
        return citedNumbers.computeIfAbsent(numberKey, k -> citing(k, unchecked(() -> lookups.citingNumber(k))));
    }

    /** The citations of a number key among these citing documents' references, by the node each resolves to. */
    private Map<String, List<Edge>> citing(String numberKey, Collection<String> citingIds) {
        return byTarget(citingIds, r -> r.number() != null && citedKeys.computeIfAbsent(r.number(),
                n -> CitationResolver.citedNumberKey(r)).filter(numberKey::equals).isPresent());
    }

    /**
     * Reads a tree's citations level by level: each level's numbers in one lookup and their citing documents in one
     * more ({@link #prefetchIncoming}), so that the walk that follows finds every node's citations read, at a few
     * requests per level instead of a few per node. Only the caches are filled: the walk decides the tree.
     */
    @Override
    public void prefetchTree(Collection<String> rootKeys, int depth) {
        Set<String> seen = new HashSet<>(rootKeys);
        List<String> level = List.copyOf(seen);
        for (int d = 0; d < depth && !level.isEmpty(); d++) {
            prefetchIncoming(level);
            List<String> next = new ArrayList<>();
            for (String key : level) {
                for (Edge e : incoming(key)) {
                    if (ReferenceSnapshot.TREE_RELATIONS.contains(e.reference().relation()) && seen.add("doc:" + e.from())) {
                        next.add("doc:" + e.from());
                    }
                }
            }
            level = next;
        }
    }

    /**
     * Reads the citations of these nodes' numbers not read yet and the directives bearing those numbers (which each
     * citation's resolution asks for) in one lookup each, then all those documents in one more.
     */
    private void prefetchIncoming(Collection<String> nodeKeys) {
        Set<String> keys = new TreeSet<>();
        for (String node : nodeKeys) {
            if (node.startsWith("doc:")) {
                entry(node.substring(4)).flatMap(CitationResolver::ownNumber).map(DocNumber::key).ifPresent(keys::add);
            } else if (node.startsWith("num:")) {
                keys.add(CitationResolver.numberKeyOf(node));
            }
        }
        keys.removeAll(citedNumbers.keySet());
        if (keys.size() < 2) {
            return; // one number: its own lookup is as cheap
        }
        Map<String, SortedSet<String>> citers = unchecked(() -> lookups.citingNumbers(keys));
        Set<String> unread = new TreeSet<>(keys);
        unread.removeAll(bearing.keySet());
        Map<String, SortedSet<String>> bearers = unread.isEmpty() ? Map.of() : unchecked(() -> lookups.bearingNumbers(unread));
        Set<String> all = new TreeSet<>();
        citers.values().forEach(all::addAll);
        bearers.values().forEach(all::addAll);
        preload(all);
        for (String k : unread) {
            bearing.computeIfAbsent(k, key -> bearers(key, bearers.getOrDefault(key, new TreeSet<>())));
        }
        for (String k : keys) {
            citedNumbers.computeIfAbsent(k, key -> citing(key, citers.getOrDefault(key, new TreeSet<>())));
        }
    }

    /** The resolved citations of a law by its name key, by the node each resolves to, read once per view. */
    private Map<String, List<Edge>> citingLaw(String lawKey) {
        return citedLaws.computeIfAbsent(lawKey, k -> byTarget(unchecked(() -> lookups.citingLawName(k)),
                r -> LawNames.cited(r).filter(k::equals).isPresent()));
    }

    /** The references of these documents' directives that {@code cites} accepts, resolved, by target. */
    private Map<String, List<Edge>> byTarget(Collection<String> citingIds, Predicate<Reference> cites) {
        Map<String, List<Edge>> out = new HashMap<>();
        for (Entry citing : directives(citingIds, e -> true)) {
            List<Reference> refs = citing.metadata().references();
            for (int i = 0; i < refs.size(); i++) {
                if (cites.test(refs.get(i))) {
                    Edge e = edge(citing, i);
                    out.computeIfAbsent(e.target(), t -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    @Override
    public List<Entry> bearing(String numberKey) {
        return bearing.computeIfAbsent(numberKey, k -> bearers(k, unchecked(() -> lookups.bearingNumber(k))));
    }

    /** The directives among these documents that bear this number key as their own. */
    private List<Entry> bearers(String numberKey, Collection<String> ids) {
        return directives(ids, e -> CitationResolver.ownNumber(e).map(DocNumber::key).filter(numberKey::equals).isPresent());
    }

    /** The reference at {@code index} of a directive, resolved once per view. */
    private Edge edge(Entry citing, int index) {
        String key = citing.id() + "#" + index;
        Edge e = edges.get(key);
        if (e == null) {
            e = resolver.resolve(candidates, citing, index, citing.metadata().references().get(index));
            edges.put(key, e);
        }
        return e;
    }

    /** The directives of these documents' ids (each rendition stands for its directive) that pass, by id. */
    private List<Entry> directives(Collection<String> ids, Predicate<Entry> keep) {
        preload(ids);
        Set<String> directiveIds = new TreeSet<>();
        ids.forEach(id -> directiveIds.add(directiveId(id)));
        List<Entry> out = new ArrayList<>();
        for (String id : directiveIds) {
            entry(id).filter(keep).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(Entry::id));
        return out;
    }

    private Optional<ArchivedDocument> doc(String id) {
        Optional<ArchivedDocument> d = docs.get(id);
        if (d == null) {
            preload(List.of(id));
            d = docs.get(id);
        }
        return d;
    }

    /** Reads the documents not read yet, with their graph texts and the rendition links to them, in one lookup. */
    private void preload(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !docs.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        GraphLookups.DocumentBatch batch = unchecked(() -> lookups.documentBatch(missing));
        Map<String, ArchivedDocument> found = batch.documents();
        for (String id : missing) {
            graphTexts.put(id, Optional.ofNullable(batch.graphTexts().get(id)));
            linksTo.put(id, batch.renditionLinksTo().getOrDefault(id, new TreeSet<>()));
        }
        // a withdrawn document is out of the graph for everyone: no node, no citation, no tracking count
        missing.forEach(id -> docs.put(id, Optional.ofNullable(found.get(id)).filter(d -> d.metadata().withdrawn() == null)));
    }

    /**
     * The renditions of a document, found by following its rendition links both ways: the documents linked to it
     * and to those, as far as the links go, whichever side bears a link; {@link Renditions#of} then groups them by
     * the same rules as when the whole archive's links are read at once.
     */
    private Optional<Renditions.Group> group(String id) {
        Optional<Renditions.Group> known = groups.get(id);
        if (known != null) {
            return known;
        }
        List<ArchivedDocument> linked = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(id));
        Deque<String> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            Optional<ArchivedDocument> d = doc(next);
            if (d.isEmpty()) {
                continue;
            }
            // a link counts whichever side bears it (one side may lack it when two workers imported the pair)
            Set<String> neighbours = new TreeSet<>(renditionLinks(d.get()));
            neighbours.addAll(linksTo.containsKey(next) ? linksTo.get(next) : unchecked(() -> lookups.renditionLinksTo(next)));
            if (neighbours.isEmpty()) {
                continue;
            }
            linked.add(d.get());
            for (String n : neighbours) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        Renditions renditions = linked.isEmpty() ? Renditions.NONE : Renditions.of(linked);
        groups.put(id, renditions.group(id));
        linked.forEach(d -> groups.put(d.id(), renditions.group(d.id())));
        return groups.get(id);
    }

    private static List<String> renditionLinks(ArchivedDocument d) {
        return d.notes().stream().map(DocumentLink::renditionOf).flatMap(Optional::stream).toList();
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T unchecked(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
