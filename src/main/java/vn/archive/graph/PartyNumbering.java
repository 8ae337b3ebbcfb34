package vn.archive.graph;

import vn.archive.meta.PartyTerms;
import vn.archive.model.DocNumber;
import vn.archive.model.Reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Party numbers restart for each kind within a committee's term (nhiệm kỳ), not each year: which of several documents
 * bearing one Party number a citation means, and when two of them are a duplicate, is decided by term.
 */
final class PartyNumbering {
    private PartyNumbering() {
    }

    /**
     * The candidates a citation of a Party number means: those of the term that holds the cited date when the
     * citation gives one; otherwise, among the documents not later than the citing one, those of the citing
     * document's term, else of the term before. Unchanged when the terms say nothing.
     */
    static List<ReferenceSnapshot.Entry> narrow(PartyTerms terms, String level, ReferenceSnapshot.Entry citing,
                                                Reference r, List<ReferenceSnapshot.Entry> candidates) {
        if (r.date() != null) {
            List<ReferenceSnapshot.Entry> sameTerm = candidates.stream().filter(e -> {
                Optional<PartyTerms.Term> cited = terms.termOf(level, e.metadata().issuer(), r.date());
                return cited.isPresent() && cited.equals(terms.termOf(level, e.metadata().issuer(), e.metadata().date()));
            }).toList();
            return sameTerm.isEmpty() ? candidates : sameTerm;
        }
        LocalDate when = citing.metadata().date();
        if (when == null) {
            return candidates;
        }
        List<ReferenceSnapshot.Entry> earlier = candidates.stream()
                .filter(e -> e.metadata().date() != null && !e.metadata().date().isAfter(when)).toList();
        for (int back = 0; back < 2; back++) {
            int steps = back;
            List<ReferenceSnapshot.Entry> inTerm = earlier.stream().filter(e -> {
                Optional<PartyTerms.Term> t = terms.termOf(level, e.metadata().issuer(), when);
                for (int i = 0; i < steps && t.isPresent(); i++) {
                    t = terms.previous(t.get());
                }
                return t.isPresent() && t.equals(terms.termOf(level, e.metadata().issuer(), e.metadata().date()));
            }).toList();
            if (!inTerm.isEmpty()) {
                return inTerm;
            }
        }
        return candidates;
    }

    /**
     * The years a dated citation of this Party number may give and still mean {@code e} when others bear the number
     * in its place: those of the term holding its date ({@link #narrow} keeps that term's candidates), or its own year
     * when no term holds it; empty without a date (a dated citation then never means it, {@code CitationResolver.pick}).
     */
    static Set<Integer> citedYears(PartyTerms terms, String level, ReferenceSnapshot.Entry e) {
        LocalDate d = e.metadata().date();
        if (d == null) {
            return Set.of();
        }
        Optional<PartyTerms.Term> t = terms.termOf(level, e.metadata().issuer(), d);
        Set<Integer> years = new TreeSet<>(List.of(d.getYear()));
        t.ifPresent(term -> {
            for (int y = term.start().getYear(); y <= term.end().minusDays(1).getYear(); y++) {
                years.add(y);
            }
        });
        return years;
    }

    /**
     * The period inside which a number must be unique: the Party committee's term for a Party number whose term is
     * known ("nhiệm kỳ 2015–2020"), otherwise the year ("năm 2019"); empty without a date.
     */
    static Optional<String> period(PartyTerms terms, DocNumber n, String level, ReferenceSnapshot.Entry e) {
        LocalDate d = e.metadata().date();
        if (d == null) {
            return Optional.empty();
        }
        if (n.dashed()) {
            Optional<PartyTerms.Term> t = terms.termOf(level, e.metadata().issuer(), d);
            if (t.isPresent()) {
                return Optional.of("nhiệm kỳ " + t.get().name());
            }
        }
        return Optional.of("năm " + d.getYear());
    }
}
