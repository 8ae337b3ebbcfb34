package vn.archive.meta;

import vn.archive.config.ConfigTables;
import vn.archive.model.DocNumber;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The editable tables from {@code index-config/}: kinds of document, issuer codes, administrative units, signer
 * positions and the proper names that keep their capitals. Loaded once, immutable.
 */
public final class Dictionaries {
    /** A kind of document and the code used for it in symbols. */
    public record Kind(String code, String name) { }

    /** An issuer code from symbols, with the body's name, level and sector. */
    public record IssuerCode(String code, String name, String level, String sector) { }

    /** An administrative unit: "Đơn Dương", level huyện, printed as "huyện", in province "Lâm Đồng". */
    public record AdminUnit(String name, String level, String type, String province) { }

    private final Map<String, Kind> kindsByCode;
    private final List<Kind> kinds;
    /** The kinds' names in capitals, in the order of {@link #kinds} (kindOpeningLine runs on every header line). */
    private final List<String> kindNamesInCapitals;
    private final Map<String, IssuerCode> issuersByCode;
    private final List<IssuerCode> issuers;
    private final List<AdminUnit> units;
    private final List<String> positions;
    private final List<String> properNames;
    private final ReferenceCues relationCues;
    private final Places places;

    private Dictionaries(List<Kind> kinds, List<IssuerCode> issuers, List<AdminUnit> units, List<String> positions,
                         List<String> properNames, ReferenceCues relationCues) {
        this.relationCues = relationCues;
        this.kinds = List.copyOf(kinds);
        this.kindNamesInCapitals = this.kinds.stream().map(k -> k.name().toUpperCase(Locale.ROOT)).toList();
        this.issuers = List.copyOf(issuers);
        this.units = List.copyOf(units);
        this.places = new Places(this.units);
        this.positions = List.copyOf(positions);
        this.properNames = List.copyOf(properNames);
        Map<String, Kind> byCode = new LinkedHashMap<>();
        for (Kind k : kinds) {
            if (!k.code().equals("-")) {
                byCode.putIfAbsent(DocNumber.fold(k.code()), k);
            }
        }
        this.kindsByCode = Collections.unmodifiableMap(byCode);
        Map<String, IssuerCode> issuersBy = new LinkedHashMap<>();
        for (IssuerCode i : issuers) {
            if (!i.code().equals("-")) {
                issuersBy.putIfAbsent(DocNumber.fold(i.code()), i);
            }
        }
        this.issuersByCode = Collections.unmodifiableMap(issuersBy);
    }

    /** Loads the tables from a folder, falling back to the copies packaged in the jar for files it lacks. */
    public static Dictionaries load(Path configDir) {
        return new Dictionaries(
                parse(configDir, "kinds.tsv", cols -> new Kind(cols[0], cols[1]), 2),
                parse(configDir, "issuers.tsv", cols -> new IssuerCode(cols[0], cols[1], cols[2], cols[3]), 4),
                parse(configDir, "admin-units.tsv",
                        cols -> new AdminUnit(cols[0], cols[1], cols[2], cols[3].equals("-") ? null : cols[3]), 4),
                parse(configDir, "positions.tsv", cols -> cols[0], 1),
                parse(configDir, "proper-names.tsv", cols -> cols[0], 1),
                ReferenceCues.load(configDir));
    }

    /** The packaged tables. */
    public static Dictionaries builtIn() {
        return load(null);
    }

    private static <T> List<T> parse(Path dir, String file, Function<String[], T> row, int columns) {
        return ConfigTables.read(dir, file, columns).stream().map(r -> row.apply(r.cols())).toList();
    }

    /** The kind whose symbol code this is ("CV" → Công văn, "NĐ" or "ND" → Nghị định). */
    public Optional<Kind> kindByCode(String code) {
        return Optional.ofNullable(kindsByCode.get(DocNumber.fold(code)));
    }

    /** All kinds, in file order. */
    public List<Kind> kinds() {
        return kinds;
    }

    /** All issuer entries, coded or not, in file order. */
    public List<IssuerCode> issuers() {
        return issuers;
    }

    /** Administrative units, in file order (provinces first). */
    public List<AdminUnit> adminUnits() {
        return units;
    }

    /** The cue words that give a citation its relation, from the same folder as the other tables. */
    public ReferenceCues relationCues() {
        return relationCues;
    }

    /** The administrative units looked up by name, for the place and locality of a document. */
    public Places places() {
        return places;
    }

    /** Signer positions in display casing. */
    public List<String> positions() {
        return positions;
    }

    /** Phrases that keep their capitals in display casing: proper names, issuer names, units and positions. */
    public List<String> casingPhrases() {
        List<String> all = new ArrayList<>(properNames);
        issuers.forEach(i -> all.add(i.name()));
        units.forEach(u -> all.add(u.name()));
        all.addAll(positions);
        return all;
    }

    /** The issuer code ("HU", "TU", "CP"…). */
    public Optional<IssuerCode> issuerByCode(String code) {
        return Optional.ofNullable(issuersByCode.get(DocNumber.fold(code)));
    }

    /** The kind whose name, in capitals, opens this line ("NGHỊ ĐỊNH QUY ĐỊNH…" → Nghị định), longest first. */
    public Optional<Kind> kindOpeningLine(String line) {
        String stripped = line.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        Kind best = null;
        for (int i = 0; i < kinds.size(); i++) {
            Kind k = kinds.get(i);
            String name = kindNamesInCapitals.get(i);
            if (upper.startsWith(name) && (upper.length() == name.length() || !Character.isLetter(upper.charAt(name.length())))
                    && stripped.startsWith(stripped.substring(0, name.length()).toUpperCase(Locale.ROOT))
                    && (best == null || name.length() > best.name().length())) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }
}
