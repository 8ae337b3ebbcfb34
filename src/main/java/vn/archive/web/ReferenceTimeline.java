package vn.archive.web;

import vn.archive.graph.ReferenceGraph.ImplementationNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * When each level of the hierarchy responded to a document: one row per level that exists at the document's date
 * (Trung ương, Tỉnh, Huyện, Xã; without Huyện from 1 July 2025, when the district level was abolished), shown even
 * when empty, one dot per dated document, and the undated ones listed apart ("không rõ ngày"). This class only lays
 * the drawing out; {@code templates/refs/timeline.peb} draws it as inline SVG with presentation attributes (no
 * script, no inline style: the portal's content security policy allows neither). The drawing keeps its size in a
 * scrolling box on a narrow screen, so its labels stay readable on a phone instead of shrinking with it.
 */
final class ReferenceTimeline {
    /** Levels before the 2025 reform. */
    static final List<String> LEVELS = List.of("trung ương", "tỉnh", "huyện", "xã");
    /** The day the district level ceased to exist (Nghị quyết 202/2025/QH15, Luật Tổ chức chính quyền địa phương 2025). */
    static final LocalDate TWO_LEVEL_FROM = LocalDate.of(2025, 7, 1);
    private static final int WIDTH = 640;
    private static final int LEFT = 96;
    private static final int RIGHT = 16;
    private static final int ROW = 52;
    private static final int TOP = 24;
    private static final int LABEL_WIDTH = 70;

    /** A level's row: its level (as stored), its Vietnamese label and the y of its line. */
    record Row(String level, String label, int y, boolean empty) { }

    /** A date on the axis. */
    record Tick(int x, int y, String text, String anchor) { }

    /**
     * One dated document.
     *
     * @param labelY where its label goes, or null when it would overlap another (then only its tooltip names it)
     * @param anchor text-anchor of the label: start near the left edge, end near the right, so none is clipped
     */
    record Dot(int x, int y, String url, boolean inArchive, String title, String label, Integer labelY, String anchor) { }

    /** The drawing's layout, and the documents without a date. */
    record Timeline(int width, int height, int left, int right, List<Row> rows, List<Tick> ticks, List<Dot> dots,
                    List<ImplementationNode> undated) {
        /** Whether there is anything to show. */
        public boolean isEmpty() {
            return dots.isEmpty() && undated.isEmpty();
        }
    }

    private ReferenceTimeline() {
    }

    /** The levels that exist at a date (unknown date: the four of the time before the reform). */
    static List<String> levelsAt(LocalDate date) {
        return date != null && !date.isBefore(TWO_LEVEL_FROM) ? List.of("trung ương", "tỉnh", "xã") : LEVELS;
    }

    /** The timeline of a tree. */
    static Timeline of(ImplementationNode root) {
        List<ImplementationNode> nodes = new ArrayList<>();
        collect(root, nodes);
        List<ImplementationNode> dated = nodes.stream().filter(n -> n.date() != null)
                .sorted(Comparator.comparing(ImplementationNode::date)).toList();
        List<ImplementationNode> undated = nodes.stream().filter(n -> n.date() == null && n.number() != null).toList();
        LocalDate when = root.date() != null ? root.date() : dated.isEmpty() ? null : dated.get(0).date();
        List<String> levels = new ArrayList<>(levelsAt(when));
        // a document of a level the date does not know is still drawn, on a row of its own
        dated.stream().map(ReferenceTimeline::level).filter(l -> !l.isEmpty() && !levels.contains(l)).distinct()
                .forEach(l -> levels.add(LEVELS.indexOf(l) < 0 ? levels.size() : Math.min(levels.size(), LEVELS.indexOf(l)), l));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            rows.add(new Row(level, capital(level), TOP + ROW * i + ROW / 2, dated.stream().noneMatch(n -> level(n).equals(level))));
        }
        int height = TOP + ROW * levels.size() + 30;
        if (dated.isEmpty()) {
            return new Timeline(WIDTH, height, LEFT, WIDTH - RIGHT, rows, List.of(), List.of(), undated);
        }
        LocalDate min = dated.get(0).date();
        LocalDate max = dated.get(dated.size() - 1).date();
        long span = Math.max(30, max.toEpochDay() - min.toEpochDay());
        int axis = TOP + ROW * levels.size() + 14;
        List<Tick> ticks = new ArrayList<>(List.of(new Tick(x(min, min, span), axis, monthYear(min), "start")));
        if (!monthYear(min).equals(monthYear(max))) {
            ticks.add(new Tick(x(max, min, span), axis, monthYear(max), "end"));
        }
        int[] lastAbove = new int[levels.size()];
        int[] lastBelow = new int[levels.size()];
        Arrays.fill(lastAbove, -1000);
        Arrays.fill(lastBelow, -1000);
        List<Dot> dots = new ArrayList<>();
        for (ImplementationNode n : dated) {
            int row = levels.indexOf(level(n));
            if (row < 0) {
                // no level known: listed in the tree, not placed on a row
                continue;
            }
            int y = TOP + ROW * row + ROW / 2;
            int x = x(n.date(), min, span);
            String label = n.number() != null ? n.number() : n.kind() != null ? n.kind() : "";
            String title = label + " · " + String.format(Locale.ROOT, "%02d/%02d/%d", n.date().getDayOfMonth(),
                    n.date().getMonthValue(), n.date().getYear()) + (n.issuer() == null ? "" : " · " + n.issuer());
            // a label goes above its dot, else below, where it clears the last label on that side; else only the tooltip
            Integer labelY = null;
            if (x - lastAbove[row] >= LABEL_WIDTH) {
                labelY = y - 12;
                lastAbove[row] = x;
            } else if (x - lastBelow[row] >= LABEL_WIDTH) {
                labelY = y + 22;
                lastBelow[row] = x;
            }
            String anchor = x < LEFT + LABEL_WIDTH / 2 ? "start" : x > WIDTH - RIGHT - LABEL_WIDTH / 2 ? "end" : "middle";
            dots.add(new Dot(x, y, n.url(), n.inArchive(), title, label, labelY, anchor));
        }
        return new Timeline(WIDTH, height, LEFT, WIDTH - RIGHT, rows, ticks, dots, undated);
    }

    private static String level(ImplementationNode n) {
        return n.level() == null ? "" : n.level().toLowerCase(Locale.ROOT);
    }

    private static int x(LocalDate d, LocalDate min, long span) {
        return LEFT + 10 + (int) ((WIDTH - LEFT - RIGHT - 20) * (d.toEpochDay() - min.toEpochDay()) / (double) span);
    }

    private static String monthYear(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%d", d.getMonthValue(), d.getYear());
    }

    private static void collect(ImplementationNode n, List<ImplementationNode> out) {
        out.add(n);
        n.children().forEach(c -> collect(c, out));
    }

    private static String capital(String level) {
        return Character.toUpperCase(level.charAt(0)) + level.substring(1);
    }
}
