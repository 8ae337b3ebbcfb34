package vn.archive.graph;

import vn.archive.meta.Dictionaries;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.text.LawNames;
import vn.archive.text.Locality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The citation graph of one set of documents held in memory, computed from scratch: resolution depends only on the
 * set, never on the order documents arrived in. Pure: no index, no I/O, so every rule is tested on constructed
 * metadata; the portal asks the index per query instead ({@link QueriedReferences}), with the same
 * {@link CitationResolver}, and a test compares the two on real archives.
 *
 * <p>Identity: a document is known by its number's {@link DocNumber#key()}; a number with a local symbol (HU, TU,
 * ThU, BDVHU…) is only unique inside its province (tỉnh symbols) or district (huyện and xã symbols), so it is
 * qualified by the locality of the document that bears it, and a citation is resolved inside the citing document's
 * locality (or the one its words name: "của Ban Dân vận Tỉnh ủy Lâm Đồng"). Central symbols (TW, BCT, CP, TTg, QH,
 * ministries…) and unknown ones are national. Laws named without a number resolve by kind, name and date.
 * A citation that matches nothing becomes a placeholder keyed the same way, which links by itself once a matching
 * document is in the set; one that matches several stays unlinked, with a warning, rather than risk a wrong link.
 */
public final class ReferenceSnapshot implements ReferenceView {
    /** Relations that make a document part of another's implementation tree. */
    public static final Set<Relation> TREE_RELATIONS = EnumSet.of(Relation.IMPLEMENTS, Relation.GUIDES,
            Relation.BASED_ON, Relation.REPORTS_ON);

    /** A document as the graph sees it. */
    public record Entry(String id, DocumentMetadata metadata, Locality locality, Optional<DocNumber> ownNumber) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(metadata, "metadata");
            locality = locality == null ? Locality.UNKNOWN : locality;
            Objects.requireNonNull(ownNumber, "ownNumber");
        }

        /** An entry with its own number parsed from its metadata (parsed once: a tree asks for it at every node). */
        public Entry(String id, DocumentMetadata metadata, Locality locality) {
            this(id, metadata, locality, metadata == null || metadata.number() == null ? Optional.empty()
                    : DocNumber.parse(metadata.number()));
        }
    }

    /**
     * One resolved reference.
     *
     * @param from      citing document id
     * @param index     position of the reference in the citing document's list
     * @param reference the reference as extracted
     * @param target    node key: "doc:" + id when resolved, else a placeholder key
     * @param problem   why it stayed unresolved when that is a data problem (ambiguous, unknown locality), else null
     */
    public record Edge(String from, int index, Reference reference, String target, String problem) {
        /** The cited document's id, or null for a placeholder. */
        public String targetId() {
            return target.startsWith("doc:") ? target.substring(4) : null;
        }
    }

    private final CitationResolver resolver;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, List<Entry>> byNumber = new HashMap<>();
    private final Map<String, List<Entry>> byName = new HashMap<>();
    private final Map<String, List<Edge>> out = new HashMap<>();
    private final Map<String, List<Edge>> in = new HashMap<>();
    /** Placeholder keys ("num:KEY" or "num:KEY@scope") by number key, sorted, so a number finds its own at once. */
    private final Map<String, List<String>> placeholders = new HashMap<>();
    /** Namesakes of frequent local numbers by place, built on first use (see {@link #byPlace}). */
    private final Map<String, Map<String, List<Entry>>> namesakesByPlace = new HashMap<>();
    /** Below this many namesakes a citation simply looks at each. */
    private static final int LOCAL_INDEX_FROM = 16;
    /** Other renditions of a directive in the set, by id: the directive's id (they are not in the set themselves). */
    private final Map<String, String> renditionOf;

    private ReferenceSnapshot(Collection<Entry> docs, Dictionaries dictionaries, Map<String, String> renditionOf) {
        this.resolver = new CitationResolver(Objects.requireNonNull(dictionaries, "dictionaries"));
        this.renditionOf = Map.copyOf(renditionOf);
        // a stable order, whatever order the caller had: ties and lists never depend on import order
        docs.stream().sorted(Comparator.comparing(Entry::id)).forEach(e -> entries.put(e.id(), e));
        for (Entry e : entries.values()) {
            e.ownNumber().ifPresent(n -> byNumber.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(e));
            LawNames.ofDocument(e.metadata()).ifPresent(k -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(e));
        }
        CitationResolver.Candidates candidates = new CitationResolver.Candidates() {
            @Override
            public List<Entry> bearing(String numberKey, String level, String place) {
                List<Entry> namesakes = byNumber.getOrDefault(numberKey, List.of());
                if (level != null && namesakes.size() > LOCAL_INDEX_FROM) {
                    return byPlace(numberKey, namesakes, level).getOrDefault(place, List.of());
                }
                return namesakes;
            }

            @Override
            public List<Entry> named(String lawKey) {
                return byName.getOrDefault(lawKey, List.of());
            }
        };
        for (Entry e : entries.values()) {
            List<Reference> refs = e.metadata().references();
            for (int i = 0; i < refs.size(); i++) {
                Edge edge = resolver.resolve(candidates, e, i, refs.get(i));
                out.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(edge);
                in.computeIfAbsent(edge.target(), k -> {
                    if (k.startsWith("num:")) {
                        placeholders.computeIfAbsent(CitationResolver.numberKeyOf(k), x -> new ArrayList<>()).add(k);
                    }
                    return new ArrayList<>();
                }).add(edge);
            }
        }
        placeholders.values().forEach(keys -> keys.sort(Comparator.naturalOrder()));
        namesakesByPlace.clear(); // only resolution uses it
    }

    /** The graph of these documents. */
    public static ReferenceSnapshot of(Collection<Entry> docs, Dictionaries dictionaries) {
        return new ReferenceSnapshot(docs, dictionaries, Map.of());
    }

    /**
     * The graph of these directives, each in its preferred rendition; {@code renditionOf} maps the ids of their
     * other renditions to the directive's id, so a question about any rendition is answered for its directive.
     */
    public static ReferenceSnapshot of(Collection<Entry> docs, Dictionaries dictionaries, Map<String, String> renditionOf) {
        return new ReferenceSnapshot(docs, dictionaries, renditionOf);
    }

    @Override
    public String directiveId(String id) {
        return renditionOf.getOrDefault(id, id);
    }

    @Override
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Every document of the set, by id. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    @Override
    public List<Edge> outgoing(String id) {
        return out.getOrDefault(id, List.of());
    }

    @Override
    public List<Edge> incoming(String nodeKey) {
        return in.getOrDefault(nodeKey, List.of());
    }

    /** Every edge as "from → target (relation)", sorted: two snapshots are the same graph when these are equal. */
    public Set<String> signature() {
        Set<String> s = new TreeSet<>();
        out.values().forEach(edges -> edges.forEach(e ->
                s.add(e.from() + "#" + e.index() + " -" + e.reference().relation().wireName() + "-> " + e.target())));
        return s;
    }

    @Override
    public List<String> nodesForNumber(DocNumber number) {
        Set<String> nodes = new LinkedHashSet<>();
        byNumber.getOrDefault(number.key(), List.of()).forEach(e -> nodes.add("doc:" + e.id()));
        nodes.addAll(placeholders.getOrDefault(number.key(), List.of()));
        return List.copyOf(nodes);
    }

    @Override
    public List<Entry> bearing(String numberKey) {
        return byNumber.getOrDefault(numberKey, List.of());
    }

    @Override
    public CitationResolver resolver() {
        return resolver;
    }

    /** Data-quality warnings for one document, as a reader who sees everything reads them. */
    public List<String> warnings(String id) {
        return warnings(id, other -> true);
    }

    /** A document's display label: kind and number, else its title. */
    public static String label(Entry e) {
        return GraphWarnings.label(e);
    }

    /**
     * The documents of one local number grouped by their province (a provincial symbol) or district (a district
     * symbol), in their order: a local number such as 1-KH/HU recurs in every district every year, so each citation
     * of it looks at its own district's namesakes instead of all of them (the resolver still decides).
     */
    private Map<String, List<Entry>> byPlace(String numberKey, List<Entry> namesakes, String level) {
        return namesakesByPlace.computeIfAbsent(numberKey, k -> CitationResolver.byPlace(namesakes, level));
    }

    /**
     * The graph's view of a document: its locality from its metadata (issuer, parent body, place for a district
     * document), completed from its text only when the metadata lacks it and the document is local. The text is
     * read lazily, since central documents never need it.
     */
    public static Entry entry(String id, DocumentMetadata m, Supplier<String> text, Dictionaries d) {
        return entry(id, m, text, new CitationResolver(d));
    }

    /** The graph's view of a document, with the symbol levels this resolver knows (and remembers). */
    static Entry entry(String id, DocumentMetadata m, Supplier<String> text, CitationResolver probe) {
        return entryAt(id, m, () -> Locality.ofText(text.get()), probe);
    }

    /**
     * The graph's view of a document, given the locality its text names ({@link Locality#ofText}, or as read when
     * it was indexed), asked for only when the metadata lacks it.
     */
    static Entry entryAt(String id, DocumentMetadata m, Supplier<Locality> textPlace, CitationResolver probe) {
        Locality fromMeta = probe.placeOfName(m.issuer()).orElse(probe.placeOfName(m.parentIssuer()));
        Optional<DocNumber> own = m.number() == null ? Optional.empty() : DocNumber.parse(m.number());
        String level = m.level() != null ? m.level() : own.flatMap(probe::scope).orElse(null);
        boolean district = "huyện".equals(level) || "xã".equals(level);
        // a district document is issued in its district's town; a commune's place is the commune, not the district
        if (fromMeta.district() == null && "huyện".equals(level) && m.place() != null) {
            fromMeta = fromMeta.orElse(new Locality(null, Locality.fold(m.place())));
        }
        boolean citesLocal = m.references().stream().anyMatch(r -> r.number() != null
                && DocNumber.parse(r.number()).flatMap(probe::scope).isPresent());
        boolean local = district || "tỉnh".equals(level) || citesLocal;
        boolean complete = fromMeta.province() != null && (fromMeta.district() != null || !district);
        if (local && !complete) {
            Locality fromText = textPlace.get();
            // a provincial text names many districts; only a district's own text tells its district
            fromMeta = fromMeta.orElse(district || level == null ? fromText : new Locality(fromText.province(), null));
        }
        Locality where = fromMeta.province() == null && fromMeta.district() == null ? Locality.UNKNOWN
                : new Locality(shared(fromMeta.province()), shared(fromMeta.district()));
        return new Entry(id, graphView(m), where, own);
    }

    /**
     * The part of a document's metadata the graph reads (what a link, a tree node and a warning show, what
     * resolution compares, and whom a tree's root addresses by when, for tracking), with the values that repeat across documents (kinds, issuers, places, levels) shared:
     * a snapshot holds one entry per document of the archive, so this is most of its memory.
     */
    static DocumentMetadata graphView(DocumentMetadata m) {
        List<Reference> refs = new ArrayList<>(m.references().size());
        for (Reference r : m.references()) {
            refs.add(new Reference(shared(r.kind()), r.number(), r.date(), shared(r.issuer()), r.relation(), r.text(),
                    r.start(), r.end()));
        }
        return DocumentMetadata.builder().kind(shared(m.kind())).number(m.number()).date(m.date())
                .issuer(shared(m.issuer())).parentIssuer(shared(m.parentIssuer())).level(shared(m.level()))
                .place(shared(m.place())).title(m.title()).classification(shared(m.classification()))
                // what tracking reads of a tree's root (who is addressed, by when), so it need not read it again
                .recipients(m.recipients()).distribution(m.distribution()).deadlines(m.deadlines())
                .references(refs).build();
    }

    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    /** Ids of documents in the set, for tests and callers that walk the graph. */
    public Set<String> ids() {
        return new HashSet<>(entries.keySet());
    }
}
