package vn.archive.web;

import vn.archive.model.DocumentMetadata;
import vn.archive.search.FacetCount;
import vn.archive.search.IssuerGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browse-by-issuer tree with every issuer put under its real parent body when its name says it (else under
 * the parent its documents' header names): a Party committee's board under the committee ("Ban Dân vận Tỉnh ủy Lâm Đồng" under "Tỉnh ủy Lâm
 * Đồng"), the offices and ministries under the National Assembly or the Government, and the central bodies themselves
 * in a group of their own instead of under "parent unknown".
 */
final class IssuerParents {
    /** A group of the page: its parent body, or a message key naming the group when it has none. */
    record Group(String parent, String label, long count, List<Issuer> issuers) { }

    /**
     * An issuer of a group: its printed name, its documents, and the issuer facet values that select them (one per
     * parent body its documents' headers name, see {@link DocumentMetadata#issuerFacet()}).
     */
    record Issuer(String value, long count, List<String> filters) { }

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
        Map<String, Map<String, Set<String>>> filters = new LinkedHashMap<>();
        for (IssuerGroup g : groups) {
            for (FacetCount i : g.issuers()) {
                // the name, when it says, is nearer than the header's top line ("Đảng bộ tỉnh …" above a district board)
                String byName = parentOf(i.value());
                String parent = byName != null ? byName : committee(g.parent());
                String key = parent == null ? "" : parent;
                byParent.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(i.value(), i.count(), Long::sum);
                filters.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(i.value(), k -> new TreeSet<>())
                        .add(DocumentMetadata.issuerFacet(i.value(), g.parent()));
            }
        }
        List<Group> out = new ArrayList<>();
        byParent.forEach((parent, issuers) -> {
            List<Issuer> counts = new ArrayList<>();
            issuers.forEach((name, n) -> counts.add(new Issuer(name, n, List.copyOf(filters.get(parent).get(name)))));
            counts.sort(Comparator.comparing(Issuer::count).reversed().thenComparing(Issuer::value));
            long total = counts.stream().mapToLong(Issuer::count).sum();
            boolean named = !parent.isEmpty() && !parent.equals(CENTRAL_KEY);
            out.add(new Group(named ? parent : null, parent.isEmpty() ? "browse.noParent" : "browse.central",
                    total, counts));
        });
        out.sort(Comparator.comparing((Group g) -> "browse.noParent".equals(g.label()) && g.parent() == null)
                .thenComparing((Group g) -> g.parent() != null)
                .thenComparing(Group::count, Comparator.reverseOrder())
                .thenComparing(g -> g.parent() == null ? "" : g.parent()));
        return out;
    }

    private static final String CENTRAL_KEY = "\u0000central";

    /** "Đảng bộ tỉnh Lâm Đồng", a header's top line, is led by its committee: "Tỉnh ủy Lâm Đồng". */
    static String committee(String parent) {
        if (parent == null) {
            return null;
        }
        Matcher m = PARTY_BODY.matcher(parent.strip());
        if (!m.matches()) {
            return parent;
        }
        String type = m.group(1).toLowerCase(java.util.Locale.ROOT);
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
