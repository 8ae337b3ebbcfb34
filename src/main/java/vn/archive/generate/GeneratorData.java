package vn.archive.generate;

import vn.archive.config.ConfigTables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The generator's tables: places from {@code index-config/admin-units.tsv} (shared with extraction), issuers,
 * subjects and name parts from {@code index-config/generator/}.
 */
public final class GeneratorData {
    /** A district-level unit: its name and type (huyện, quận, thị xã, thành phố). */
    public record Unit(String name, String type) {
        /** The party committee's name ("Huyện ủy", "Thành ủy", "Thị ủy", "Quận ủy"). */
        String committee() {
            return switch (type) {
                case "thành phố" -> "Thành ủy";
                case "thị xã" -> "Thị ủy";
                case "quận" -> "Quận ủy";
                default -> "Huyện ủy";
            };
        }

        /** The committee's code in symbols (HU, ThU, TXU, QU). */
        String committeeCode() {
            return switch (type) {
                case "thành phố" -> "ThU";
                case "thị xã" -> "TXU";
                case "quận" -> "QU";
                default -> "HU";
            };
        }

        /** The name as printed before a date or after the type: urban districts with a number read "Quận 1". */
        String printed() {
            return Character.isDigit(name.charAt(0)) ? "Quận " + name : name;
        }
    }

    /** A province (or centrally run city) and its district-level units, the capital first. */
    public record Province(String name, String type, List<Unit> units) {
        /** Where its provincial bodies sign: the city itself, or the capital. */
        String capital() {
            if (type.equals("thành phố")) {
                return name.equals("Hồ Chí Minh") ? "TP. Hồ Chí Minh" : name;
            }
            return units.get(0).name();
        }
    }

    /** An issuer template: who issues what, how the header reads, how numbers are written, who signs. */
    public record IssuerSpec(String level, String sector, int weight, String code, String name, List<String> header,
                             String style, String authority, String position, List<String> kinds, int[] kindWeights) {
    }

    /** A subject with its weight. */
    public record Topic(int weight, String text) {
    }

    private final List<Province> provinces;
    private final List<IssuerSpec> issuers;
    private final List<Topic> topics;
    private final List<String> families;
    private final List<String> middles;
    private final List<String> givens;

    private GeneratorData(Path configDir) {
        provinces = provinces(configDir);
        issuers = new ArrayList<>();
        for (String[] c : rows(configDir, "issuers.tsv", 10)) {
            List<String> kinds = new ArrayList<>();
            String[] parts = c[9].split(",");
            int[] weights = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String[] kw = parts[i].split(":");
                kinds.add(kw[0]);
                weights[i] = Integer.parseInt(kw[1]);
            }
            issuers.add(new IssuerSpec(c[0], c[1], Integer.parseInt(c[2]), c[3], c[4], List.of(c[5].split("\\|")),
                    c[6], c[7], c[8], List.copyOf(kinds), weights));
        }
        topics = new ArrayList<>();
        for (String[] c : rows(configDir, "topics.tsv", 2)) {
            topics.add(new Topic(Integer.parseInt(c[0]), c[1]));
        }
        families = new ArrayList<>();
        middles = new ArrayList<>();
        givens = new ArrayList<>();
        for (String[] c : rows(configDir, "names.tsv", 2)) {
            switch (c[0]) {
                case "family" -> families.add(c[1]);
                case "middle" -> middles.add(c[1]);
                case "given" -> givens.add(c[1]);
                default -> throw new IllegalStateException("names.tsv: unknown part [" + c[0]
                        + "], expected one of [family, middle, given]");
            }
        }
    }

    /** Loads the tables from {@code configDir/generator/}, falling back to the copies packaged in the jar. */
    public static GeneratorData load(Path configDir) {
        return new GeneratorData(configDir);
    }

    /**
     * The provinces and their district-level units from {@code admin-units.tsv}, the archive's one table of places
     * (the same one extraction reads, so every generated place is a place the extractor knows), in the order of
     * their district sections, each province's capital first.
     */
    private static List<Province> provinces(Path configDir) {
        Map<String, String> provinceTypes = new LinkedHashMap<>();
        Map<String, List<Unit>> districts = new LinkedHashMap<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, "admin-units.tsv", 4)) {
            if (r.col(1).equals("tỉnh")) {
                provinceTypes.put(r.col(0), r.col(2));
            } else if (r.col(1).equals("huyện")) {
                districts.computeIfAbsent(r.col(3), k -> new ArrayList<>()).add(new Unit(r.col(0), r.col(2)));
            }
        }
        List<Province> out = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> e : districts.entrySet()) {
            String type = provinceTypes.get(e.getKey());
            if (type == null) {
                throw new IllegalStateException("admin-units.tsv: districts of [" + e.getKey()
                        + "], which is not listed as a province (level tỉnh)");
            }
            out.add(new Province(e.getKey(), type, List.copyOf(e.getValue())));
        }
        return out;
    }

    public List<Province> provinces() {
        return provinces;
    }

    public List<IssuerSpec> issuers() {
        return issuers;
    }

    public List<Topic> topics() {
        return topics;
    }

    List<String> families() {
        return families;
    }

    List<String> middles() {
        return middles;
    }

    List<String> givens() {
        return givens;
    }

    private static List<String[]> rows(Path configDir, String name, int columns) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(configDir, name), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < columns) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "generator/%s line %d has %d columns, expected %d", name, no, cols.length, columns));
                }
                out.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream open(Path dir, String name) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve("generator").resolve(name))) {
            return Files.newInputStream(dir.resolve("generator").resolve(name));
        }
        InputStream in = GeneratorData.class.getResourceAsStream("/index-config/generator/" + name);
        if (in == null) {
            throw new IllegalStateException("generator/" + name + " is missing from the jar and from " + dir);
        }
        return in;
    }
}
