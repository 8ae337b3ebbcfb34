package vn.archive.web;

import vn.archive.graph.AdminUnits;
import vn.archive.search.FacetCount;
import vn.archive.search.IssuerGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browse-by-issuer tree with every issuer put under its real parent body when its name says it (else under
 * the parent its documents' header names): a Party committee's board under the committee ("Ban Dân vận Tỉnh ủy Lâm Đồng" under "Tỉnh ủy Lâm
 * Đồng"), the offices and ministries under the National Assembly or the Government, and the central bodies themselves
 * in a group of their own instead of under "parent unknown". A district's committee and its boards form a group
 * inside their province's committee ("Tỉnh ủy Lâm Đồng" › "Thành ủy Bảo Lộc" › "Ban Dân vận Thành ủy Bảo Lộc").
 */
final class IssuerParents {
    /**
     * A group of the page: its parent body, or a message key naming the group when it has none; a province's
     * committee holds its districts' committees as groups of their own (the count includes theirs).
     */
    record Group(String parent, String label, long count, List<FacetCount> issuers, List<Group> groups) {
        Group(String parent, String label, long count, List<FacetCount> issuers) {
            this(parent, label, count, issuers, List.of());
        }
    }

    /** "Huyện ủy Đơn Dương", "Thành ủy Bảo Lộc": a district's Party committee, with the district's name. */
    private static final Pattern DISTRICT_COMMITTEE = Pattern.compile("(?u)^(Huyện|Thành|Quận|Thị) ủy (.+)$");

    /** The bodies at the top of the State and the Party: the central group. */
    private static final List<String> CENTRAL = List.of("Quốc hội", "Chính phủ", "Chủ tịch nước",
            "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
            "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Kiểm toán nhà nước");
    private static final Pattern UNDER_ASSEMBLY = Pattern.compile("(?iu)(văn phòng|ủy ban thường vụ|hội đồng dân tộc|"
            + "ủy ban (?!nhân dân)[\\p{L} ]+ của) quốc hội|ủy ban thường vụ quốc hội|văn phòng quốc hội");
    private static final Pattern UNDER_GOVERNMENT = Pattern.compile(
            "(?iu)^(văn phòng chính phủ|thủ tướng chính phủ|phủ thủ tướng|bộ (?!chính trị)\\p{L}.*|ủy ban nhân dân (tỉnh|thành phố) .+)$");
    private static final Pattern UNDER_SUPREME_COURT = Pattern.compile("(?iu)^hội đồng thẩm phán tòa án nhân dân tối cao$");
    /** "Ban Dân vận Tỉnh ủy Lâm Đồng", "Ban Thường vụ Huyện ủy Triệu Phong": the committee named at the end. */
    private static final Pattern COMMITTEE_BOARD = Pattern.compile(
            "(?u)^(?:Ban|Văn phòng|Ủy ban Kiểm tra)\\b.*?\\s((?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng) ?ủy\\s.+)$");

    private static final Pattern PARTY_BODY = Pattern.compile("(?iu)Đảng bộ (tỉnh|huyện|thành phố|quận|thị xã) (.+)");

    private IssuerParents() {
    }

    /** The groups to show: the search's groups, with the issuers of unknown parent placed where their name says. */
    static List<Group> of(List<IssuerGroup> groups) {
        Map<String, Map<String, Long>> byParent = new LinkedHashMap<>();
        for (IssuerGroup g : groups) {
            for (FacetCount i : g.issuers()) {
                // the name, when it says, is nearer than the header's top line ("Đảng bộ tỉnh …" above a district board)
                String byName = parentOf(i.value());
                // a district's committee heads the group of its own boards, which its province's committee holds
                String parent = provinceCommittee(i.value()) != null ? i.value()
                        : byName != null ? byName : committee(g.parent());
                byParent.computeIfAbsent(parent == null ? "" : parent, k -> new LinkedHashMap<>())
                        .merge(i.value(), i.count(), Long::sum);
            }
        }
        // third level: a district committee's group goes under its province's committee, when the tables know it
        Map<String, List<Group>> districts = new LinkedHashMap<>();
        for (String parent : List.copyOf(byParent.keySet())) {
            String province = provinceCommittee(parent);
            if (province != null) {
                districts.computeIfAbsent(province, k -> new ArrayList<>()).add(group(parent, byParent.remove(parent),
                        List.of()));
                byParent.putIfAbsent(province, new LinkedHashMap<>());
            }
        }
        List<Group> out = new ArrayList<>();
        byParent.forEach((parent, issuers) -> out.add(group(parent, issuers, districts.getOrDefault(parent, List.of()))));
        out.sort(Comparator.comparing((Group g) -> "browse.noParent".equals(g.label()) && g.parent() == null)
                .thenComparing((Group g) -> g.parent() != null)
                .thenComparing(Group::count, Comparator.reverseOrder())
                .thenComparing(g -> g.parent() == null ? "" : g.parent()));
        return out;
    }

    private static final String CENTRAL_KEY = "\u0000central";

    private static Group group(String parent, Map<String, Long> issuers, List<Group> districts) {
        List<FacetCount> counts = new ArrayList<>();
        issuers.forEach((name, n) -> counts.add(new FacetCount(name, n)));
        counts.sort(Comparator.comparing(FacetCount::count).reversed().thenComparing(FacetCount::value));
        List<Group> sub = new ArrayList<>(districts);
        sub.sort(Comparator.comparing(Group::count, Comparator.reverseOrder()).thenComparing(Group::parent));
        long total = counts.stream().mapToLong(FacetCount::count).sum() + sub.stream().mapToLong(Group::count).sum();
        boolean named = !parent.isEmpty() && !parent.equals(CENTRAL_KEY);
        return new Group(named ? parent : null, parent.isEmpty() ? "browse.noParent" : "browse.central", total, counts,
                List.copyOf(sub));
    }

    /**
     * The committee of the province whose district this committee leads ("Thành ủy Bảo Lộc" → "Tỉnh ủy Lâm Đồng"), or
     * null when the name is not a district's committee or the tables do not know the district's province for sure
     * (a centrally governed city's own committee, "Thành ủy Hà Nội", is a province's).
     */
    static String provinceCommittee(String committee) {
        Matcher m = DISTRICT_COMMITTEE.matcher(committee.strip());
        if (!m.matches() || m.group(1).equals("Thành") && Units.TABLE.province(m.group(2)).isPresent()) {
            return null;
        }
        return Units.TABLE.districtAnywhere(m.group(2))
                .flatMap(d -> Units.TABLE.province(d.province()))
                .map(p -> (p.type().equals("thành phố") ? "Thành ủy " : "Tỉnh ủy ") + p.name())
                .orElse(null);
    }

    /** The packaged administrative units, read at the first tree that needs them. */
    private static final class Units {
        static final AdminUnits TABLE = AdminUnits.load(null);
    }

    /** "Đảng bộ tỉnh Lâm Đồng", a header's top line, is led by its committee: "Tỉnh ủy Lâm Đồng". */
    static String committee(String parent) {
        if (parent == null) {
            return null;
        }
        Matcher m = PARTY_BODY.matcher(parent.strip());
        if (!m.matches()) {
            return parent;
        }
        String type = m.group(1).toLowerCase(Locale.ROOT);
        String head = switch (type) {
            case "tỉnh" -> "Tỉnh ủy";
            case "huyện" -> "Huyện ủy";
            case "thành phố" -> "Thành ủy";
            case "quận" -> "Quận ủy";
            default -> "Thị ủy";
        };
        return head + " " + m.group(2);
    }

    /** The parent body an issuer's name gives, the central group for a central body, or null. */
    static String parentOf(String issuer) {
        String name = issuer.strip();
        if (CENTRAL.stream().anyMatch(c -> c.equalsIgnoreCase(name))) {
            return CENTRAL_KEY;
        }
        if (UNDER_ASSEMBLY.matcher(name).find()) {
            return "Quốc hội";
        }
        if (UNDER_SUPREME_COURT.matcher(name).matches()) {
            return "Tòa án nhân dân tối cao";
        }
        if (UNDER_GOVERNMENT.matcher(name).matches()) {
            return "Chính phủ";
        }
        Matcher board = COMMITTEE_BOARD.matcher(name);
        if (board.matches()) {
            return board.group(1);
        }
        return null;
    }
}
