package vn.archive;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed licence report ({@code docs/licences/shipped.tsv}, written by {@code docs/licences/licences.py} from
 * {@code mvn dependency:list -DincludeScope=runtime}) against the allow-list: every shipped dependency is under an
 * allowed licence or one named and justified in the README, the report's versions are the ones the build uses, and
 * no UnRAR code ships.
 */
class ShippedLicencesTest {
    private static final Path REPORT = Path.of("docs", "licences", "shipped.tsv");
    private static final Set<String> ALLOWED = Set.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "0BSD",
            "EPL-2.0", "MPL-2.0", "Unicode-3.0", "CDDL-1.0", "LGPL-2.1-or-later");
    /** Licences outside the allow-list, each justified in the README's licence section. */
    private static final Set<String> JUSTIFIED = Set.of("Bouncy-Castle", "JDOM", "MPL-1.1", "EPL-1.0");

    private record Row(String group, String artifact, String version, String declared, String shippedUnder) {
        String coordinates() {
            return group + ":" + artifact + ":" + version;
        }

        /** Where Maven keeps this artifact's jar, as a path suffix. */
        String jarSuffix() {
            return String.join(File.separator, group.split("\\.")) + File.separator + artifact + File.separator
                    + version + File.separator + artifact + "-" + version + ".jar";
        }
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(REPORT, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("artifact\t")) {
                continue;
            }
            String[] c = line.split("\t");
            String[] coordinates = c[0].split(":");
            rows.add(new Row(coordinates[0], coordinates[1], coordinates[2], c[1], c[2]));
        }
        return rows;
    }

    @Test
    void every_shipped_dependency_is_under_an_allowed_or_a_justified_licence() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() > 100, "the report lists the runtime dependencies: " + rows.size());
        List<String> refused = rows.stream()
                .filter(r -> !ALLOWED.contains(r.shippedUnder()) && !JUSTIFIED.contains(r.shippedUnder()))
                .map(r -> r.coordinates() + " (" + r.declared() + ")").toList();
        assertTrue(refused.isEmpty(), "licences outside the allow-list: " + refused);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (String j : JUSTIFIED) {
            assertTrue(readme.contains("`" + j + "`"), j + " is shipped but not justified in the README");
        }
    }

    @Test
    void the_report_lists_the_versions_the_build_uses_and_no_unrar() throws IOException {
        String classpath = System.getProperty("java.class.path");
        List<String> stale = new ArrayList<>();
        for (Row r : rows()) {
            assertFalse(r.artifact().contains("junrar"), "UnRAR code ships: " + r.coordinates());
            if (!classpath.contains(r.jarSuffix())) {
                stale.add(r.coordinates());
            }
        }
        assertTrue(stale.isEmpty(), "not on the build's classpath (regenerate docs/licences/shipped.tsv): " + stale);
        assertFalse(classpath.contains("junrar"), "junrar is on the classpath");
    }
}
