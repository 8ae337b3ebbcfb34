package vn.archive.web;

import vn.archive.search.ReferenceGraph.ImplementationNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws, as inline SVG, when each level of the hierarchy responded to a document: one row per level (Trung ương,
 * Tỉnh, Huyện, Xã), one dot per document at its date. Drawn on the server with presentation attributes only, so it
 * needs no script and passes the portal's content security policy.
 */
final class ReferenceTimeline {
    static final List<String> LEVELS = List.of("trung ương", "tỉnh", "huyện", "xã");
    private static final int WIDTH = 900;
    private static final int LEFT = 110;
    private static final int RIGHT = 30;
    private static final int ROW = 56;
    private static final int TOP = 24;
    private static final int LABEL_WIDTH = 66;

    private ReferenceTimeline() {
    }

    /** The SVG of a tree, or an empty string when no node has a date. */
    static String svg(ImplementationNode root) {
        List<ImplementationNode> nodes = new ArrayList<>();
        collect(root, nodes);
        List<ImplementationNode> dated = nodes.stream().filter(n -> n.date() != null).toList();
        if (dated.isEmpty()) {
            return "";
        }
        LocalDate min = dated.stream().map(ImplementationNode::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate max = dated.stream().map(ImplementationNode::date).max(LocalDate::compareTo).orElseThrow();
        long span = Math.max(30, max.toEpochDay() - min.toEpochDay());
        int height = TOP + ROW * LEVELS.size() + 30;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"refs-timeline\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" aria-label=\"Dòng thời gian phản hồi theo cấp\">");
        for (int i = 0; i < LEVELS.size(); i++) {
            int y = TOP + ROW * i + ROW / 2;
            s.append("<text x=\"8\" y=\"").append(y + 5).append("\" font-size=\"14\" fill=\"#1b1f24\">")
                    .append(capital(LEVELS.get(i))).append("</text>");
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d5d9de\" stroke-width=\"2\"/>");
        }
        int axis = TOP + ROW * LEVELS.size() + 14;
        s.append(tick(min, x(min, min, span), axis)).append(tick(max, x(max, min, span), axis));
        int[] lastAbove = new int[LEVELS.size()];
        int[] lastBelow = new int[LEVELS.size()];
        java.util.Arrays.fill(lastAbove, -1000);
        java.util.Arrays.fill(lastBelow, -1000);
        List<ImplementationNode> byDate = dated.stream().sorted(java.util.Comparator.comparing(ImplementationNode::date)).toList();
        for (ImplementationNode n : byDate) {
            int row = LEVELS.indexOf(n.level() == null ? "" : n.level().toLowerCase(Locale.ROOT));
            if (row < 0) {
                continue;
            }
            int y = TOP + ROW * row + ROW / 2;
            int x = x(n.date(), min, span);
            String label = n.number() != null ? n.number() : n.kind() != null ? n.kind() : "";
            String fill = n.inArchive() ? "#9b1c1c" : "#ffffff";
            String title = label + " · " + String.format("%02d/%02d/%d", n.date().getDayOfMonth(), n.date().getMonthValue(),
                    n.date().getYear()) + (n.issuer() == null ? "" : " · " + n.issuer()) + (n.inArchive() ? "" : " · chưa có trong kho");
            if (n.url() != null) {
                s.append("<a href=\"").append(esc(n.url())).append("\">");
            }
            s.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"7\" fill=\"").append(fill)
                    .append("\" stroke=\"#9b1c1c\" stroke-width=\"2\"><title>").append(esc(title)).append("</title></circle>");
            // a label goes above its dot, else below, where it clears the last label on that side; else only the tooltip
            Integer dy = null;
            if (x - lastAbove[row] >= LABEL_WIDTH) {
                dy = -12;
                lastAbove[row] = x;
            } else if (x - lastBelow[row] >= LABEL_WIDTH) {
                dy = 22;
                lastBelow[row] = x;
            }
            if (dy != null) {
                s.append("<text x=\"").append(x).append("\" y=\"").append(y + dy)
                        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#545d68\">").append(esc(label)).append("</text>");
            }
            if (n.url() != null) {
                s.append("</a>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static int x(LocalDate d, LocalDate min, long span) {
        return LEFT + 10 + (int) ((WIDTH - LEFT - RIGHT - 20) * (d.toEpochDay() - min.toEpochDay()) / (double) span);
    }

    private static String tick(LocalDate d, int x, int y) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#545d68\">"
                + String.format("%02d/%d", d.getMonthValue(), d.getYear()) + "</text>";
    }

    private static void collect(ImplementationNode n, List<ImplementationNode> out) {
        out.add(n);
        n.children().forEach(c -> collect(c, out));
    }

    private static String capital(String level) {
        return Character.toUpperCase(level.charAt(0)) + level.substring(1);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
