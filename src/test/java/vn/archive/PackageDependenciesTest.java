package vn.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure read from the sources themselves: which package uses which (imports and fully qualified
 * names), that the uses point one way, that Lucene stays in its packages, and that the README's architecture table is
 * the one the code has.
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/vn/archive");
    private static final Pattern USE = Pattern.compile("\\bvn\\.archive\\.([a-z]+)\\.");
    private static final Pattern LUCENE = Pattern.compile("^import (static )?org\\.apache\\.lucene\\.", Pattern.MULTILINE);
    private static final String TABLE_START = "<!-- package-dependencies: written from the imports, checked by PackageDependenciesTest -->";

    private static Map<String, Set<String>> uses;
    private static Map<String, List<Path>> sources;

    @BeforeAll
    static void read_the_sources() throws IOException {
        uses = new TreeMap<>();
        sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = packageOf(file);
                sources.computeIfAbsent(pkg, p -> new ArrayList<>()).add(file);
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = USE.matcher(withoutComments(Files.readString(file, StandardCharsets.UTF_8)));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
    }

    @Test
    void every_package_says_what_it_is_for_in_a_package_info() {
        List<String> missing = sources.keySet().stream()
                .filter(p -> !p.equals(ROOT))
                .filter(p -> !Files.exists(MAIN.resolve(p).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void package_uses_point_one_way_with_no_cycle() {
        // The root package holds only the entry point and the composition root, which wire everything.
        Map<String, Set<String>> graph = new TreeMap<>(uses);
        graph.remove(ROOT);
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (reaches(graph, start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages that reach themselves through their uses: " + graph);
    }

    @Test
    void lucene_types_stay_in_text_index_search_and_the_solr_query_translation() throws IOException {
        Set<String> allowed = Set.of("text", "index", "search", "solr");
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : sources.entrySet()) {
            for (Path file : e.getValue()) {
                if (LUCENE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    String name = file.getFileName().toString();
                    boolean inSearchImpl = e.getKey().equals("search")
                            && (name.startsWith("Lucene") || name.equals("QueryFactory.java"));
                    boolean inSolrTranslation = e.getKey().equals("solr") && name.startsWith("Solr");
                    if (!allowed.contains(e.getKey()) || (e.getKey().equals("search") && !inSearchImpl)
                            || (e.getKey().equals("solr") && !inSolrTranslation)) {
                        outside.add(MAIN.relativize(file).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), outside, "Lucene imported outside text/, index/ and the Lucene search implementation");
    }

    @Test
    void a_class_past_about_300_lines_says_at_its_top_why_it_is_that_long() throws IOException {
        Pattern declaration = Pattern.compile("^(public |final |abstract |sealed )*(class|interface|record|enum) ",
                Pattern.MULTILINE);
        Pattern reason = Pattern.compile("(?i)over (about )?\\d+\\s*(\\*\\s*)?lines");
        List<String> silent = new ArrayList<>();
        for (List<Path> files : sources.values()) {
            for (Path file : files) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                if (source.lines().count() > 320) {
                    Matcher m = declaration.matcher(source);
                    String top = m.find() ? source.substring(0, m.start()) : source;
                    if (!reason.matcher(top).find()) {
                        silent.add(MAIN.relativize(file) + " (" + source.lines().count() + " lines)");
                    }
                }
            }
        }
        assertEquals(List.of(), silent, "long classes whose top comment does not say 'Over N lines because …'");
    }

    @Test
    void the_readme_architecture_table_is_the_one_the_imports_give() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(TABLE_START);
        assertTrue(start >= 0, "README.md lacks the marker " + TABLE_START + "; put this block after it:\n" + table());
        int open = readme.indexOf("```\n", start) + 4;
        int close = readme.indexOf("```", open);
        assertEquals(table(), readme.substring(open, close),
                "README.md's package table differs from the imports; the table the code has is printed as expected");
    }

    /** One line per package, lowest layer first: {@code graph     uses config, index, meta, model, search, text}. */
    static String table() {
        List<String> order = layered();
        StringBuilder out = new StringBuilder();
        for (String pkg : order) {
            String name = pkg.equals(ROOT) ? "(root)" : pkg;
            Set<String> used = uses.getOrDefault(pkg, Set.of());
            out.append(String.format("%-9s uses %s%n", name,
                    used.isEmpty() ? "nothing of the archive" : String.join(", ", used)));
        }
        return out.toString();
    }

    /** Packages ordered so that each comes after every package it uses (ties by name); the root last. */
    private static List<String> layered() {
        Map<String, Integer> depth = new TreeMap<>();
        for (String pkg : uses.keySet()) {
            if (!pkg.equals(ROOT)) {
                depth(pkg, depth, new TreeSet<>());
            }
        }
        List<String> order = depth.keySet().stream()
                .sorted((a, b) -> depth.get(a).equals(depth.get(b)) ? a.compareTo(b) : depth.get(a) - depth.get(b))
                .collect(Collectors.toCollection(ArrayList::new));
        order.add(ROOT);
        return order;
    }

    private static int depth(String pkg, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(pkg);
        if (known != null) {
            return known;
        }
        if (!path.add(pkg)) {
            return 0; // a cycle: reported by its own test
        }
        int d = 0;
        for (String used : uses.getOrDefault(pkg, Set.of())) {
            if (!used.equals(ROOT)) {
                d = Math.max(d, depth(used, memo, path) + 1);
            }
        }
        path.remove(pkg);
        memo.put(pkg, d);
        return d;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static final String ROOT = "";

    private static String packageOf(Path file) {
        Path dir = MAIN.relativize(file).getParent();
        return dir == null ? ROOT : dir.toString().replace('/', '.');
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    static {
        if (!Files.isDirectory(MAIN)) {
            throw new UncheckedIOException(new IOException("run from the project folder: " + MAIN + " not found"));
        }
    }
}
