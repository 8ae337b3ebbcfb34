package vn.archive.graph;

import java.time.LocalDate;
import java.util.List;

/**
 * Who was asked to act on a directive and who has, in the shape of {@code GET /api/references/{number}/tracking}
 * (see API.md).
 *
 * @param number     the directive's number as asked
 * @param document   the directive, or null when only citations of the number are in the archive
 * @param deadline   its reporting deadline, or null when it states none
 * @param expected   each unit asked to act, with its status
 * @param unresolved recipients that name no unit the table resolves, as written
 * @param unexpected units that were not addressed but responded anyway
 * @param counts     the table's totals
 */
public record Tracking(String number, Directive document, LocalDate deadline, List<Expected> expected,
                       List<String> unresolved, List<Unexpected> unexpected, Counts counts) {
    /** Statuses, as their wire names. */
    public static final String RESPONDED = "responded";
    public static final String LATE = "late";
    public static final String PENDING = "pending";
    public static final String OVERDUE = "overdue";
    /** Exempted by an archivist: not expected to act after all. */
    public static final String EXEMPTED = "exempted";

    /** The directive tracked. */
    public record Directive(String id, String kind, String number, LocalDate date, String issuer) { }

    /**
     * A responding document.
     *
     * @param onTime whether it is dated on or before the deadline (true when there is none; null when undated)
     * @param via    the number of the intermediate document it implements, null when it answers the directive itself
     */
    public record Response(String id, String number, String kind, LocalDate date, String issuer, String relation,
                           Boolean onTime, String via) { }

    /**
     * One unit asked to act.
     *
     * @param mark an archivist's mark on it (responded on paper, exempted, deadline extended), or null
     */
    public record Expected(String unit, String level, String place, String status, List<Response> responses,
                           TrackingMarks.Mark mark) { }

    /** A unit not addressed that responded. */
    public record Unexpected(String unit, List<Response> responses) { }

    /** Totals: units expected (exempted ones left out), and how many are in each status. */
    public record Counts(int expected, int responded, int late, int pending, int overdue) {
        /** Units that have a responding document, on time or late. */
        public int answered() {
            return responded + late;
        }
    }
}
