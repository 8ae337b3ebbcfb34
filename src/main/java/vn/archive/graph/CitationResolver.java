package vn.archive.graph;

import vn.archive.meta.Dictionaries;
import vn.archive.meta.PartyTerms;
import vn.archive.model.DocNumber;
import vn.archive.model.Reference;
import vn.archive.graph.ReferenceSnapshot.Edge;
import vn.archive.graph.ReferenceSnapshot.Entry;
import vn.archive.text.LawNames;
import vn.archive.text.Locality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one citation resolves: to the one directive it names, to a placeholder keyed by what it names (which links by
 * itself once a matching directive is in the archive), or to nothing with a warning when several match. The
 * candidates come from {@link Candidates}: a whole set in memory, or the index per query; the rules are the same.
 *
 * <p>A number with a local symbol (HU, TU, ThU, BDVHU…) is only unique inside its province (tỉnh symbols) or
 * district (huyện and xã symbols), so a citation of it is resolved inside the citing document's locality (or the one
 * its words name: "của Ban Dân vận Tỉnh ủy Lâm Đồng"). Central and unknown symbols are national. Laws named without a
 * number resolve by kind, name and date.
 */
public final class CitationResolver {
    private static final Pattern YEAR_AT_END = Pattern.compile("năm\\s+(\\d{4})\\s*$");

    /** Where the candidates of a citation come from. */
    public interface Candidates {
        /**
         * The directives whose own number has this key, by id; those of another place than {@code place} (of this
         * local {@code level}) may be left out, since they can never match.
         */
        List<Entry> bearing(String numberKey, String level, String place);

        /** The directives filed under this law key ({@link LawNames#ofDocument}), by id. */
        List<Entry> named(String lawKey);
    }

    private final Dictionaries dictionaries;
    private final Map<String, Optional<String>> scopes = new ConcurrentHashMap<>();
    private final Map<String, Locality> places = new ConcurrentHashMap<>();

    public CitationResolver(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** The reference at {@code index} of the citing directive, resolved among the candidates. */
    public Edge resolve(Candidates candidates, Entry citing, int index, Reference r) {
        if (r.number() != null) {
            Optional<DocNumber> parsed = DocNumber.parse(r.number());
            if (parsed.isPresent()) {
                return resolveNumbered(candidates, citing, index, r, parsed.get());
            }
        }
        Optional<String> named = LawNames.cited(r);
        if (named.isPresent()) {
            return resolveNamed(candidates, citing, index, r, named.get());
        }
        Locality where = placeOfName(r.issuer()).orElse(citing.locality());
        String scope = (where.province() == null ? "?" : where.province()) + "/" + (where.district() == null ? "?" : where.district());
        return new Edge(citing.id(), index, r, "text:" + Locality.fold(r.text()) + "@" + scope, null);
    }

    /** The number key a reference cites, when it has a number that parses. */
    public static Optional<String> citedNumberKey(Reference r) {
        return r.number() == null ? Optional.empty() : DocNumber.parse(r.number()).map(DocNumber::key);
    }

    private Edge resolveNumbered(Candidates source, Entry citing, int index, Reference r, DocNumber n) {
        Optional<String> level = scope(n);
        Locality where = placeOfName(r.issuer()).orElse(citing.locality());
        String placeholder = "num:" + n.key() + level.map(l -> "@" + scopeKey(l, where)).orElse("");
        if (level.isPresent() && !placeable(level.get(), where)) {
            return new Edge(citing.id(), index, r, placeholder,
                    "Không xác định được địa phương của văn bản này, nên số " + n.format()
                            + " (ký hiệu cấp địa phương) chưa liên kết được");
        }
        List<Entry> candidates = new ArrayList<>();
        List<Entry> namesakes = source.bearing(n.key(), level.orElse(null), level.map(l -> placeOf(l, where)).orElse(null));
        for (Entry e : namesakes) {
            if (!e.id().equals(citing.id()) && (level.isEmpty() || sameScope(level.get(), where, e.locality()))) {
                candidates.add(e);
            }
        }
        if (n.dashed() && candidates.size() > 1) {
            candidates = PartyNumbering.narrow(PartyTerms.current(), level.orElse("trung ương"), citing, r, candidates);
        }
        return pick(citing, index, r, candidates, placeholder, n.format());
    }

    private Edge resolveNamed(Candidates source, Entry citing, int index, Reference r, String key) {
        Integer year = r.date() != null ? Integer.valueOf(r.date().getYear()) : yearAtEnd(r.text());
        List<Entry> candidates = new ArrayList<>();
        for (Entry e : source.named(key)) {
            LocalDate d = e.metadata().date();
            if (e.id().equals(citing.id()) || d == null) {
                continue;
            }
            boolean matches = r.date() != null ? d.equals(r.date())
                    : year != null ? d.getYear() == year
                    // "Căn cứ Hiến pháp nước …;" means the Constitution in force: the latest one not after the citing text
                    // (an undated text, a draft mostly, cites the one in force now: the latest)
                    : key.equals(LawNames.CONSTITUTION) && (citing.metadata().date() == null || !d.isAfter(citing.metadata().date()));
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

    /** The locality a body's name tells ({@link Locality#ofName}), remembered: the same issuers recur in every document. */
    Locality placeOfName(String name) {
        return name == null ? Locality.UNKNOWN : places.computeIfAbsent(name, Locality::ofName);
    }

    /** The most local level among a number's issuer codes ("tỉnh", "huyện", "xã"); empty for a national number. */
    public Optional<String> scope(DocNumber n) {
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

    /** The level of a document: its metadata's, else its symbol's, else trung ương for a central symbol. */
    public String level(Entry e) {
        if (e.metadata().level() != null) {
            return e.metadata().level();
        }
        return e.ownNumber().map(n -> scope(n).orElse("trung ương")).orElse(null);
    }

    /**
     * Namesakes of one local number grouped by the place a symbol of this level is unique within, each group in
     * their order: a citation needs only its own place's group (the resolver still decides among them).
     */
    static Map<String, List<Entry>> byPlace(List<Entry> namesakes, String level) {
        Map<String, List<Entry>> groups = new HashMap<>();
        for (Entry e : namesakes) {
            String place = placeOf(level, e.locality());
            if (place != null) {
                groups.computeIfAbsent(place, x -> new ArrayList<>()).add(e);
            }
        }
        return groups;
    }

    /** The part of a locality that a symbol of this level is unique within (null when unknown). */
    static String placeOf(String level, Locality where) {
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
    String identity(Entry e, DocNumber n) {
        return n.key() + scope(n).map(l -> "@" + scopeKey(l, e.locality())).orElse("");
    }

    /** The number key of a placeholder key: what {@link #resolve} put between "num:" and the scope. */
    static String numberKeyOf(String placeholderKey) {
        int at = placeholderKey.indexOf('@', 4);
        return at < 0 ? placeholderKey.substring(4) : placeholderKey.substring(4, at);
    }

    private static Integer yearAtEnd(String text) {
        Matcher m = YEAR_AT_END.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
