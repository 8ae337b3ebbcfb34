package vn.archive.meta;

import vn.archive.config.ConfigTables;
import vn.archive.model.FirstAnswers;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The terms (nhiệm kỳ) of Party committees from {@code index-config/party-terms.tsv}: Party document numbers restart
 * for each kind within a committee's term, not each year, so one symbol names different documents in different terms.
 */
public final class PartyTerms {
    private static volatile PartyTerms current;

    /**
     * One term.
     *
     * @param scope a committee level ("huyện") or one committee's name
     * @param name  the term's name ("2015–2020", "XII")
     * @param start first day
     * @param end   first day of the next term
     */
    public record Term(String scope, String name, LocalDate start, LocalDate end) {
        boolean holds(LocalDate date) {
            return !date.isBefore(start) && date.isBefore(end);
        }
    }

    /** The terms of each scope in order of start: a citation's resolution asks for a term many times a tree. */
    private final Map<String, List<Term>> byScope;
    /** The folded key of each committee name asked about (a few hundred bodies recur in every document). */
    private final FirstAnswers<String, String> keys = new FirstAnswers<>(50_000, PartyTerms::key);

    private PartyTerms(List<Term> terms) {
        this.byScope = terms.stream().sorted(Comparator.comparing(Term::start))
                .collect(Collectors.groupingBy(Term::scope, Collectors.toUnmodifiableList()));
    }

    /** Reads the table from the folder (or the packaged copy); a bad date or order names its line. */
    public static PartyTerms load(Path configDir) {
        return new PartyTerms(ConfigTables.read(configDir, "party-terms.tsv", 4).stream().map(r -> {
            try {
                Term t = new Term(key(r.col(0)), r.col(1), LocalDate.parse(r.col(2)), LocalDate.parse(r.col(3)));
                if (!t.end().isAfter(t.start())) {
                    throw r.error("a term must end after it starts");
                }
                return t;
            } catch (DateTimeParseException e) {
                throw r.error("dates are YYYY-MM-DD: " + e.getParsedString());
            }
        }).toList());
    }

    /** The table of the archive's configuration folder, set once by the composition root; the packaged one before. */
    public static PartyTerms current() {
        PartyTerms t = current;
        if (t == null) {
            t = load(null);
            current = t;
        }
        return t;
    }

    /** Makes this folder's table (null: the packaged one) the one {@link #current()} gives. */
    public static void use(Path configDir) {
        current = load(configDir);
    }

    /** The term holding the date for this committee: its own rows first, else its level's. */
    public Optional<Term> termOf(String level, String committee, LocalDate date) {
        if (date == null) {
            return Optional.empty();
        }
        if (committee != null) {
            Optional<Term> t = holding(keys.get(committee), date);
            if (t.isPresent()) {
                return t;
            }
        }
        return holding(keys.get(level == null ? "trung ương" : level), date);
    }

    private Optional<Term> holding(String scope, LocalDate date) {
        for (Term t : byScope.getOrDefault(scope, List.of())) {
            if (t.holds(date)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The term before this one at the same scope. */
    public Optional<Term> previous(Term term) {
        return byScope.getOrDefault(term.scope(), List.of()).stream().filter(x -> x.start().isBefore(term.start()))
                .max(Comparator.comparing(Term::start));
    }

    private static String key(String scope) {
        return Normalizer.normalize(scope, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
