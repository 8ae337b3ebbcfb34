package vn.archive.graph;

import vn.archive.model.DocumentMetadata;
import vn.archive.text.GraphText;
import vn.archive.text.Locality;
import vn.archive.text.VietnameseNormalizer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concrete units a directive asks to act, from its recipients (Kính gửi), its distribution list (Nơi nhận) and
 * the classes of bodies its text addresses ("các huyện ủy, thành ủy…", "UBND các huyện, thị xã, thành phố"),
 * resolved with the issuer's place and the units valid on the directive's date. A class of district bodies expands
 * to each district-level unit of the issuer's province; from 1 July 2025 a class of commune bodies ("Đảng ủy các xã,
 * phường", "UBND các xã, phường, đặc khu") expands to each commune-level unit of the kinds it names, where the table
 * holds the province's communes; one named body ("UBND huyện", "UBND phường Đông Hà") is one unit; what cannot be
 * resolved (communes elsewhere or before 2025, sở and ban, mass organisations, đảng ủy khối) is kept as written,
 * never dropped. Copies sent
 * up or kept inside ("Như kính gửi", "Lưu VP", "Ban Dân vận Tỉnh ủy (b/c)", "Thường trực …") ask no one to act.
 * Just over 300 lines: reading a recipient line, expanding a class of bodies and resolving one named body are one
 * resolution, sharing the folding of names and the unit table's lookups by place and date.
 */
public final class ExpectedRespondents {
    /** Party bodies and State bodies are different respondents in one district. */
    public enum Sector { PARTY, STATE }

    /**
     * One unit expected to act.
     *
     * @param name  its name ("Huyện ủy Đơn Dương", "UBND thành phố Bảo Lộc")
     * @param level "huyện" or "xã"
     * @param place the district's or commune's name
     */
    public record Unit(String name, String level, String place, Sector sector) {
        /** The key a responding document's issuer is matched on: sector and folded place (a commune's marked apart). */
        public String key() {
            // folded once per unit: units are made from the admin-unit table's names, so the memory stays its size
            return KEYS.computeIfAbsent(this, u -> key(u.sector, "xã".equals(u.level) ? COMMUNE_KEY + u.place : u.place));
        }

        static String key(Sector sector, String place) {
            return sector + "|" + Locality.fold(place);
        }
    }

    /** Each unit's key, folded once (tracking asks it of every expected unit of every directive it tracks). */
    private static final Map<Unit, String> KEYS = new ConcurrentHashMap<>();

    /** What a commune's place is prefixed with in its key, so that a xã never answers for a namesake district. */
    private static final String COMMUNE_KEY = "xã ";

    /**
     * The units, and the recipients that could not be resolved, as written; {@code keys} are the units' keys in their
     * order (folded once, with the answer: tracking matches every responding document on them).
     */
    public record Resolved(List<Unit> units, List<String> unresolved, SequencedSet<String> keys) {
        public Resolved(List<Unit> units, List<String> unresolved) {
            this(List.copyOf(units), List.copyOf(unresolved), Collections.unmodifiableSequencedSet(
                    new LinkedHashSet<>(units.stream().map(Unit::key).toList())));
        }
    }

    private static final Pattern PARTY_CLASS = Pattern.compile("\\bcac (?:ban [a-z ]+ )?(?:huyen|thanh|thi|quan) uy\\b|"
            + "\\b(?:huyen|thanh|thi|quan) uy, (?:huyen|thanh|thi|quan) uy\\b");
    private static final Pattern STATE_CLASS = Pattern.compile("\\b(?:ubnd|uy ban nhan dan) cac (?:huyen|quan|thi xa|thanh pho)\\b");
    private static final Pattern STATE_ONE = Pattern.compile("^(?:ubnd|uy ban nhan dan) (huyen|thanh pho|thi xa|quan)\\b\\s*(.*)$");
    private static final Pattern PARTY_ONE = Pattern.compile("^(?:ban thuong vu |ban [a-z ]+ )?(huyen|thanh|thi|quan) uy\\b\\s*(.*)$");
    /** A class of commune bodies; group 1 lists the kinds it names ("xa, phuong, dac khu"). */
    private static final Pattern COMMUNE_CLASS = Pattern.compile(
            "\\b(?:(?:dang uy|ubnd|uy ban nhan dan) cac|cac (?:dang uy|ubnd|uy ban nhan dan)) "
                    + "((?:(?:xa|phuong|dac khu|thi tran)(?:, | va |,)?)+)");
    private static final Pattern COMMUNE_KIND = Pattern.compile("xa|phuong|dac khu");
    private static final Pattern COMMUNE_ONE = Pattern.compile(
            "^(?:ban thuong vu )?(dang uy|ubnd|uy ban nhan dan) (xa|phuong|dac khu) (.+)$");
    private static final Pattern UNRESOLVABLE_PART = Pattern.compile("\\bdang uy (?:truc thuoc|khoi)|\\bban can su|\\bdang doan");
    private static final Pattern KEPT = Pattern.compile("^(?:nhu (?:kinh gui|tren)|luu\\b|luu[a-z]|thuong truc|ban thuong vu [a-z ]*uy$|van phong)");
    private static final Pattern UP = Pattern.compile("\\(b/c\\)|\\bb/c\\b|\\bbao cao\\b|\\btrung uong\\b|\\btw\\b|\\bchinh phu\\b");
    private static final Pattern PROVINCE_BODY = Pattern.compile("\\btinh uy\\b|\\bubnd tinh\\b|\\buy ban nhan dan tinh\\b");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.;,]+$");

    private ExpectedRespondents() {
    }

    /** The units a directive with this metadata and text asks to act. */
    public static Resolved resolve(DocumentMetadata m, String text, AdminUnits table) {
        return resolve(m, GraphText.of(text), table);
    }

    /**
     * The units a directive with this metadata asks to act, with what its text says as read when it was indexed.
     * An answer is kept under everything it was resolved from (the table, the issuer, level, date, recipients and
     * distribution, and what the text says), so a directive tracked again is not parsed again, and a directive whose
     * recipients or text changed is resolved anew: nothing kept can be stale.
     */
    public static Resolved resolve(DocumentMetadata m, GraphText text, AdminUnits table) {
        Inputs in = new Inputs(table, m.issuer(), m.parentIssuer(), m.level(), m.date(), m.recipients(),
                m.distribution(), text);
        return RESOLVED.get(in, k -> resolveAnew(m, text, table));
    }

    /** What {@link #resolve} reads of a directive: the key its answer is kept under (the table by identity). */
    private record Inputs(AdminUnits table, String issuer, String parentIssuer, String level, LocalDate date,
                          List<String> recipients, List<String> distribution, GraphText text) { }

    /** Directives' resolved units kept, at most 1,024 (least recently asked dropped first). */
    private static final Memo<Inputs, Resolved> RESOLVED = new Memo<>(1_024);

    private static Resolved resolveAnew(DocumentMetadata m, GraphText text, AdminUnits table) {
        Locality where = Locality.ofName(m.issuer()).orElse(Locality.ofName(m.parentIssuer())).orElse(text.place());
        Optional<AdminUnits.Unit> province = Optional.ofNullable(where.province()).flatMap(table::province);
        boolean districtIssuer = "huyện".equals(m.level()) || (m.level() == null && where.district() != null);
        Optional<AdminUnits.Unit> ownDistrict = Optional.empty();
        if (districtIssuer && where.district() != null) {
            ownDistrict = province.isPresent() ? table.district(province.get().name(), where.district())
                    : table.districtAnywhere(where.district());
            if (province.isEmpty()) {
                province = ownDistrict.flatMap(d -> table.province(d.province()));
            }
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        List<String> items = new ArrayList<>(m.recipients());
        items.addAll(m.distribution());
        items.addAll(text.addressed());
        for (String item : items) {
            Line line = Line.of(item);
            if (line.ignored() || line.provinceBody() && (districtIssuer || !line.underProvince())) {
                continue;
            }
            boolean resolved = false;
            if (!districtIssuer && province.isPresent() && line.partyClass()) {
                resolved = expand(table, province.get(), m.date(), Sector.PARTY, units);
            }
            if (!districtIssuer && province.isPresent() && line.stateClass()) {
                resolved |= expand(table, province.get(), m.date(), Sector.STATE, units);
            }
            if (!districtIssuer && province.isPresent() && line.communeKinds() != null) {
                resolved |= expandCommunes(table, province.get(), m.date(), line.communeSector(), line.communeKinds(), units);
            }
            if (!resolved && province.isPresent() && line.commune() != null) {
                Optional<Unit> commune = commune(line.commune(), table, province.get(), m.date());
                commune.ifPresent(u -> units.putIfAbsent(u.key(), u));
                resolved = commune.isPresent();
            }
            if (!resolved) {
                Optional<Unit> one = one(line.bodies(), table, province, ownDistrict, m.date());
                one.ifPresent(u -> units.putIfAbsent(u.key(), u));
                resolved = one.isPresent();
            }
            if (!resolved || line.unresolvablePart()) {
                unresolved.add(line.cleaned());
            }
        }
        return new Resolved(List.copyOf(units.values()), List.copyOf(unresolved));
    }

    private static boolean expand(AdminUnits table, AdminUnits.Unit province, LocalDate date, Sector sector,
                                  Map<String, Unit> units) {
        List<AdminUnits.Unit> districts = table.districts(province.name(), date);
        for (AdminUnits.Unit d : districts) {
            Unit u = unit(d, sector);
            units.putIfAbsent(u.key(), u);
        }
        return !districts.isEmpty();
    }

    /** Each commune-level unit of the kinds the class names, valid on the directive's date. */
    private static boolean expandCommunes(AdminUnits table, AdminUnits.Unit province, LocalDate date, Sector sector,
                                          Set<String> kinds, Map<String, Unit> units) {
        boolean any = false;
        for (AdminUnits.Unit c : table.communes(province.name(), date)) {
            if (kinds.contains(fold(c.type()))) {
                Unit u = communeUnit(c, sector);
                units.putIfAbsent(u.key(), u);
                any = true;
            }
        }
        return any;
    }

    /** One named commune body of the issuer's province: "UBND phường Đông Hà", "Đảng ủy xã Ái Tử". */
    private static Optional<Unit> commune(Named named, AdminUnits table, AdminUnits.Unit province, LocalDate date) {
        return table.commune(province.name(), named.kind(), named.name(), date).map(c -> communeUnit(c, named.sector()));
    }

    private static Unit communeUnit(AdminUnits.Unit c, Sector sector) {
        String body = sector == Sector.PARTY ? "Đảng ủy " : "UBND ";
        return new Unit(body + c.type() + " " + c.name(), "xã", c.name(), sector);
    }

    /** One named body: "UBND huyện" (the issuer's district), "UBND huyện Lâm Hà", "Huyện ủy Đơn Dương". */
    private static Optional<Unit> one(List<Named> bodies, AdminUnits table, Optional<AdminUnits.Unit> province,
                                      Optional<AdminUnits.Unit> ownDistrict, LocalDate date) {
        for (Named body : bodies) {
            Optional<AdminUnits.Unit> d;
            if (body.name().isEmpty()) {
                d = ownDistrict;
            } else {
                d = province.isPresent() ? table.district(province.get().name(), body.name())
                        : table.districtAnywhere(body.name());
            }
            Optional<Unit> u = d.filter(x -> x.validOn(date)).map(x -> unit(x, body.sector()));
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    /** A body a recipient line names: its sector, its kind ("xa", "phuong"; null for a district's) and its name. */
    private record Named(Sector sector, String kind, String name) { }

    /**
     * What the patterns read of one recipient line, whatever directive it is in: read once per line and kept by
     * line (a province's letters repeat their recipient lines), the issuer's place and the date applied per
     * directive.
     *
     * @param ignored       empty, a copy kept or sent up ("Lưu VP", "(b/c)"): asks no one to act
     * @param provinceBody  names a provincial body; {@code underProvince}: as "các … trực thuộc" or "các …"
     * @param communeKinds  the kinds a class of commune bodies names ({@code communeSector}'s), null for none
     * @param commune       the one commune body named, or null
     * @param bodies        the district bodies named ("UBND huyện Lâm Hà"), State's first
     */
    private record Line(boolean ignored, boolean provinceBody, boolean underProvince, boolean partyClass,
                        boolean stateClass, Sector communeSector, Set<String> communeKinds, Named commune,
                        List<Named> bodies, boolean unresolvablePart, String cleaned) {
        /** Lines read, at most 4,096 (least recently asked dropped first). */
        private static final Memo<String, Line> READ = new Memo<>(4_096);

        static Line of(String item) {
            return READ.get(item, Line::read);
        }

        private static Line read(String item) {
            String f = fold(item);
            Matcher communes = COMMUNE_CLASS.matcher(f);
            Sector communeSector = null;
            Set<String> kinds = null;
            if (communes.find()) {
                communeSector = communes.group().contains("dang uy") ? Sector.PARTY : Sector.STATE;
                kinds = new LinkedHashSet<>();
                Matcher k = COMMUNE_KIND.matcher(communes.group(1));
                while (k.find()) {
                    kinds.add(k.group());
                }
            }
            Matcher one = COMMUNE_ONE.matcher(f);
            Named commune = one.find() ? new Named(one.group(1).equals("dang uy") ? Sector.PARTY : Sector.STATE,
                    one.group(2), trimPunctuation(one.group(3)).strip()) : null;
            List<Named> bodies = new ArrayList<>();
            for (Pattern p : List.of(STATE_ONE, PARTY_ONE)) {
                Matcher m = p.matcher(f);
                if (m.find() && !f.startsWith("cac ")) {
                    bodies.add(new Named(p == STATE_ONE ? Sector.STATE : Sector.PARTY, null,
                            trimPunctuation(m.group(2)).strip()));
                }
            }
            return new Line(f.isEmpty() || KEPT.matcher(f).find() || UP.matcher(f).find(),
                    PROVINCE_BODY.matcher(f).find(), f.contains("truc thuoc") || f.startsWith("cac "),
                    PARTY_CLASS.matcher(f).find(), STATE_CLASS.matcher(f).find(), communeSector,
                    kinds == null ? null : Collections.unmodifiableSet(kinds), commune, List.copyOf(bodies),
                    UNRESOLVABLE_PART.matcher(f).find(), clean(item));
        }
    }

    private static Unit unit(AdminUnits.Unit d, Sector sector) {
        String name = switch (sector) {
            case PARTY -> switch (d.type()) {
                case "thành phố" -> "Thành ủy ";
                case "thị xã" -> "Thị ủy ";
                case "quận" -> "Quận ủy ";
                default -> "Huyện ủy ";
            } + d.name();
            case STATE -> "UBND " + d.type() + " " + d.name();
        };
        return new Unit(name, "huyện", d.name(), sector);
    }

    /**
     * The key a responding commune body ("Ban Thường vụ Đảng ủy xã Ái Tử", "UBND phường Đông Hà") is matched on, or
     * empty when its issuer names no commune.
     */
    public static Optional<String> communeKey(String issuer) {
        Matcher m = COMMUNE_ONE.matcher(fold(issuer == null ? "" : issuer));
        return m.find() ? Optional.of(Unit.key(sectorOf(issuer), COMMUNE_KEY + trimPunctuation(m.group(3)).strip()))
                : Optional.empty();
    }

    /** The sector of a responding body: State for people's committees and councils, else Party. */
    public static Sector sectorOf(String issuer) {
        String f = fold(issuer == null ? "" : issuer);
        return f.contains("ubnd") || f.contains("uy ban nhan dan") || f.contains("hoi dong nhan dan") || f.contains("hdnd")
                ? Sector.STATE : Sector.PARTY;
    }

    private static String fold(String s) {
        return SPACES.matcher(VietnameseNormalizer.fold(s).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String clean(String item) {
        return trimPunctuation(item.strip());
    }

    /** Without the punctuation a list item ends with ("Huyện ủy Lâm Hà;" → "Huyện ủy Lâm Hà"). */
    private static String trimPunctuation(String s) {
        return TRAILING_PUNCTUATION.matcher(s).replaceAll("");
    }
}
