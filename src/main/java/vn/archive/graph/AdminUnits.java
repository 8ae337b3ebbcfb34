package vn.archive.graph;

import vn.archive.config.ConfigTables;
import vn.archive.text.Locality;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative units of {@code index-config/admin-units.tsv} with their validity dates from
 * {@code admin-unit-changes.tsv}: which provinces and district-level units existed on a given day. Every district-level
 * unit ends on 30 June 2025 (the district level was abolished from 1 July 2025); merged units end the day before
 * their merge. The commune-level units after the reform come from {@code communes.tsv}, for the provinces it covers
 * (Quảng Trị so far); the communes before 1 July 2025 are in no table.
 */
public final class AdminUnits {
    /** The last day of the district level. */
    public static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);

    /**
     * One unit.
     *
     * @param name      its name as printed ("Đơn Dương")
     * @param level     "tỉnh", "huyện" or "xã" (a commune-level unit: xã, phường or đặc khu)
     * @param type      the word printed before its name ("huyện", "thành phố", "thị xã", "tỉnh", "xã", "phường",
     *                  "đặc khu")
     * @param province  its province's name, for a district-level or commune-level unit
     * @param validFrom first day, or null when before any document
     * @param validTo   last day, or null when still valid
     * @param mergedInto the unit it was merged into, or null
     */
    public record Unit(String name, String level, String type, String province, LocalDate validFrom, LocalDate validTo,
                       String mergedInto) {
        /** Whether the unit existed on this day (an unknown day: the unit is taken as existing). */
        public boolean validOn(LocalDate day) {
            return day == null || ((validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo)));
        }
    }

    private final List<Unit> units;
    private final Map<String, List<Unit>> districtsByProvince = new HashMap<>();
    private final Map<String, List<Unit>> communesByProvince = new HashMap<>();
    // by folded name, built once: tracking asks these for every directive, and folding every unit's name per question
    // was most of its cost over the tree's
    private final Map<String, Unit> provinceByName = new HashMap<>();
    private final Map<String, Unit> districtByProvinceAndName = new HashMap<>();
    private final Map<String, List<Unit>> districtsByName = new HashMap<>();
    private final Map<String, List<Unit>> communesByProvinceTypeAndName = new HashMap<>();

    /** The type words of a commune-level unit. */
    private static final List<String> COMMUNE_TYPES = List.of("xã", "phường", "đặc khu");

    private AdminUnits(List<Unit> units) {
        this.units = List.copyOf(units);
        for (Unit u : units) {
            String name = Locality.fold(u.name());
            if (u.level().equals("tỉnh")) {
                provinceByName.putIfAbsent(name, u);
            } else if (u.level().equals("huyện")) {
                String province = Locality.fold(u.province());
                districtsByProvince.computeIfAbsent(province, k -> new ArrayList<>()).add(u);
                districtByProvinceAndName.putIfAbsent(province + "|" + name, u);
                districtsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(u);
            } else if (u.level().equals("xã")) {
                String province = Locality.fold(u.province());
                communesByProvince.computeIfAbsent(province, k -> new ArrayList<>()).add(u);
                communesByProvinceTypeAndName.computeIfAbsent(province + "|" + Locality.fold(u.type()) + "|" + name,
                        k -> new ArrayList<>()).add(u);
            }
        }
    }

    /** The tables of this override folder (null: the packaged ones). */
    public static AdminUnits load(Path configDir) {
        Map<String, ConfigTables.Row> changes = new HashMap<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, "admin-unit-changes.tsv", 7)) {
            changes.put(key(r.col(0), r.col(1), r.col(2)), r);
        }
        List<Unit> units = new ArrayList<>();
        for (ConfigTables.Row r : ConfigTables.read(configDir, "admin-units.tsv", 4)) {
            String level = r.col(1);
            if (!level.equals("tỉnh") && !level.equals("huyện")) {
                continue;
            }
            String name = r.col(0);
            String province = level.equals("huyện") ? r.col(3) : null;
            ConfigTables.Row change = changes.get(key(level, name, province == null ? "-" : province));
            LocalDate from = change == null ? null : date(change, 3);
            LocalDate to = change == null ? null : date(change, 4);
            if (level.equals("huyện") && (to == null || to.isAfter(LAST_DISTRICT_DAY))) {
                to = LAST_DISTRICT_DAY;
            }
            String merged = change == null || change.col(5).isEmpty() ? null : change.col(5);
            units.add(new Unit(name, level, r.col(2), province, from, to, merged));
        }
        for (ConfigTables.Row r : ConfigTables.read(configDir, "communes.tsv", 5)) {
            if (!COMMUNE_TYPES.contains(r.col(0))) {
                throw r.error("not a commune type (xã, phường, đặc khu): [" + r.col(0) + "]");
            }
            if (r.col(3).isEmpty()) {
                throw r.error("a commune needs the day it began (valid_from)");
            }
            units.add(new Unit(r.col(1), "xã", r.col(0), r.col(2), date(r, 3), date(r, 4), null));
        }
        return new AdminUnits(units);
    }

    private static String key(String level, String name, String province) {
        return level + "|" + Locality.fold(name) + "|" + Locality.fold(province);
    }

    private static LocalDate date(ConfigTables.Row r, int col) {
        String v = r.col(col);
        try {
            return v.isEmpty() ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error("not an ISO date in column " + (col + 1) + ": [" + v + "]");
        }
    }

    /** The provinces and centrally governed cities valid on this day. */
    public List<Unit> provinces(LocalDate day) {
        return units.stream().filter(u -> u.level().equals("tỉnh") && u.validOn(day)).toList();
    }

    /** The district-level units of a province (any spelling of its name) valid on this day, in the table's order. */
    public List<Unit> districts(String province, LocalDate day) {
        return districtsByProvince.getOrDefault(Locality.fold(province), List.of()).stream()
                .filter(u -> u.validOn(day)).toList();
    }

    /**
     * The commune-level units (xã, phường, đặc khu) of a province valid on this day, in the table's order. None for
     * an unknown day, a day before the reform or a province the table does not cover: such a class stays as written.
     */
    public List<Unit> communes(String province, LocalDate day) {
        if (day == null) {
            return List.of();
        }
        return communesByProvince.getOrDefault(Locality.fold(province), List.of()).stream()
                .filter(u -> u.validOn(day)).toList();
    }

    /** A commune-level unit of a province by its type word ("phường") and name (any spelling) valid on this day. */
    public Optional<Unit> commune(String province, String type, String name, LocalDate day) {
        if (day == null) {
            return Optional.empty();
        }
        return communesByProvinceTypeAndName.getOrDefault(Locality.fold(province) + "|" + Locality.fold(type) + "|"
                + Locality.fold(name), List.of()).stream().filter(u -> u.validOn(day)).findFirst();
    }

    /** A district-level unit of a province by name (any spelling). */
    public Optional<Unit> district(String province, String name) {
        return Optional.ofNullable(districtByProvinceAndName.get(Locality.fold(province) + "|" + Locality.fold(name)));
    }

    /** The province a district-level unit of this name belongs to, when only one province has one. */
    public Optional<Unit> districtAnywhere(String name) {
        List<Unit> found = districtsByName.getOrDefault(Locality.fold(name), List.of());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** A province by name (any spelling). */
    public Optional<Unit> province(String name) {
        return Optional.ofNullable(provinceByName.get(Locality.fold(name)));
    }
}
