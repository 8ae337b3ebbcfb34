package vn.archive.search;

import vn.archive.meta.Dictionaries;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citation graph of one set of documents, computed from scratch: resolution depends only on the set, never on
 * the order documents arrived in. Pure: no index, no I/O, so every rule is tested on constructed metadata.
 *
 * <p>Identity: a document is known by its number's {@link DocNumber#key()}; a number with a local symbol (HU, TU,
 * ThU, BDVHU…) is only unique inside its province (tỉnh symbols) or district (huyện and xã symbols), so it is
 * qualified by the locality of the document that bears it, and a citation is resolved inside the citing document's
 * locality (or the one its words name: "của Ban Dân vận Tỉnh ủy Lâm Đồng"). Central symbols (TW, BCT, CP, TTg, QH,
 * ministries…) and unknown ones are national. Laws named without a number resolve by kind, name and date.
 * A citation that matches nothing becomes a placeholder keyed the same way, which links by itself once a matching
 * document is in the set; one that matches several stays unlinked, with a warning, rather than risk a wrong link.
 */
public final class ReferenceSnapshot {
    /** Relations that make a document part of another's implementation tree. */
    public static final Set<Relation> TREE_RELATIONS = EnumSet.of(Relation.IMPLEMENTS, Relation.GUIDES, Relation.BASED_ON);
    private static final Set<String> LAW_KINDS = Set.of("LUAT", "BO LUAT", "PHAP LENH", "HIEN PHAP");
    private static final Pattern NAMED = Pattern.compile(
            "^(?:Bộ luật|Luật|Pháp lệnh)\\s+(.*?)\\s*,?\\s+(?:ngày|năm)\\s.*$", Pattern.DOTALL);
    private static final Pattern AMENDING = Pattern.compile("(?iu)(?:luật\\s+)?sửa đổi");
    private static final String AMENDS_NAME = "sửa đổi";
    private static final Pattern TITLE_TAIL = Pattern.compile("(?iu)\\s+(?:số\\s+\\d|ngày\\s+\\d|của quốc hội).*$", Pattern.DOTALL);
    private static final Pattern YEAR_AT_END = Pattern.compile("năm\\s+(\\d{4})\\s*$");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MAX_LISTED = 8;

    /** A document as the graph sees it. */
    public record Entry(String id, DocumentMetadata metadata, Locality locality) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(metadata, "metadata");
            locality = locality == null ? Locality.UNKNOWN : locality;
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

    private final Dictionaries dictionaries;
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
    private final Map<String, Optional<String>> scopes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Other renditions of a directive in the set, by id: the directive's id (they are not in the set themselves). */
    private final Map<String, String> renditionOf;

    private ReferenceSnapshot(Collection<Entry> docs, Dictionaries dictionaries) {
        this(docs, dictionaries, Map.of());
    }

    private ReferenceSnapshot(Collection<Entry> docs, Dictionaries dictionaries, Map<String, String> renditionOf) {
        this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
        this.renditionOf = Map.copyOf(renditionOf);
        // a stable order, whatever order the caller had: ties and lists never depend on import order
        docs.stream().sorted(Comparator.comparing(Entry::id)).forEach(e -> entries.put(e.id(), e));
        for (Entry e : entries.values()) {
            ownNumber(e).ifPresent(n -> byNumber.computeIfAbsent(n.key(), k -> new ArrayList<>()).add(e));
            nameKey(e.metadata().kind(), titleName(e.metadata())).ifPresent(k -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(e));
        }
        for (Entry e : entries.values()) {
            List<Reference> refs = e.metadata().references();
            for (int i = 0; i < refs.size(); i++) {
                Edge edge = resolve(e, i, refs.get(i));
                out.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(edge);
                in.computeIfAbsent(edge.target(), k -> {
                    if (k.startsWith("num:")) {
                        placeholders.computeIfAbsent(numberKeyOf(k), x -> new ArrayList<>()).add(k);
                    }
                    return new ArrayList<>();
                }).add(edge);
            }
        }
        placeholders.values().forEach(keys -> keys.sort(Comparator.naturalOrder()));
        namesakesByPlace.clear(); // only resolution uses it
    }

    /** The number key of a placeholder key: what {@link #placeholder} put between "num:" and the scope. */
    private static String numberKeyOf(String placeholderKey) {
        int at = placeholderKey.indexOf('@', 4);
        return at < 0 ? placeholderKey.substring(4) : placeholderKey.substring(4, at);
    }

    /** The graph of these documents. */
    public static ReferenceSnapshot of(Collection<Entry> docs, Dictionaries dictionaries) {
        return new ReferenceSnapshot(docs, dictionaries);
    }

    /**
     * The graph of these directives, each in its preferred rendition; {@code renditionOf} maps the ids of their
     * other renditions to the directive's id, so a question about any rendition is answered for its directive.
     */
    public static ReferenceSnapshot of(Collection<Entry> docs, Dictionaries dictionaries, Map<String, String> renditionOf) {
        return new ReferenceSnapshot(docs, dictionaries, renditionOf);
    }

    /** The directive's id for any of its renditions' ids (the id itself when it is the preferred one or has none). */
    public String directiveId(String id) {
        return renditionOf.getOrDefault(id, id);
    }

    /** A document of the set. */
    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Every document of the set, by id. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    /** The resolved references of a document, in extraction order. */
    public List<Edge> outgoing(String id) {
        return out.getOrDefault(id, List.of());
    }

    /** The references that resolve to this node key ("doc:…" or a placeholder key). */
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

    /** The nodes a number names: archive documents bearing it, and placeholders of citations to it. */
    public List<String> nodesForNumber(DocNumber number) {
        Set<String> nodes = new LinkedHashSet<>();
        byNumber.getOrDefault(number.key(), List.of()).forEach(e -> nodes.add("doc:" + e.id()));
        nodes.addAll(placeholders.getOrDefault(number.key(), List.of()));
        return List.copyOf(nodes);
    }

    /** The level of a document: its metadata's, else its symbol's, else trung ương for a central symbol. */
    public String level(Entry e) {
        if (e.metadata().level() != null) {
            return e.metadata().level();
        }
        return ownNumber(e).map(n -> scope(n).orElse("trung ương")).orElse(null);
    }

    /** Data-quality warnings for one document, as a reader who sees everything reads them. */
    public List<String> warnings(String id) {
        return warnings(id, other -> true);
    }

    /**
     * Data-quality warnings for one document, as a reader who may see only what {@code visible} accepts: a cited
     * document they may not see gives no date to compare, and a duplicate number they may not see is not named.
     */
    public List<String> warnings(String id, Predicate<String> visible) {
        Entry self = entries.get(id);
        if (self == null) {
            return List.of();
        }
        List<String> w = new ArrayList<>();
        Set<String> dangling = new LinkedHashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        for (Edge e : outgoing(id)) {
            if (e.problem() != null) {
                problems.add(e.problem());
            }
            Entry target = e.targetId() == null ? null : entries.get(e.targetId());
            if (target == null && e.problem() == null && e.reference().number() != null) {
                dangling.add(e.reference().number());
            }
            LocalDate citing = self.metadata().date();
            if (target != null && visible.test(target.id()) && citing != null && target.metadata().date() != null
                    && target.metadata().date().isAfter(citing) && !target.metadata().date().equals(e.reference().date())) {
                w.add("Văn bản được dẫn chiếu " + label(target) + " có ngày ban hành " + DMY.format(target.metadata().date())
                        + ", sau ngày của văn bản này (" + DMY.format(citing) + ")");
            }
        }
        w.addAll(problems);
        if (!dangling.isEmpty()) {
            List<String> listed = dangling.stream().limit(MAX_LISTED).toList();
            w.add(dangling.size() + " văn bản được dẫn chiếu chưa có trong kho: " + String.join(", ", listed)
                    + (dangling.size() > MAX_LISTED ? ", …" : ""));
        }
        ownNumber(self).ifPresent(n -> {
            String mine = identity(self, n);
            String level = scope(n).orElse("trung ương");
            Optional<String> period = PartyNumbering.period(vn.archive.meta.PartyTerms.current(), n, level, self);
            for (Entry other : byNumber.getOrDefault(n.key(), List.of())) {
                if (!other.id().equals(id) && visible.test(other.id()) && identity(other, n).equals(mine)
                        && period.isPresent()
                        && period.equals(PartyNumbering.period(vn.archive.meta.PartyTerms.current(), n, level, other))) {
                    boolean sameText = Objects.equals(self.metadata().date(), other.metadata().date())
                            && Objects.equals(self.metadata().title(), other.metadata().title());
                    w.add("Trùng số: " + n.format() + " cũng là số của văn bản " + other.id() + " của cùng cơ quan trong "
                            + period.get() + (sameText ? " (cùng ngày, cùng trích yếu: có thể là một văn bản nhập hai lần ở hai định dạng)"
                            : " (số bị cấp trùng, hoặc một trong hai số bị nhập sai)"));
                }
            }
        });
        return w;
    }

    /** A document's display label: kind and number, else its title. */
    public static String label(Entry e) {
        DocumentMetadata m = e.metadata();
        if (m.number() != null) {
            return (m.kind() == null ? "" : m.kind() + " ") + m.number();
        }
        return m.title() != null ? m.title() : e.id();
    }

    // ---- resolution ----

    private Edge resolve(Entry citing, int index, Reference r) {
        if (r.number() != null) {
            Optional<DocNumber> parsed = DocNumber.parse(r.number());
            if (parsed.isPresent()) {
                return resolveNumbered(citing, index, r, parsed.get());
            }
        }
        Optional<String> named = r.number() == null ? nameKey(r.kind(), referenceName(r)) : Optional.empty();
        if (named.isPresent()) {
            return resolveNamed(citing, index, r, named.get());
        }
        Locality where = Locality.ofName(r.issuer()).orElse(citing.locality());
        String scope = (where.province() == null ? "?" : where.province()) + "/" + (where.district() == null ? "?" : where.district());
        return new Edge(citing.id(), index, r, "text:" + Locality.fold(r.text()) + "@" + scope, null);
    }

    private Edge resolveNumbered(Entry citing, int index, Reference r, DocNumber n) {
        Optional<String> level = scope(n);
        Locality where = Locality.ofName(r.issuer()).orElse(citing.locality());
        String placeholder = "num:" + n.key() + level.map(l -> "@" + scopeKey(l, where)).orElse("");
        if (level.isPresent() && !placeable(level.get(), where)) {
            return new Edge(citing.id(), index, r, placeholder,
                    "Không xác định được địa phương của văn bản này, nên số " + n.format()
                            + " (ký hiệu cấp địa phương) chưa liên kết được");
        }
        List<Entry> candidates = new ArrayList<>();
        List<Entry> namesakes = byNumber.getOrDefault(n.key(), List.of());
        if (level.isPresent() && namesakes.size() > LOCAL_INDEX_FROM) {
            namesakes = byPlace(n.key(), namesakes, level.get()).getOrDefault(placeOf(level.get(), where), List.of());
        }
        for (Entry e : namesakes) {
            if (!e.id().equals(citing.id()) && (level.isEmpty() || sameScope(level.get(), where, e.locality()))) {
                candidates.add(e);
            }
        }
        if (n.dashed() && candidates.size() > 1) {
            candidates = PartyNumbering.narrow(vn.archive.meta.PartyTerms.current(), level.orElse("trung ương"), citing,
                    r, candidates);
        }
        return pick(citing, index, r, candidates, placeholder, n.format());
    }

    private Edge resolveNamed(Entry citing, int index, Reference r, String key) {
        Integer year = r.date() != null ? Integer.valueOf(r.date().getYear()) : yearAtEnd(r.text());
        List<Entry> candidates = new ArrayList<>();
        for (Entry e : byName.getOrDefault(key, List.of())) {
            LocalDate d = e.metadata().date();
            if (e.id().equals(citing.id()) || d == null) {
                continue;
            }
            boolean matches = r.date() != null ? d.equals(r.date())
                    : year != null ? d.getYear() == year
                    // "Căn cứ Hiến pháp nước …;" means the Constitution in force: the latest one not after the citing text
                    // (an undated text, a draft mostly, cites the one in force now: the latest)
                    : key.equals("HIEN PHAP") && (citing.metadata().date() == null || !d.isAfter(citing.metadata().date()));
            if (matches) {
                candidates.add(e);
            }
        }
        if (r.date() == null && year == null && candidates.size() > 1) {
            LocalDate latest = candidates.stream().map(e -> e.metadata().date()).max(Comparator.naturalOrder()).orElseThrow();
            candidates.removeIf(e -> !e.metadata().date().equals(latest));
        }
        String when = r.date() != null ? r.date().toString() : year != null ? year.toString() : "?";
        return pick(citing, index, r, candidates, "name:" + key + "|" + when, r.text());
    }

    /** One candidate links; several are narrowed by the cited date, and stay unlinked if still ambiguous. */
    private static Edge pick(Entry citing, int index, Reference r, List<Entry> candidates, String placeholder, String what) {
        if (candidates.size() > 1 && r.date() != null) {
            List<Entry> sameDay = candidates.stream().filter(e -> r.date().equals(e.metadata().date())).toList();
            List<Entry> sameYear = candidates.stream().filter(e -> e.metadata().date() != null
                    && e.metadata().date().getYear() == r.date().getYear()).toList();
            candidates = !sameDay.isEmpty() ? sameDay : sameYear;
        }
        if (candidates.size() == 1) {
            return new Edge(citing.id(), index, r, "doc:" + candidates.get(0).id(), null);
        }
        String problem = candidates.size() > 1
                ? "Dẫn chiếu " + what + " khớp với " + candidates.size() + " văn bản trong kho; chưa liên kết để tránh nhầm"
                : null;
        return new Edge(citing.id(), index, r, placeholder, problem);
    }

    /** The most local level among a number's issuer codes ("tỉnh", "huyện", "xã"); empty for a national number. */
    Optional<String> scope(DocNumber n) {
        // many citations share a few numbers; folding symbol parts is costly enough to remember per key
        return scopes.computeIfAbsent(n.key(), k -> computeScope(n));
    }

    private Optional<String> computeScope(DocNumber n) {
        String best = null;
        for (String part : n.parts()) {
            Optional<Dictionaries.IssuerCode> code = dictionaries.issuerByCode(part);
            if (code.isEmpty()) {
                continue;
            }
            String level = code.get().level();
            if (level.equals("trung ương")) {
                return Optional.empty();
            }
            if (rank(level) > rank(best)) {
                best = level;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(String level) {
        return level == null ? 0 : switch (level) {
            case "tỉnh" -> 1;
            case "huyện" -> 2;
            case "xã" -> 3;
            default -> 0;
        };
    }

    /**
     * The documents of one local number grouped by their province (a provincial symbol) or district (a district
     * symbol), in their order: a local number such as 1-KH/HU recurs in every district every year, so each citation
     * of it looks at its own district's namesakes instead of all of them (sameScope still decides).
     */
    private Map<String, List<Entry>> byPlace(String numberKey, List<Entry> namesakes, String level) {
        return namesakesByPlace.computeIfAbsent(numberKey, k -> {
            Map<String, List<Entry>> groups = new HashMap<>();
            for (Entry e : namesakes) {
                String place = placeOf(level, e.locality());
                if (place != null) {
                    groups.computeIfAbsent(place, x -> new ArrayList<>()).add(e);
                }
            }
            return groups;
        });
    }

    /** The part of a locality that a symbol of this level is unique within (null when unknown). */
    private static String placeOf(String level, Locality where) {
        return level.equals("tỉnh") ? where.province() : where.district();
    }

    private static boolean placeable(String level, Locality where) {
        return placeOf(level, where) != null;
    }

    private static boolean sameScope(String level, Locality citing, Locality target) {
        if (level.equals("tỉnh")) {
            return citing.province() != null && citing.province().equals(target.province());
        }
        if (citing.district() == null || !citing.district().equals(target.district())) {
            return false;
        }
        return citing.province() == null || target.province() == null || citing.province().equals(target.province());
    }

    private static String scopeKey(String level, Locality where) {
        String province = where.province() == null ? "?" : where.province();
        return level.equals("tỉnh") ? province : province + "/" + (where.district() == null ? "?" : where.district());
    }

    /** The key a document is known by among those sharing its number: the number, qualified for local symbols. */
    private String identity(Entry e, DocNumber n) {
        return n.key() + scope(n).map(l -> "@" + scopeKey(l, e.locality())).orElse("");
    }

    private static Optional<DocNumber> ownNumber(Entry e) {
        return e.metadata().number() == null ? Optional.empty() : DocNumber.parse(e.metadata().number());
    }

    private static Optional<String> nameKey(String kind, String name) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = Locality.fold(kind);
        if (!LAW_KINDS.contains(k)) {
            return Optional.empty();
        }
        if (k.equals("HIEN PHAP")) {
            return Optional.of(k);
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(k + "|" + Locality.fold(name.replaceAll("[^\\p{L}\\p{Nd}]+", " ")).strip());
    }

    /** "Hải quan" from "Luật Hải quan ngày 23 tháng 6 năm 2014"; "sửa đổi" for any amending law. */
    private static String referenceName(Reference r) {
        if (AMENDING.matcher(r.text()).lookingAt()) {
            return AMENDS_NAME;
        }
        Matcher m = NAMED.matcher(r.text());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * A law's name as its title gives it ("HẢI QUAN"), without a leading "LUẬT" nor a trailing number and date
     * ("ĐẤT ĐAI SỐ 24-L/CTN NGÀY 14/07/1993 CỦA QUỐC HỘI"); "sửa đổi" for any amending law, which is cited by date.
     */
    private static String titleName(DocumentMetadata m) {
        if (m.title() == null) {
            return null;
        }
        String t = TITLE_TAIL.matcher(m.title().strip()).replaceFirst("");
        if (AMENDING.matcher(t).lookingAt()) {
            return AMENDS_NAME;
        }
        String kind = m.kind() == null ? "" : m.kind();
        if (!kind.isEmpty() && t.toUpperCase(java.util.Locale.ROOT).startsWith(kind.toUpperCase(java.util.Locale.ROOT) + " ")) {
            t = t.substring(kind.length() + 1);
        }
        return t;
    }

    private static Integer yearAtEnd(String text) {
        Matcher m = YEAR_AT_END.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * The graph's view of a document: its locality from its metadata (issuer, parent body, place for a district
     * document), completed from its text only when the metadata lacks it and the document is local. The text is
     * read lazily, since central documents never need it.
     */
    public static Entry entry(String id, DocumentMetadata m, java.util.function.Supplier<String> text, Dictionaries d) {
        Locality fromMeta = Locality.ofName(m.issuer()).orElse(Locality.ofName(m.parentIssuer()));
        Optional<DocNumber> own = m.number() == null ? Optional.empty() : DocNumber.parse(m.number());
        ReferenceSnapshot probe = new ReferenceSnapshot(List.of(), d);
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
            Locality fromText = Locality.ofText(text.get());
            // a provincial text names many districts; only a district's own text tells its district
            fromMeta = fromMeta.orElse(district || level == null ? fromText : new Locality(fromText.province(), null));
        }
        Locality where = fromMeta.province() == null && fromMeta.district() == null ? Locality.UNKNOWN
                : new Locality(shared(fromMeta.province()), shared(fromMeta.district()));
        return new Entry(id, graphView(m), where);
    }

    /**
     * The part of a document's metadata the graph reads (what a link, a tree node and a warning show, and what
     * resolution compares), with the values that repeat across documents (kinds, issuers, places, levels) shared:
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
