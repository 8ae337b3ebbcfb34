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
import vn.archive.text.PlaceKeys;
import vn.archive.search.Renditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
import java.util.TreeMap;
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
 * a few requests per level, not per node. A local number's namesakes and citations are asked for one place at a time
 * (the index's place terms), since a citation of a local number resolves within its own place only, and where the
 * place holds several namesakes, for the years a citation meaning the directive may give only ({@link PlaceAsk}
 * decides which; {@link NumberPlace} is the place). Over 600 lines because the view's caches and the batched reads
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
    /** Each node's incoming edges once sorted: a tree asks for them when it reads a level and again when it walks. */
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    /** Below this many namesakes a citation simply looks at each (as in {@link ReferenceSnapshot}). */
    private static final int LOCAL_INDEX_FROM = 16;
    private final Map<String, Map<String, List<Entry>>> namesakesByPlace = new HashMap<>();
    private final Map<String, Map<String, List<Edge>>> citedLaws = new HashMap<>();
    /** The citations reaching each directive through its local number, read by its place's terms (text.PlaceKeys). */
    private final Map<String, List<Edge>> citedAt = new HashMap<>();
    /** Every year's citers of a local number in one place, by place term: ids only, until a directive needs them. */
    private final Map<String, SortedSet<String>> citersAt = new HashMap<>();
    private final Map<String, List<Entry>> bearingAt = new HashMap<>();
    /** At most this many documents read (a side view's bound, {@link ViewPool}); past it {@link #exceeded}. */
    private int budget = Integer.MAX_VALUE;
    private boolean exceeded;
    /** Documents read so far, written by the one thread the view is lent to, read by questions waiting for it. */
    private volatile int loaded;
    /** Whether the index files numbers by place; false once it said it cannot (an older index, another backend). */
    private boolean byPlace = true;
    /** Whether the index files citations by place and cited year; false once it said it cannot (an older index). */
    private boolean byYear = true;
    private static final Comparator<Edge> BY_CITING = Comparator.comparing(Edge::from).thenComparingInt(Edge::index);
    private final CitationResolver.Candidates candidates = new CitationResolver.Candidates() {
        @Override
        public List<Entry> bearing(String numberKey, String level, String place) {
            if (level != null && place != null && !bearing.containsKey(numberKey)) {
                // one place's namesakes, asked by place term: a local number recurs in every province every year
                Optional<List<Entry>> local = namesakesAt(new NumberPlace(numberKey, level, place));
                if (local.isPresent()) {
                    return local.get();
                }
            }
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

    /** How many documents this view has read from the index (what its memory grows with). */
    int documentsRead() {
        return docs.size();
    }

    /**
     * Bounds what this view may read: a read that would take it past {@code documents} fails with {@link OverBudget}
     * and marks the view {@link #exceeded}, so that a question too large for it is asked again elsewhere, whatever
     * the question's own code did with the failure.
     */
    void limit(int documents) {
        budget = documents;
    }

    /** How many documents this view has asked the index for, as seen from another thread. */
    int loaded() {
        return loaded;
    }

    /** Whether a read was refused for going past the view's {@link #limit}: its answers are not to be trusted. */
    boolean exceeded() {
        return exceeded;
    }

    /** A read refused by a view's {@link #limit} (no stack trace: it is an expected turn, not a fault). */
    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("the view's read limit was reached", null, false, false);
        }
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
        if (d.isEmpty()) {
            return Optional.empty(); // not in the archive
        }
        Optional<Entry> e = directiveId(id).equals(id) // else another rendition of a directive
                ? Optional.of(ReferenceSnapshot.entryAt(id, group(id).map(Renditions.Group::merged).orElse(d.get().metadata()),
                        () -> textPlace(id), resolver))
                : Optional.empty();
        // its group and its entry made, the view keeps no more of the document than the graph's view of it
        docs.put(id, Optional.of(new ArchivedDocument(id, e.map(Entry::metadata)
                .orElseGet(() -> ReferenceSnapshot.graphView(d.get().metadata())), d.get().source(), "", d.get().notes())));
        graphTexts.remove(id);
        return e;
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
        prefetchCandidates(e.get().metadata().references());
        List<Edge> out = new ArrayList<>();
        for (int i = 0; i < e.get().metadata().references().size(); i++) {
            out.add(edge(e.get(), i));
        }
        return out;
    }

    @Override
    public List<Edge> incoming(String nodeKey) {
        List<Edge> known = incoming.get(nodeKey);
        if (known == null) {
            known = List.copyOf(readIncoming(nodeKey));
            incoming.put(nodeKey, known);
        }
        return known;
    }

    private List<Edge> readIncoming(String nodeKey) {
        Set<Edge> out = new LinkedHashSet<>();
        if (nodeKey.startsWith("doc:")) {
            Optional<Entry> target = entry(nodeKey.substring(4));
            if (target.isEmpty()) {
                return List.of();
            }
            target.get().ownNumber().ifPresent(n -> out.addAll(citing(target.get(), n)));
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
        Map<String, PlaceAsk> asks = new TreeMap<>();
        for (String node : nodeKeys) {
            if (node.startsWith("doc:")) {
                entry(node.substring(4)).ifPresent(e -> e.ownNumber().filter(n -> !unplaceable(e, n)).ifPresent(n -> {
                    NumberPlace p = place(e, n);
                    if (p != null && byPlace && !citedNumbers.containsKey(n.key())) {
                        asks.putIfAbsent(e.id(), new PlaceAsk(p, e, n));
                    } else {
                        keys.add(n.key());
                    }
                }));
            } else if (node.startsWith("num:")) {
                keys.add(CitationResolver.numberKeyOf(node));
            }
        }
        if (!prefetchAt(asks.values())) {
            asks.values().forEach(a -> keys.add(a.place().numberKey()));
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
        fileBearing(unread, bearers);
        for (String k : keys) {
            citedNumbers.computeIfAbsent(k, key -> citing(key, citers.getOrDefault(key, new TreeSet<>())));
        }
    }

    /**
     * Where a directive's own number is filed by place: its local number's key, level and the directive's province
     * or district; null for a national number, or a directive the graph cannot place.
     */
    private NumberPlace place(Entry e, DocNumber n) {
        Optional<String> level = resolver.scope(n);
        String where = level.map(l -> CitationResolver.placeOf(l, e.locality())).orElse(null);
        return where == null ? null : new NumberPlace(n.key(), level.get(), where);
    }

    /**
     * Whether a directive bears a local number but has no place of that level: no citation can resolve to it by its
     * number then (a citation of a local number resolves within its own place only), so nothing need be read.
     */
    private boolean unplaceable(Entry e, DocNumber n) {
        Optional<String> level = resolver.scope(n);
        return level.isPresent() && CitationResolver.placeOf(level.get(), e.locality()) == null;
    }

    /**
     * The resolved citations reaching this directive through its own number: for a local number only those filed
     * under the directive's place (a citation resolves to a namesake of its own place only), else all.
     */
    private List<Edge> citing(Entry target, DocNumber n) {
        if (unplaceable(target, n)) {
            return List.of();
        }
        NumberPlace p = citedNumbers.containsKey(n.key()) ? null : place(target, n);
        if (p != null && byPlace && (citedAt.containsKey(target.id()) || prefetchAt(List.of(new PlaceAsk(p, target, n))))) {
            return citedAt.get(target.id());
        }
        return citingNumber(n.key()).getOrDefault("doc:" + target.id(), List.of());
    }

    /**
     * Reads the citations that may reach these directives through their local numbers, and the namesakes those
     * citations are resolved among, in a few lookups for all of them, then their documents in one more (namesakes
     * filed before citations are resolved: resolving a citation asks for its place's namesakes; a place not read here
     * is read when asked, {@link #namesakesAt}). Where a place has several namesakes of a directive's number, a
     * citation dated in another year cannot mean it ({@link PlaceAsk#settle}): only its years' citers are read then, and
     * the undated ones; where it has none of those, a few namesakes read show that it has others, and the place's
     * namesakes are not all read. False when the index cannot answer by place: the caller reads by number.
     */
    private boolean prefetchAt(Collection<PlaceAsk> asks) {
        List<PlaceAsk> unread = asks.stream().filter(a -> !citedAt.containsKey(a.target().id())).toList();
        if (unread.isEmpty() || !byPlace) {
            return byPlace;
        }
        if (citersOf(unread).isEmpty()) {
            byPlace = false;
            return false;
        }
        // the ids under each cited place's number, not yet its namesakes' documents: most places of a level are
        // cited by nothing, and their namesakes (the same number each year) were most of what a cold tree read
        Map<String, NumberPlace> cited = new TreeMap<>();
        unread.stream().map(PlaceAsk::place).filter(p -> !citersAt.get(p.term()).isEmpty() && !bearingAt.containsKey(p.term()))
                .forEach(p -> cited.putIfAbsent(p.term(), p));
        Optional<Map<String, SortedSet<String>>> found = cited.isEmpty() ? Optional.of(Map.of())
                : unchecked(() -> lookups.bearingAt(cited.keySet()));
        if (found.isEmpty()) {
            byPlace = false;
            return false;
        }
        Map<String, SortedSet<String>> bearers = found.get();
        Map<String, Integer> counts = new HashMap<>();
        for (PlaceAsk a : unread) {
            String term = a.place().term();
            List<Entry> known = bearingAt.get(term);
            counts.put(term, known != null ? known.size() : a.place().ids(bearers).size());
        }
        // each directive's citers: its years' where the index holds others under its number there, else every year's
        Map<String, SortedSet<String>> years = yearCiters(unread, counts).orElse(Map.of());
        Map<String, Set<String>> chosen = new HashMap<>();
        Map<String, Set<String>> byYears = new HashMap<>();
        Map<String, NumberPlace> resolving = new TreeMap<>();
        Map<String, Set<String>> proofs = new HashMap<>();
        Set<String> all = new TreeSet<>();
        for (PlaceAsk a : unread) {
            String term = a.place().term();
            Set<String> read = a.byYears(years, citersAt.get(term));
            if (read != null) {
                byYears.put(a.target().id(), read);
            }
            chosen.put(a.target().id(), read != null ? read : citersAt.get(term));
            all.addAll(chosen.get(a.target().id()));
            if (read != null && read.isEmpty() && !bearingAt.containsKey(term)) {
                // nothing of its years to resolve: a few namesakes are enough to show that others bear its number
                Set<String> few = a.fewOthers(a.place().ids(bearers));
                proofs.put(a.target().id(), few);
                all.addAll(few);
            } else if (cited.containsKey(term)) {
                resolving.putIfAbsent(term, cited.get(term));
            }
        }
        resolving.values().forEach(p -> all.addAll(p.ids(bearers)));
        preload(all);
        resolving.values().forEach(p -> fileNamesakes(p, bearers));
        // read by years, a directive whose namesakes turn out too few to tell it from (renditions, another province's
        // district of the same name) needs more: that namesake's citations, or every year's citers after all
        Set<String> more = new TreeSet<>();
        for (PlaceAsk a : unread) {
            Set<String> read = byYears.get(a.target().id());
            if (read == null) {
                continue;
            }
            String term = a.place().term();
            Set<String> few = proofs.get(a.target().id());
            if (few != null && a.competitors(a.place().namesakes(bearers(a.place().numberKey(), few))).size() >= 2) {
                continue; // shown: two others every citation meaning it would also have to choose among
            }
            Set<String> settled = a.settle(read, fileNamesakes(a.place(), bearers), citersAt.get(term));
            chosen.put(a.target().id(), settled);
            more.addAll(settled);
        }
        preload(more);
        for (PlaceAsk a : unread) {
            citedAt.computeIfAbsent(a.target().id(), t -> citing(a.place().numberKey(), chosen.get(t))
                    .getOrDefault("doc:" + t, List.of()));
        }
        return true;
    }

    /** Every year's citers of these directives' places not read yet ({@link #citersAt}); empty when the index cannot tell. */
    private Optional<Map<String, SortedSet<String>>> citersOf(List<PlaceAsk> asks) {
        Set<String> terms = new TreeSet<>();
        asks.forEach(a -> {
            if (!citersAt.containsKey(a.place().term())) {
                terms.add(a.place().term());
            }
        });
        Optional<Map<String, SortedSet<String>>> found = terms.isEmpty() ? Optional.of(Map.of())
                : unchecked(() -> lookups.citingAt(terms));
        found.ifPresent(f -> terms.forEach(t -> citersAt.put(t, f.getOrDefault(t, Collections.emptySortedSet()))));
        return found;
    }

    /**
     * The citers of these directives' years ({@link PlaceAsk#yearTerms}), asked only for those the index holds more than
     * two documents under the number at their place ({@code counts}), cited there: with fewer no citation has others
     * to choose from, and their every year's citers are read. Empty when the index was filed without years.
     */
    private Optional<Map<String, SortedSet<String>>> yearCiters(List<PlaceAsk> asks, Map<String, Integer> counts) {
        Set<String> terms = new TreeSet<>();
        if (byYear) {
            asks.stream().filter(a -> !citersAt.get(a.place().term()).isEmpty() && counts.get(a.place().term()) > 2)
                    .forEach(a -> terms.addAll(a.yearTerms()));
        }
        if (terms.isEmpty()) {
            return Optional.of(Map.of());
        }
        Optional<Map<String, SortedSet<String>>> found = unchecked(() -> lookups.citingAt(terms));
        if (found.isEmpty()) {
            byYear = false;
        }
        return found;
    }

    /** One place's namesakes of a local number, read by place term; empty when the index cannot answer by place. */
    private Optional<List<Entry>> namesakesAt(NumberPlace p) {
        List<Entry> known = bearingAt.get(p.term());
        if (known != null || !byPlace) {
            return Optional.ofNullable(known);
        }
        Set<String> terms = Set.of(p.term());
        Optional<Map<String, SortedSet<String>>> ids = unchecked(() -> lookups.bearingAt(terms));
        if (ids.isEmpty()) {
            byPlace = false;
            return Optional.empty();
        }
        return Optional.of(fileNamesakes(p, ids.get()));
    }

    /** Files a place's namesakes, made of the documents the index gave for its term (read before), once. */
    private List<Entry> fileNamesakes(NumberPlace p, Map<String, SortedSet<String>> ids) {
        return bearingAt.computeIfAbsent(p.term(), t -> p.namesakes(bearers(p.numberKey(), p.ids(ids))));
    }

    /** Files each number key's namesakes, made of the documents the index gave for it (read before). */
    private void fileBearing(Collection<String> keys, Map<String, SortedSet<String>> ids) {
        for (String k : keys) {
            bearing.computeIfAbsent(k, key -> bearers(key, ids.getOrDefault(key, new TreeSet<>())));
        }
    }

    /**
     * The candidates of these references not read yet, in one lookup per kind: the directives bearing the national
     * numbers they cite ({@link GraphLookups#bearingNumbers}) and the laws they name ({@link GraphLookups#bearingLawNames}),
     * then all those documents in one more.
     */
    private void prefetchCandidates(List<Reference> refs) {
        Set<String> numbers = new TreeSet<>();
        Set<String> laws = new TreeSet<>();
        for (Reference r : refs) {
            // a local number's namesakes are read for the citation's own place when it is resolved (place terms)
            Optional<DocNumber> n = r.number() == null ? Optional.empty() : DocNumber.parse(r.number());
            n.filter(k -> resolver.scope(k).isEmpty() || !byPlace).map(DocNumber::key).ifPresent(numbers::add);
            LawNames.cited(r).ifPresent(laws::add);
        }
        numbers.removeAll(bearing.keySet());
        laws.removeAll(named.keySet());
        if (numbers.size() + laws.size() < 2) {
            return; // one lookup: its own is as cheap
        }
        Map<String, SortedSet<String>> bearers = numbers.isEmpty() ? Map.of() : unchecked(() -> lookups.bearingNumbers(numbers));
        Map<String, SortedSet<String>> lawBearers = laws.isEmpty() ? Map.of() : unchecked(() -> lookups.bearingLawNames(laws));
        Set<String> all = new TreeSet<>();
        bearers.values().forEach(all::addAll);
        lawBearers.values().forEach(all::addAll);
        preload(all);
        fileBearing(numbers, bearers);
        for (String k : laws) {
            named.computeIfAbsent(k, key -> directives(lawBearers.getOrDefault(key, new TreeSet<>()),
                    d -> LawNames.ofDocument(d.metadata()).filter(key::equals).isPresent()));
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
        return directives(ids, e -> e.ownNumber().map(DocNumber::key).filter(numberKey::equals).isPresent());
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
        if (exceeded || docs.size() + missing.size() > budget) {
            exceeded = true;
            throw new OverBudget();
        }
        loaded = loaded + missing.size(); // one writer: the thread the view is lent to
        GraphLookups.DocumentBatch batch = unchecked(() -> lookups.documentBatch(missing));
        Map<String, ArchivedDocument> found = batch.documents();
        for (String id : missing) {
            graphTexts.put(id, Optional.ofNullable(batch.graphTexts().get(id)));
            SortedSet<String> links = batch.renditionLinksTo().get(id);
            linksTo.put(id, links == null || links.isEmpty() ? Collections.emptySortedSet() : links);
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
