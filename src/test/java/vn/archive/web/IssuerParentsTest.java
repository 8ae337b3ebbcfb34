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
        Map<String, List<String>> tree = IssuerParents.of(CORPUS).stream().collect(Collectors.toMap(
                g -> g.parent() != null ? g.parent() : g.label(),
                g -> g.issuers().stream().map(IssuerParents.Issuer::value).toList()));
        assertEquals(List.of("Ban Dân vận Huyện ủy Đơn Dương"), tree.get("Huyện ủy Đơn Dương"));
        assertEquals(List.of("Ban Thường vụ Huyện ủy Triệu Phong"), tree.get("Huyện ủy Triệu Phong"));
        assertEquals(List.of("Ban Dân vận Tỉnh ủy Lâm Đồng", "Thành ủy Bảo Lộc"), tree.get("Tỉnh ủy Lâm Đồng"),
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
    void an_issuer_shown_once_under_one_committee_selects_the_documents_of_each_parent_its_headers_name() {
        List<IssuerParents.Group> groups = IssuerParents.of(List.of(
                new IssuerGroup("Đảng bộ tỉnh Lâm Đồng", 2, List.of(new FacetCount("Ban Tuyên giáo", 2))),
                new IssuerGroup("Tỉnh ủy Lâm Đồng", 1, List.of(new FacetCount("Ban Tuyên giáo", 1))),
                new IssuerGroup("Tỉnh ủy Quảng Trị", 1, List.of(new FacetCount("Ban Tuyên giáo", 1)))));
        Map<String, IssuerParents.Issuer> byParent = groups.stream()
                .collect(Collectors.toMap(IssuerParents.Group::parent, g -> g.issuers().getFirst()));
        assertEquals(new IssuerParents.Issuer("Ban Tuyên giáo", 3,
                List.of("Ban Tuyên giáo · Tỉnh ủy Lâm Đồng", "Ban Tuyên giáo · Đảng bộ tỉnh Lâm Đồng")),
                byParent.get("Tỉnh ủy Lâm Đồng"), "one line under the committee, both facet values behind its link");
        assertEquals(List.of("Ban Tuyên giáo · Tỉnh ủy Quảng Trị"), byParent.get("Tỉnh ủy Quảng Trị").filters());
    }
}
