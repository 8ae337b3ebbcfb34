package vn.archive.graph;

import vn.archive.meta.PartyTerms;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.graph.ReferenceSnapshot.Edge;
import vn.archive.graph.ReferenceSnapshot.Entry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The data-quality warnings the graph reveals about one directive: a cited document dated after it, citations that
 * stayed unlinked (ambiguous, unknown locality), cited numbers not in the archive, and another directive of the same
 * issuer and period with its number. None speaks of a document the reader may not see.
 */
final class GraphWarnings {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MAX_LISTED = 8;

    private GraphWarnings() {
    }

    static List<String> of(ReferenceView view, String id, Predicate<String> visible) {
        Optional<Entry> found = view.entry(id);
        if (found.isEmpty()) {
            return List.of();
        }
        Entry self = found.get();
        List<String> w = new ArrayList<>();
        Set<String> dangling = new LinkedHashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        for (Edge e : view.outgoing(id)) {
            if (e.problem() != null) {
                problems.add(e.problem());
            }
            Entry target = e.targetId() == null ? null : view.entry(e.targetId()).orElse(null);
            if (target == null && e.problem() == null && e.reference().number() != null) {
                dangling.add(e.reference().number());
            }
            laterDated(self, e, target != null && visible.test(target.id()) ? target : null).ifPresent(w::add);
        }
        w.addAll(problems);
        if (!dangling.isEmpty()) {
            List<String> listed = dangling.stream().limit(MAX_LISTED).toList();
            w.add(dangling.size() + " văn bản được dẫn chiếu chưa có trong kho: " + String.join(", ", listed)
                    + (dangling.size() > MAX_LISTED ? ", …" : ""));
        }
        self.ownNumber().ifPresent(n -> duplicates(view, self, n, visible, w));
        return w;
    }

    /**
     * The one warning about a citation dated after the citing document (a document cannot act on one not yet
     * issued, so one of the two dates is wrong, a typo in the year usually): by the date the citation states, else
     * by the date of the archive's document it resolved to, when the reader may see that one.
     */
    static Optional<String> laterDated(Entry self, Edge e, Entry visibleTarget) {
        LocalDate citing = self.metadata().date();
        if (citing == null) {
            return Optional.empty();
        }
        LocalDate stated = e.reference().date();
        LocalDate actual = visibleTarget == null ? null : visibleTarget.metadata().date();
        if (stated != null && stated.isAfter(citing)) {
            String archived = actual != null && !actual.equals(stated)
                    ? " (trong kho: ngày " + DMY.format(actual) + ")" : "";
            return Optional.of("Văn bản được dẫn chiếu " + (e.reference().number() != null ? e.reference().number()
                    : e.reference().text()) + " đề ngày " + DMY.format(stated) + archived
                    + ", sau ngày ban hành của văn bản này (" + DMY.format(citing) + "): một trong hai ngày có thể sai");
        }
        if (actual != null && actual.isAfter(citing) && !actual.equals(stated)) {
            return Optional.of("Văn bản được dẫn chiếu " + label(visibleTarget) + " có ngày ban hành "
                    + DMY.format(actual) + ", sau ngày của văn bản này (" + DMY.format(citing) + ")");
        }
        return Optional.empty();
    }

    /** Another directive of the same issuer with this number in the same period: a real conflict to look at. */
    private static void duplicates(ReferenceView view, Entry self, DocNumber n, Predicate<String> visible, List<String> w) {
        CitationResolver resolver = view.resolver();
        String mine = resolver.identity(self, n);
        String level = resolver.scope(n).orElse("trung ương");
        Optional<String> period = PartyNumbering.period(PartyTerms.current(), n, level, self);
        for (Entry other : view.bearing(n.key())) {
            if (!other.id().equals(self.id()) && visible.test(other.id()) && resolver.identity(other, n).equals(mine)
                    && period.isPresent()
                    && period.equals(PartyNumbering.period(PartyTerms.current(), n, level, other))) {
                boolean sameText = Objects.equals(self.metadata().date(), other.metadata().date())
                        && Objects.equals(self.metadata().title(), other.metadata().title());
                w.add("Trùng số: " + n.format() + " cũng là số của văn bản " + other.id() + " của cùng cơ quan trong "
                        + period.get() + (sameText ? " (cùng ngày, cùng trích yếu: có thể là một văn bản nhập hai lần ở hai định dạng)"
                        : " (số bị cấp trùng, hoặc một trong hai số bị nhập sai)"));
            }
        }
    }

    /** A document's display label: kind and number, else its title. */
    static String label(Entry e) {
        DocumentMetadata m = e.metadata();
        if (m.number() != null) {
            return (m.kind() == null ? "" : m.kind() + " ") + m.number();
        }
        return m.title() != null ? m.title() : e.id();
    }
}
