package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.search.FacetCount;
import vn.archive.search.IssuerGroup;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Browse by issuer puts each issuer under its real parent, with the issuers and parents of the sample corpus. */
class IssuerParentsTest {
    /** The tree as the search builds it from the sample corpus's headers. */
    private static final List<IssuerGroup> CORPUS = List.of(
            new IssuerGroup("Đảng bộ tỉnh Lâm Đồng", 2, List.of(new FacetCount("Ban Dân vận Huyện ủy Đơn Dương", 1),
                    new FacetCount("Thành ủy Bảo Lộc", 1))),
            new IssuerGroup("Bộ Tài chính", 1, List.of(new FacetCount("Tổng cục Hải quan", 1))),
            new IssuerGroup("Đảng bộ tỉnh Quảng Trị", 1, List.of(new FacetCount("Ban Thường vụ Huyện ủy Triệu Phong", 1))),
            new IssuerGroup(null, 12, List.of(new FacetCount("Quốc hội", 4), new FacetCount("Chính phủ", 2),
                    new FacetCount("Văn phòng Quốc hội", 1), new FacetCount("Bộ Tài chính", 1),
                    new FacetCount("Hội đồng Thẩm phán Tòa án nhân dân tối cao", 1),
                    new FacetCount("Bộ Tài chính - Bộ Nông nghiệp và Phát triển nông thôn - Bộ Y tế", 1),
                    new FacetCount("Thủ tướng Chính phủ", 1), new FacetCount("Ban Dân vận Tỉnh ủy Lâm Đồng", 1))));

    @Test
    void boards_go_under_their_committee_and_offices_and_ministries_under_the_assembly_or_the_government() {
        Map<String, List<String>> tree = IssuerParents.of(CORPUS).stream()
                .flatMap(g -> java.util.stream.Stream.concat(java.util.stream.Stream.of(g), g.groups().stream()))
                .collect(Collectors.toMap(g -> g.parent() != null ? g.parent() : g.label(),
                        g -> g.issuers().stream().map(FacetCount::value).toList()));
        assertEquals(List.of("Ban Dân vận Huyện ủy Đơn Dương"), tree.get("Huyện ủy Đơn Dương"));
        assertEquals(List.of("Ban Thường vụ Huyện ủy Triệu Phong"), tree.get("Huyện ủy Triệu Phong"));
        assertEquals(List.of("Thành ủy Bảo Lộc"), tree.get("Thành ủy Bảo Lộc"), "a district committee heads its group");
        assertEquals(List.of("Ban Dân vận Tỉnh ủy Lâm Đồng"), tree.get("Tỉnh ủy Lâm Đồng"),
                "the header's parent otherwise, led by its committee");
        assertNull(tree.get("Đảng bộ tỉnh Lâm Đồng"), "one group for the province's Party body: " + tree);
        assertEquals(List.of("Văn phòng Quốc hội"), tree.get("Quốc hội"));
        assertTrue(tree.get("Chính phủ").containsAll(List.of("Bộ Tài chính", "Thủ tướng Chính phủ",
                "Bộ Tài chính - Bộ Nông nghiệp và Phát triển nông thôn - Bộ Y tế")), tree.toString());
        assertEquals(List.of("Hội đồng Thẩm phán Tòa án nhân dân tối cao"), tree.get("Tòa án nhân dân tối cao"));
        assertEquals(List.of("Quốc hội", "Chính phủ"), tree.get("browse.central"));
        assertEquals(List.of("Tổng cục Hải quan"), tree.get("Bộ Tài chính"));
        assertNull(tree.get("browse.noParent"), "no issuer of the sample is left without a parent: " + tree);
    }

    @Test
    void the_central_group_comes_first_and_issuers_of_unknown_parent_last_with_every_count_kept() {
        List<IssuerParents.Group> groups = IssuerParents.of(List.of(new IssuerGroup(null, 3,
                List.of(new FacetCount("Quốc hội", 2), new FacetCount("Hợp tác xã Nông nghiệp An Phú", 1)))));
        assertEquals("browse.central", groups.getFirst().label());
        assertEquals("browse.noParent", groups.getLast().label());
        assertEquals(3, groups.stream().mapToLong(IssuerParents.Group::count).sum());
    }

    @Test
    void a_district_committee_and_its_boards_sit_inside_the_committee_of_the_province_the_tables_give() {
        List<IssuerParents.Group> groups = IssuerParents.of(CORPUS);
        Map<String, IssuerParents.Group> top = groups.stream().filter(g -> g.parent() != null)
                .collect(Collectors.toMap(IssuerParents.Group::parent, g -> g));
        assertEquals(List.of("Huyện ủy Đơn Dương", "Thành ủy Bảo Lộc"),
                top.get("Tỉnh ủy Lâm Đồng").groups().stream().map(IssuerParents.Group::parent).sorted().toList());
        assertEquals(3, top.get("Tỉnh ủy Lâm Đồng").count(), "the province counts its districts' documents");
        assertEquals(List.of("Huyện ủy Triệu Phong"),
                top.get("Tỉnh ủy Quảng Trị").groups().stream().map(IssuerParents.Group::parent).toList(),
                "a province whose committee issued nothing here still holds its districts");
        assertNull(top.get("Huyện ủy Đơn Dương"), "not also at the top");
        assertEquals(CORPUS.stream().mapToLong(IssuerGroup::count).sum(),
                groups.stream().mapToLong(IssuerParents.Group::count).sum(), "every document counted once");
    }

    @Test
    void only_districts_the_tables_place_in_one_province_are_nested() {
        assertEquals("Tỉnh ủy Lâm Đồng", IssuerParents.provinceCommittee("Thành ủy Bảo Lộc"));
        assertEquals("Tỉnh ủy Lâm Đồng", IssuerParents.provinceCommittee("Huyện ủy Đơn Dương"));
        assertEquals("Thành ủy Hà Nội", IssuerParents.provinceCommittee("Huyện ủy Sóc Sơn"));
        assertNull(IssuerParents.provinceCommittee("Thành ủy Hà Nội"), "a centrally governed city's own committee");
        assertNull(IssuerParents.provinceCommittee("Huyện ủy Châu Thành"), "a district name of several provinces");
        assertNull(IssuerParents.provinceCommittee("Ban Dân vận Huyện ủy Đơn Dương"), "a board, not a committee");
    }
}
