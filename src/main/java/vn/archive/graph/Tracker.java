package vn.archive.graph;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Relation;
import vn.archive.text.GraphText;
import vn.archive.text.Locality;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.ReferenceGraph.ImplementationNode;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Tracks a directive's implementation: its expected units ({@link ExpectedRespondents}) against the documents of
 * its implementation tree. A unit has responded when a document its bodies issued (its standing committee, office or
 * Ban) implements, guides or reports on the directive, directly or through an intermediate document below it; a document that
 * is only based on it ({@code căn cứ}) is not a response. The deadline is the earliest of the directive's deadlines
 * not before its date. Both the graph and the search given are the reader's: a document they may not see is
 * neither listed nor counted. Over 300 lines because the archive's overdue view (asked of the index, or by a full
 * scan) and the archivists' marks are applied here, where each directive is tracked.
 */
public final class Tracker {
    private static final Set<String> RESPONSE_RELATIONS = Set.of(Relation.IMPLEMENTS.wireName(),
            Relation.GUIDES.wireName(), Relation.REPORTS_ON.wireName());
    private static final Comparator<Tracking.Response> BY_DATE = Comparator.comparing(Tracking.Response::date,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Tracking.Response::id);

    /** Directives whose trees the overdue view reads together. */
    private static final int TREES_TOGETHER = 200;

    private final AdminUnits units;
    private final Clock clock;
    private final TrackingMarks marks;

    public Tracker(AdminUnits units, Clock clock) {
        this(units, clock, TrackingMarks.none());
    }

    /** A tracker that takes archivists' marks into account. */
    public Tracker(AdminUnits units, Clock clock, TrackingMarks marks) {
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.marks = Objects.requireNonNull(marks, "marks");
    }

    /** The tracking of the directive with this number, or empty when nothing in the archive has or cites it. */
    public Optional<Tracking> track(String number, ReferenceGraph graph, SearchService search) throws IOException {
        Optional<ReferenceGraph.RootedTree> tree = graph.rootedImplementations(number, ReferenceGraph.MAX_TREE_NODES);
        return tree.isEmpty() ? Optional.empty() : Optional.of(track(number, tree.get(), graph, search));
    }

    /**
     * The tracking of one directive, by the id of any of its renditions, or empty when the reader may not see it:
     * a directive whose number namesakes in other provinces or years share is followed through its own tree.
     */
    public Optional<Tracking> trackDirective(String id, ReferenceGraph graph, SearchService search) throws IOException {
        Optional<ReferenceGraph.RootedTree> tree = graph.rootedImplementationsOf(id, ReferenceGraph.MAX_TREE_NODES);
        if (tree.isEmpty() || tree.get().tree().id() == null) {
            return Optional.empty();
        }
        return Optional.of(track(tree.get(), graph, search));
    }

    /** The tracking of the directive at the root of its own tree (by id), under its number (or its id). */
    private Tracking track(ReferenceGraph.RootedTree tree, ReferenceGraph graph, SearchService search) throws IOException {
        ImplementationNode root = tree.tree();
        return track(root.number() != null ? root.number() : root.id(), tree, graph, search);
    }

    private Tracking track(String number, ReferenceGraph.RootedTree rooted, ReferenceGraph graph, SearchService search)
            throws IOException {
        ImplementationNode root = rooted.tree();
        boolean directiveRoot = root.inArchive() && root.id() != null;
        // the root's merged metadata as the tree's view read it (the reader's graph cleared it), when the graph gives
        // it and the reader's search may see the root too (renditions of one directive share one secrecy, so its
        // merged metadata's tells without the index); else the directive is read (its text only when needed)
        Optional<DocumentMetadata> known = directiveRoot && rooted.rootMetadata() != null
                && (search.surelyVisible(rooted.rootMetadata()) || search.visibleAmong(List.of(root.id())).contains(root.id()))
                ? Optional.of(rooted.rootMetadata()) : Optional.empty();
        Optional<ArchivedDocument> read = directiveRoot && known.isEmpty() ? search.document(root.id()) : Optional.empty();
        boolean found = known.isPresent() || read.isPresent();
        DocumentMetadata m = known.or(() -> read.map(ArchivedDocument::metadata)).orElseGet(DocumentMetadata::empty);
        // what the text says (bodies addressed, yearly deadlines), as read at import; an older index: read the text
        GraphText said = GraphText.NONE;
        if (found) {
            Optional<GraphText> indexed = graph.graphText(root.id());
            if (indexed.isPresent()) {
                said = indexed.get();
            } else {
                Optional<ArchivedDocument> withText = read.isPresent() ? read : search.document(root.id());
                said = GraphText.of(withText.map(ArchivedDocument::text).orElse(""));
            }
        }
        Prepared prepared = found ? prepared(root.id(), m, said) : Prepared.NONE;
        ExpectedRespondents.Resolved resolved = prepared.resolved();
        LocalDate deadline = prepared.deadline();
        Locality own = prepared.own();

        // each unit's key, folded once with its resolution (kept), in the units' order
        Set<String> expectedKeys = resolved.keys();
        Map<String, List<Tracking.Response>> byUnit = new LinkedHashMap<>();
        Map<String, List<Tracking.Response>> others = new LinkedHashMap<>();
        for (ImplementationNode child : root.children()) {
            if (!child.inArchive() && child.relation() == null) {
                continue; // citations of a namesake that did not resolve to this directive: not responses to it
            }
            collect(child, null, deadline, expectedKeys, own, m.level(), byUnit, others);
        }
        Map<String, TrackingMarks.Mark> marked = found ? marks(root.id(), m.number()) : Map.of();
        LocalDate today = LocalDate.now(clock);
        List<Tracking.Expected> expected = new ArrayList<>();
        int responded = 0;
        int late = 0;
        int pending = 0;
        int overdue = 0;
        int exempted = 0;
        for (int i = 0; i < prepared.keys().size(); i++) {
            ExpectedRespondents.Unit u = resolved.units().get(i);
            List<Tracking.Response> rs = byDate(byUnit.get(prepared.keys().get(i)));
            TrackingMarks.Mark mark = marked.isEmpty() ? null : marked.get(prepared.markPlaces().get(i));
            // an extension moves this unit's deadline; its documents are judged against the new one
            LocalDate due = mark != null && mark.until() != null ? mark.until() : deadline;
            if (due != deadline) {
                rs = rs.stream().map(r -> new Tracking.Response(r.id(), r.number(), r.kind(), r.date(), r.issuer(),
                        r.relation(), r.date() == null ? null : !r.date().isAfter(due), r.via())).toList();
            }
            String status;
            if (mark != null && mark.kind().equals(TrackingMarks.Kind.EXEMPTED.wireName())) {
                status = Tracking.EXEMPTED;
                exempted++;
            } else if (!rs.isEmpty() && Boolean.FALSE.equals(rs.get(0).onTime())) {
                status = Tracking.LATE;
                late++;
            } else if (!rs.isEmpty() || mark != null && mark.kind().equals(TrackingMarks.Kind.PAPER.wireName())) {
                status = Tracking.RESPONDED;
                responded++;
            } else if (due != null && today.isAfter(due)) {
                status = Tracking.OVERDUE;
                overdue++;
            } else {
                status = Tracking.PENDING;
                pending++;
            }
            expected.add(new Tracking.Expected(u.name(), u.level(), u.place(), status, rs, mark));
        }
        List<Tracking.Unexpected> unexpected = new ArrayList<>();
        others.forEach((unit, rs) -> unexpected.add(new Tracking.Unexpected(unit, byDate(rs))));
        Tracking.Directive directive = found ? new Tracking.Directive(root.id(), m.kind(), m.number(), m.date(), m.issuer())
                : null;
        return new Tracking(number, directive, deadline, expected, resolved.unresolved(), unexpected,
                new Tracking.Counts(expected.size() - exempted, responded, late, pending, overdue));
    }

    /** A unit's responding documents, oldest first (none: an empty list). */
    private static List<Tracking.Response> byDate(List<Tracking.Response> responses) {
        if (responses == null) {
            return List.of();
        }
        if (responses.size() > 1) {
            responses.sort(BY_DATE);
        }
        return Collections.unmodifiableList(responses);
    }

    /**
     * What tracking works out of a directive alone, before its responses: its units resolved, its deadline, its
     * issuer's place and each unit's place folded as marks are filed. Made from the directive's merged metadata and
     * graph text only, so kept for a directive while the graph and its texts hand over the very same ones (the view
     * kept while the index is unchanged, {@link ViewPool}, and {@link KeptGraphTexts}): a directive re-imported,
     * corrected or classified is read into new ones, and prepared anew. Responses, marks and the reader's clearance
     * are applied at each question, never kept.
     */
    private record Prepared(DocumentMetadata metadata, GraphText said, ExpectedRespondents.Resolved resolved,
                            LocalDate deadline, Locality own, List<String> keys, List<String> markPlaces) {
        static final Prepared NONE = new Prepared(null, null, new ExpectedRespondents.Resolved(List.of(), List.of()),
                null, Locality.UNKNOWN, List.of(), List.of());

        boolean madeOf(DocumentMetadata m, GraphText text) {
            return metadata == m && said == text;
        }
    }

    /** Directives prepared, by id, at most 4,096 (least recently asked dropped first). */
    private final Memo<String, Prepared> prepared = new Memo<>(4_096);

    /** The directive prepared: as kept when made of these very metadata and text, else anew (and kept). */
    private Prepared prepared(String id, DocumentMetadata m, GraphText said) {
        return prepared.get(id, kept -> kept.madeOf(m, said), k -> {
            ExpectedRespondents.Resolved resolved = ExpectedRespondents.resolve(m, said, units);
            return new Prepared(m, said, resolved, deadline(m, said),
                    Body.of(m.issuer()).locality().orElse(Body.of(m.parentIssuer()).locality()),
                    List.copyOf(resolved.keys()), resolved.units().stream().map(u -> Locality.fold(u.place())).toList());
        });
    }

    /**
     * The archivists' marks of a directive's units by folded place: those made on its number's tracking and those
     * made on its own (by id), the later of the two for a unit marked both ways.
     */
    private Map<String, TrackingMarks.Mark> marks(String id, String number) {
        Map<String, TrackingMarks.Mark> own = marks.ofDirective(id);
        Map<String, TrackingMarks.Mark> byNumber = number == null ? Map.of() : marks.of(number);
        if (own.isEmpty() || byNumber.isEmpty()) {
            return own.isEmpty() ? byNumber : own;
        }
        Map<String, TrackingMarks.Mark> out = new HashMap<>(byNumber);
        own.forEach((place, mark) -> out.merge(place, mark, (a, b) -> b.at().isBefore(a.at()) ? a : b));
        return out;
    }

    /**
     * The directive's reporting deadline: the earliest of its dated deadlines not before its date, or, for a
     * recurring one ("trước ngày 30/11 hằng năm"), its next occurrence after the directive's date, whichever is first.
     */
    static LocalDate deadline(DocumentMetadata m, String text) {
        return deadline(m, GraphText.of(text));
    }

    /** The reporting deadline, with the yearly deadlines its text states as read when it was indexed. */
    static LocalDate deadline(DocumentMetadata m, GraphText text) {
        List<LocalDate> all = new ArrayList<>(m.deadlines().stream()
                .filter(d -> m.date() == null || !d.isBefore(m.date())).toList());
        if (m.date() != null) {
            for (GraphText.DayMonth r : text.yearly()) {
                try {
                    LocalDate d = LocalDate.of(m.date().getYear(), r.month(), r.day());
                    all.add(d.isAfter(m.date()) ? d : d.plusYears(1));
                } catch (DateTimeException e) {
                    // an impossible day is no deadline
                }
            }
        }
        return all.stream().min(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The directives among these search results whose deadline has passed with units still missing, newest deadline
     * first: the archive's overdue list. Only directives with a number, a deadline and a resolved recipient count.
     * The index names the documents whose earliest deadline has passed ({@link ReferenceGraph#deadlineBefore}); only
     * those are read (their trees, a batch at a time), and tracked when their merged metadata makes them candidates.
     * An index that cannot tell is read whole ({@link #overdueByScan}).
     */
    public List<Tracking> overdue(SearchRequest among, ReferenceGraph graph, SearchService search) throws IOException {
        LocalDate today = LocalDate.now(clock);
        Optional<SortedSet<String>> due = graph.deadlineBefore(today);
        if (due.isEmpty()) {
            return overdueByScan(among, graph, search);
        }
        Set<String> visible = new HashSet<>(search.visibleAmong(due.get()));
        if (filtered(among)) {
            Set<String> matching = new HashSet<>();
            search.export(among, d -> matching.add(d.id()));
            visible.retainAll(matching);
        }
        // their trees read straight away, a directive kept when its merged metadata, as the tree's view read it, makes
        // it a candidate (the metadata was read apart first, every document twice)
        Set<String> directives = new TreeSet<>(due.get());
        directives.retainAll(visible);
        return tracked(directives, graph, search, m -> m != null && candidate(m, today));
    }

    /** Whether the request narrows the archive (a query, a filter, a date range): then only its matches count. */
    private static boolean filtered(SearchRequest r) {
        return r.query() != null && !r.query().isBlank() || r.from() != null || r.to() != null
                || r.filters().values().stream().anyMatch(v -> !v.isEmpty());
    }

    /** A directive that may have units overdue: a number, a deadline passed, someone addressed. */
    private static boolean candidate(DocumentMetadata m, LocalDate today) {
        return m.number() != null && m.deadlines().stream().anyMatch(today::isAfter)
                && (!m.recipients().isEmpty() || !m.distribution().isEmpty());
    }

    /**
     * The overdue list read from every document the request matches: for an index without deadlines indexed, and
     * the reference the index's answer is checked against.
     */
    public List<Tracking> overdueByScan(SearchRequest among, ReferenceGraph graph, SearchService search) throws IOException {
        LocalDate today = LocalDate.now(clock);
        Set<String> directives = new TreeSet<>();
        search.export(among, d -> {
            if (candidate(d.metadata(), today)) {
                directives.add(d.id());
            }
        });
        return tracked(directives, graph, search, m -> true);
    }

    /**
     * The trackings of these directives (by id: a number may be shared) whose root's merged metadata passes
     * {@code candidate} (null when the graph does not give it), with units overdue, each directive once.
     */
    private List<Tracking> tracked(Set<String> ids, ReferenceGraph graph, SearchService search,
                                   Predicate<DocumentMetadata> candidate) throws IOException {
        Map<String, Tracking> byDirective = new LinkedHashMap<>();
        List<String> all = List.copyOf(ids);
        // their trees read a batch at a time (each level of a batch's trees asked of the index together), the graph's
        // view held by one batch at a time so that other questions are not kept waiting for the whole list
        for (int from = 0; from < all.size(); from += TREES_TOGETHER) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + TREES_TOGETHER));
            Map<String, ReferenceGraph.RootedTree> trees = graph.rootedImplementationsOf(batch, ReferenceGraph.MAX_TREE_NODES);
            // a graph that does not give its roots' metadata: theirs read together
            List<String> unknown = trees.entrySet().stream().filter(e -> e.getValue().tree().id() != null
                    && e.getValue().rootMetadata() == null).map(Map.Entry::getKey).toList();
            Map<String, DocumentMetadata> read = unknown.isEmpty() ? Map.of() : search.metadataOf(unknown);
            for (String id : batch) {
                ReferenceGraph.RootedTree tree = trees.get(id);
                if (tree != null && tree.tree().id() != null && candidate.test(
                        tree.rootMetadata() != null ? tree.rootMetadata() : read.get(id))) {
                    Tracking t = track(tree, graph, search);
                    if (t.document() != null && t.counts().overdue() > 0) {
                        byDirective.putIfAbsent(t.document().id(), t);
                    }
                }
            }
        }
        List<Tracking> out = new ArrayList<>(byDirective.values());
        out.sort(Comparator.comparing(Tracking::deadline, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Tracking::number).thenComparing(t -> t.document().id()));
        return out;
    }

    /**
     * Files the responding documents of a subtree under their units. {@code via} is the intermediate document the
     * node answers through (null for a direct answer).
     */
    private void collect(ImplementationNode n, String via, LocalDate deadline, Set<String> expectedKeys,
                         Locality own, String ownLevel, Map<String, List<Tracking.Response>> byUnit,
                         Map<String, List<Tracking.Response>> others) {
        boolean answers = n.inArchive() && n.id() != null && n.relation() != null
                && RESPONSE_RELATIONS.contains(n.relation());
        if (answers) {
            Boolean onTime = deadline == null ? Boolean.TRUE : n.date() == null ? null : !n.date().isAfter(deadline);
            Tracking.Response r = new Tracking.Response(n.id(), n.number(), n.kind(), n.date(), n.issuer(), n.relation(),
                    onTime, via);
            String key = keyOf(n);
            boolean matched = expectedKeys.contains(key);
            if (matched) {
                byUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            if (!matched && !ownApparatus(n, own, ownLevel)) {
                others.computeIfAbsent(n.issuer() == null ? "(không rõ cơ quan)" : n.issuer(), k -> new ArrayList<>()).add(r);
            }
        }
        // a document implementing an intermediate one (a plan of the directive) answers the directive through it
        String next = answers ? (n.number() != null ? n.number() : n.kind()) : via;
        for (ImplementationNode c : n.children()) {
            collect(c, next, deadline, expectedKeys, own, ownLevel, byUnit, others);
        }
    }

    /**
     * The responding body's sector and district ("STATE|DON DUONG"), from its issuer's name or its place; a commune
     * body's from the commune its issuer names.
     */
    private static String keyOf(ImplementationNode n) {
        Body body = Body.of(n.issuer());
        if (body.key() != null) {
            return body.key();
        }
        String district = "huyện".equals(n.level()) && n.place() != null ? Locality.fold(n.place()) : null;
        return ExpectedRespondents.Unit.key(body.sector(), district == null ? "?" : district);
    }

    /**
     * What tracking reads of a body's name: its place, the commune it names, its sector. Read with patterns once per
     * name and kept by name (a name always reads the same, and an archive names a few thousand bodies): tracking
     * asks it of its directive and of every responding document, again at each question.
     */
    private record Body(Locality locality, ExpectedRespondents.Sector sector, String key) {
        /** Bodies' names read, at most 4,096 (least recently asked dropped first). */
        private static final Memo<String, Body> READ = new Memo<>(4_096);

        static Body of(String name) {
            return READ.get(name == null ? "" : name, Body::read);
        }

        private static Body read(String name) {
            Locality place = Locality.ofName(name);
            Optional<String> commune = ExpectedRespondents.communeKey(name);
            ExpectedRespondents.Sector sector = ExpectedRespondents.sectorOf(name);
            // the key its documents answer under when the name tells it (else the document's place tells it)
            String answersUnder = commune.orElse(place.district() == null ? null
                    : ExpectedRespondents.Unit.key(sector, place.district()));
            return new Body(place, sector, answersUnder);
        }
    }

    /** A guidance or plan of the issuer's own level and place (its Ban, its office): an intermediate, not a stranger. */
    private static boolean ownApparatus(ImplementationNode n, Locality own, String ownLevel) {
        if (ownLevel == null || !ownLevel.equals(n.level())) {
            return false;
        }
        Locality l = Body.of(n.issuer()).locality();
        return "tỉnh".equals(ownLevel) ? l.district() == null && (l.province() == null || l.province().equals(own.province()))
                : l.district() != null && l.district().equals(own.district());
    }
}
