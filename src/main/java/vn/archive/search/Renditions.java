package vn.archive.search;

import vn.archive.text.Locality;

import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;
import vn.archive.model.Clearance;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Renditions of one directive (a scan, a DOCX, a PDF, a TXT that the import linked as "Cùng văn bản, bản khác") taken
 * as one directive. Pure: built from the linked documents, so every rule is tested on constructed documents.
 *
 * <p>Grouping: two linked documents are renditions of one directive unless their numbers differ, or their issuers
 * (with the committee a Ban belongs to; a standing committee is its committee), kinds or dates differ where both are known (district plans copied from one provincial template stay apart), or
 * their secrecy marks differ: a classified letter given an open one's number is another document, never a reason to
 * hide the open one (the "Trùng số" warning flags it for an archivist instead).
 *
 * <p>The preferred rendition (whose id is the directive's id) is a typed one (text read from the file) over one read
 * by OCR; among equals the smallest id, so the choice never depends on the order of imports.
 *
 * <p>Merge rule, field by field: the preferred rendition's value, else the next rendition's in the same order (typed
 * text over OCR). An archivist's correction is replayed on each rendition it was made on (the portal makes it on
 * every rendition), so it overrides what the renditions read.
 */
public final class Renditions {
    /** No document has another rendition. */
    public static final Renditions NONE = new Renditions(Map.of());

    /**
     * One directive's renditions.
     *
     * @param primary the preferred rendition's id: the directive's id
     * @param members every rendition's id, preferred first, then in merge order
     * @param merged  the metadata every rendition shows
     */
    public record Group(String primary, List<String> members, DocumentMetadata merged) {
        public Group {
            members = List.copyOf(members);
        }
    }

    private final Map<String, Group> byMember;

    private Renditions(Map<String, Group> byMember) {
        this.byMember = byMember;
    }

    /**
     * The groups among these documents, read from their rendition notes; a note naming a document not among them
     * is ignored (the caller gives every document that has or is named by a note).
     */
    public static Renditions of(Collection<ArchivedDocument> docs) {
        Map<String, ArchivedDocument> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        Map<String, String> parent = new HashMap<>();
        for (ArchivedDocument d : byId.values()) {
            for (String note : d.notes()) {
                DocumentLink.renditionOf(note).map(byId::get).filter(o -> sameDirective(d.metadata(), o.metadata()))
                        .ifPresent(o -> union(parent, d.id(), o.id()));
            }
        }
        Map<String, List<ArchivedDocument>> sets = new HashMap<>();
        for (String id : parent.keySet()) {
            sets.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(byId.get(id));
        }
        Map<String, Group> out = new HashMap<>();
        for (List<ArchivedDocument> set : sets.values()) {
            if (set.size() < 2) {
                continue;
            }
            List<ArchivedDocument> ranked = set.stream().sorted(PREFERRED).toList();
            Group g = new Group(ranked.get(0).id(), ranked.stream().map(ArchivedDocument::id).toList(), merge(ranked));
            g.members().forEach(m -> out.put(m, g));
        }
        return out.isEmpty() ? NONE : new Renditions(Map.copyOf(out));
    }

    /** Typed text before OCR, then the smallest id. */
    static final Comparator<ArchivedDocument> PREFERRED = Comparator
            .comparing((ArchivedDocument d) -> d.source().ocr())
            .thenComparing(ArchivedDocument::id);

    /** The group of a document that has other renditions. */
    public Optional<Group> group(String id) {
        return Optional.ofNullable(byMember.get(id));
    }

    /** The directive's id for one of its renditions (the id itself when it has no other). */
    public String directiveId(String id) {
        Group g = byMember.get(id);
        return g == null ? id : g.primary();
    }

    /** How many renditions the directive of this document has (1 when none other). */
    public int count(String id) {
        Group g = byMember.get(id);
        return g == null ? 1 : g.members().size();
    }

    /** The renditions that are not their directive's preferred one: absent from hits, counts, trees and lists. */
    public Set<String> secondaries() {
        Set<String> out = new TreeSet<>();
        byMember.forEach((id, g) -> {
            if (!g.primary().equals(id)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Whether nothing is grouped. */
    public boolean isEmpty() {
        return byMember.isEmpty();
    }

    /** The document with its directive's merged metadata (itself when it has no other rendition). */
    public ArchivedDocument merged(ArchivedDocument d) {
        Group g = byMember.get(d.id());
        // a withdrawal is of one rendition: each keeps its own, so withdrawing one keeps the others
        return g == null ? d : new ArchivedDocument(d.id(), g.merged().toBuilder().withdrawn(d.metadata().withdrawn())
                .build(), d.source(), d.text(), d.notes());
    }

    /**
     * A hit as the answer shows it, whichever backend found it: the directive's merged metadata and its renditions'
     * count.
     */
    public SearchHit hit(ArchivedDocument d, String snippet) {
        DocumentMetadata m = merged(d).metadata();
        return new SearchHit(d.id(), m.kind(), m.number(), m.date(), m.issuer(), m.place(), m.title(),
                snippet, "/documents/" + d.id(), count(d.id()));
    }

    /** Whether two linked documents may be one directive: nothing known about both of them differs. */
    static boolean sameDirective(DocumentMetadata a, DocumentMetadata b) {
        Optional<String> na = numberKey(a);
        Optional<String> nb = numberKey(b);
        if (!na.equals(nb)) {
            return false;
        }
        return agree(a.issuer(), b.issuer(), Renditions::issuerKey)
                && agree(a.parentIssuer(), b.parentIssuer(), Locality::fold) && agree(a.kind(), b.kind(), Locality::fold)
                && agree(a.date(), b.date(), Function.identity())
                && Clearance.ofClassification(a.classification()) == Clearance.ofClassification(b.classification());
    }

    /** A standing committee signs for its committee: "Ban Thường vụ Huyện ủy X" and "Huyện ủy X" are one issuer. */
    private static String issuerKey(String issuer) {
        return Locality.fold(issuer).replaceFirst("(?i)^BAN\\s+THUONG\\s+VU\\s+", "");
    }

    private static Optional<String> numberKey(DocumentMetadata m) {
        return m.number() == null ? Optional.empty() : Optional.of(DocNumber.parse(m.number()).map(DocNumber::key)
                .orElse(Locality.fold(m.number())));
    }

    private static <T> boolean agree(T a, T b, Function<T, ?> key) {
        return a == null || b == null || Objects.equals(key.apply(a), key.apply(b));
    }

    /** The merged metadata of renditions in preference order (see the class comment). */
    static DocumentMetadata merge(List<ArchivedDocument> ranked) {
        List<DocumentMetadata> ms = ranked.stream().map(ArchivedDocument::metadata).toList();
        DocumentMetadata first = ms.get(0);
        return first.toBuilder()
                .kind(value(ms, DocumentMetadata::kind)).number(value(ms, DocumentMetadata::number))
                .date(value(ms, DocumentMetadata::date)).issuer(value(ms, DocumentMetadata::issuer))
                .parentIssuer(value(ms, DocumentMetadata::parentIssuer)).level(value(ms, DocumentMetadata::level))
                .sector(value(ms, DocumentMetadata::sector)).place(value(ms, DocumentMetadata::place))
                .title(value(ms, DocumentMetadata::title)).recipients(list(ms, DocumentMetadata::recipients))
                .distribution(list(ms, DocumentMetadata::distribution)).signer(value(ms, DocumentMetadata::signer))
                .classification(value(ms, DocumentMetadata::classification)).urgency(value(ms, DocumentMetadata::urgency))
                .deadlines(list(ms, DocumentMetadata::deadlines)).campaigns(list(ms, DocumentMetadata::campaigns))
                .references(list(ms, DocumentMetadata::references)).withdrawn(null)
                .build();
    }

    private static <T> T value(List<DocumentMetadata> ms, Function<DocumentMetadata, T> field) {
        return ms.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static <T> List<T> list(List<DocumentMetadata> ms, Function<DocumentMetadata, List<T>> field) {
        return ms.stream().map(field).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
    }

    private static String find(Map<String, String> parent, String id) {
        String p = parent.computeIfAbsent(id, k -> k);
        while (!p.equals(parent.get(p))) {
            p = parent.get(p);
        }
        return p;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
        }
    }
}
