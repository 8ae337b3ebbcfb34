package vn.archive.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A document's in-force status (tình trạng hiệu lực), as the legal portals show it: from its own effect clause and
 * from the later documents in the archive that replace, repeal or amend it.
 *
 * @param status        {@code in_force}, {@code partly_expired} (amended or partly repealed), {@code expired}
 *                      (replaced or repealed), {@code not_yet} (its effective date is still ahead) or {@code unknown}
 * @param effectiveFrom the date it takes effect, null when the text gives none
 * @param changedBy     the archive's documents that replace, repeal or amend it, oldest first
 */
public record InForce(String status, LocalDate effectiveFrom, List<Change> changedBy) {
    public static final String IN_FORCE = "in_force";
    public static final String PARTLY_EXPIRED = "partly_expired";
    public static final String EXPIRED = "expired";
    public static final String NOT_YET = "not_yet";
    public static final String UNKNOWN = "unknown";
    /** The statuses in the order a facet lists them. */
    public static final List<String> STATUSES = List.of(IN_FORCE, PARTLY_EXPIRED, EXPIRED, NOT_YET, UNKNOWN);

    private static final Set<Relation> ENDS = Set.of(Relation.REPLACES, Relation.REPEALS);

    public InForce {
        changedBy = List.copyOf(changedBy);
    }

    /** A later document that changed this one: its id, number, relation (wire name) and date. */
    public record Change(String id, String number, String relation, LocalDate date) { }

    /**
     * The status on {@code today}: replaced or repealed by a document of the archive is expired, amended is partly
     * expired, otherwise the effect clause decides (not yet, in force), and a text with none is unknown. A change
     * dated after {@code today} is listed but does not count yet.
     *
     * @param citing every citation of this document by another one: relation and the citing document
     */
    public static InForce of(LocalDate effectiveFrom, List<Citing> citing, LocalDate today) {
        List<Change> changes = new ArrayList<>();
        boolean ended = false;
        boolean amended = false;
        for (Citing c : citing) {
            if (!ENDS.contains(c.relation()) && c.relation() != Relation.AMENDS) {
                continue;
            }
            changes.add(new Change(c.id(), c.number(), c.relation().wireName(), c.date()));
            boolean passed = c.date() == null || !c.date().isAfter(today);
            ended |= passed && ENDS.contains(c.relation());
            amended |= passed && c.relation() == Relation.AMENDS;
        }
        changes.sort(Comparator.comparing(Change::date, Comparator.nullsLast(
                Comparator.naturalOrder())));
        String status;
        if (ended) {
            status = EXPIRED;
        } else if (amended) {
            status = PARTLY_EXPIRED;
        } else if (effectiveFrom != null) {
            status = effectiveFrom.isAfter(today) ? NOT_YET : IN_FORCE;
        } else {
            status = UNKNOWN;
        }
        return new InForce(status, effectiveFrom, changes);
    }

    /** One citation of the document: the citing document and the relation its reference gives. */
    public record Citing(String id, String number, Relation relation, LocalDate date) { }
}
