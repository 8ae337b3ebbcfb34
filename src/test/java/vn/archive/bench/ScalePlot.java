package vn.archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale curve of issue 18: reads results files of {@link BenchMain} at several archive sizes and draws, against
 * the number of documents (log scale), each query class's p99 over HTTP at 8 clients, and the heaps and the index
 * size, as one SVG. Run: {@code java -cp … vn.archive.bench.ScalePlot OUT.svg RESULTS-A.md RESULTS-B.md …}. It reads
 * only what the files say; the caller chooses files of one commit.
 */
public final class ScalePlot {
    private static final Pattern DOCUMENTS = Pattern.compile("\\| corpus \\| ([\\d,]+) generated documents");
    private static final Pattern LATENCY = Pattern.compile(
            "^\\| (.+?) \\| 8 \\| [\\d.]+ / [\\d.]+ \\| [\\d.]+ / ([\\d.]+) \\|", Pattern.MULTILINE);
    private static final Pattern IMPORT_HEAP = Pattern.compile("\\| heap needed to import [^|]*\\| (\\d+) MB");
    private static final Pattern SERVE_HEAP = Pattern.compile("\\| heap needed to serve [^|]*\\| (\\d+) MB");
    private static final Pattern INDEX = Pattern.compile("\\| archive \\|[^\\n]*\\| ([\\d,]+) MB \\|");
    private static final String[] COLOURS = {"#9b1c1c", "#1c4f9b", "#2f7d32", "#b26a00", "#6a1b9a", "#00838f",
            "#555555", "#c2185b"};

    private ScalePlot() {
    }

    /** One results file's figures. */
    record Point(long documents, Map<String, Double> p99, double importHeap, double serveHeap, double indexMb) {
    }

    public static void main(String[] args) throws IOException {
        List<Point> points = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            points.add(read(Files.readString(Path.of(args[i]))));
        }
        points.sort(Comparator.comparingLong(Point::documents));
        Files.writeString(Path.of(args[0]), svg(points));
    }

    static Point read(String md) {
        Matcher d = DOCUMENTS.matcher(md);
        if (!d.find()) {
            throw new IllegalArgumentException("not a results file: no corpus line");
        }
        Map<String, Double> p99 = new LinkedHashMap<>();
        Matcher l = LATENCY.matcher(md);
        while (l.find()) {
            p99.putIfAbsent(l.group(1), Double.parseDouble(l.group(2)));
        }
        return new Point(Long.parseLong(d.group(1).replace(",", "")), p99, number(IMPORT_HEAP, md),
                number(SERVE_HEAP, md), number(INDEX, md));
    }

    private static double number(Pattern p, String md) {
        Matcher m = p.matcher(md);
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : Double.NaN;
    }

    static String svg(List<Point> points) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"460\" font-family=\"sans-serif\""
                + " font-size=\"12\">\n<rect width=\"1000\" height=\"460\" fill=\"white\"/>\n");
        Map<String, List<double[]>> latency = new TreeMap<>();
        Map<String, List<double[]>> memory = new LinkedHashMap<>();
        for (Point p : points) {
            p.p99().forEach((c, v) -> latency.computeIfAbsent(c, k -> new ArrayList<>()).add(new double[] {p.documents(), v}));
            memory.computeIfAbsent("heap to import (MB)", k -> new ArrayList<>()).add(new double[] {p.documents(), p.importHeap()});
            memory.computeIfAbsent("heap to serve (MB)", k -> new ArrayList<>()).add(new double[] {p.documents(), p.serveHeap()});
            memory.computeIfAbsent("index (MB)", k -> new ArrayList<>()).add(new double[] {p.documents(), p.indexMb()});
        }
        chart(s, 40, "p99 over HTTP, 8 clients (ms)", latency, points);
        chart(s, 540, "heap and index size (MB)", memory, points);
        return s.append("</svg>\n").toString();
    }

    /** One chart at {@code left}: log documents across, linear values up, a line and dots per series, a legend. */
    private static void chart(StringBuilder s, int left, String title, Map<String, List<double[]>> series,
                              List<Point> points) {
        int top = 40;
        int width = 420;
        int height = 240;
        double minX = Math.log10(points.get(0).documents());
        double maxX = Math.log10(points.get(points.size() - 1).documents());
        double maxY = series.values().stream().flatMap(List::stream).mapToDouble(v -> v[1])
                .filter(v -> !Double.isNaN(v)).max().orElse(1) * 1.1;
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left, top - 15, title));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>%n", left, top, width, height));
        for (Point p : points) {
            double x = left + (maxX == minX ? width / 2.0 : (Math.log10(p.documents()) - minX) / (maxX - minX) * width);
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
                    x, top + height + 16, p.documents()));
        }
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = top + height - height * i / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", left - 4, y + 4, v));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">documents (log scale)</text>%n",
                left + width / 2, top + height + 34));
        int n = 0;
        for (var e : series.entrySet()) {
            String colour = COLOURS[n % COLOURS.length];
            StringBuilder line = new StringBuilder();
            for (double[] v : e.getValue()) {
                if (Double.isNaN(v[1])) {
                    continue;
                }
                double x = left + (maxX == minX ? width / 2.0 : (Math.log10(v[0]) - minX) / (maxX - minX) * width);
                double y = top + height - v[1] / maxY * height;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n", line.toString().trim(), colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", left,
                    top + height + 56 + 15 * n, colour, e.getKey()));
            n++;
        }
    }
}
