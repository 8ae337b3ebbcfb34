package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.meta.Dictionaries;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolution rules on constructed metadata, as the metadata engineer's issuer, parent body and place fill it. */
class ReferenceSnapshotTest {
    private static final Dictionaries DICT = Dictionaries.builtIn();

    private static ReferenceSnapshot.Entry doc(String id, String number, LocalDate date, String issuer, String parent,
                                               String place, Reference... refs) {
        DocumentMetadata m = DocumentMetadata.builder().number(number).date(date).issuer(issuer).parentIssuer(parent)
                .place(place).references(List.of(refs)).build();
        return ReferenceSnapshot.entry(id, m, () -> "", DICT);
    }

    private static Reference cites(String number, Relation relation) {
        return new Reference(null, number, null, null, relation, "số " + number, 0, 1);
    }

    private static ReferenceSnapshot.Entry donDuongPlan() {
        return doc("plan", null, LocalDate.of(2020, 3, 20), "Ban Dân vận Huyện ủy Đơn Dương", "Đảng bộ tỉnh Lâm Đồng",
                "Đơn Dương", cites("13-NQ/HU", Relation.IMPLEMENTS), cites("75-KH/BDVTU", Relation.IMPLEMENTS));
    }

    private static ReferenceSnapshot.Entry donDuong13() {
        return doc("dd13", "13-NQ/HU", LocalDate.of(2019, 12, 2), "Huyện ủy Đơn Dương", "Đảng bộ tỉnh Lâm Đồng", "Đơn Dương");
    }

    private static ReferenceSnapshot.Entry lamHa13() {
        return doc("lh13", "13-NQ/HU", LocalDate.of(2019, 11, 20), "Huyện ủy Lâm Hà", "Đảng bộ tỉnh Lâm Đồng", "Lâm Hà");
    }

    private static ReferenceSnapshot of(ReferenceSnapshot.Entry... docs) {
        return ReferenceSnapshot.of(List.of(docs), DICT);
    }

    @Test
    void a_district_symbol_resolves_inside_the_citing_district_only() {
        ReferenceSnapshot s = of(donDuongPlan(), lamHa13(), donDuong13());
        assertEquals("dd13", s.outgoing("plan").get(0).targetId());
        assertTrue(s.incoming("doc:lh13").isEmpty(), "Lâm Hà's 13-NQ/HU is never the one Đơn Dương cites");
    }

    @Test
    void another_districts_number_alone_leaves_a_placeholder_not_a_wrong_link() {
        ReferenceSnapshot s = of(donDuongPlan(), lamHa13());
        ReferenceSnapshot.Edge e = s.outgoing("plan").get(0);
        assertNull(e.targetId());
        assertEquals("num:13/NQ-HU@LAM DONG/DON DUONG", e.target());
    }

    @Test
    void a_local_number_in_many_districts_resolves_as_with_few() {
        // 13-NQ/HU in every district of Lâm Đồng, several years: more namesakes than a citation looks at one by one
        List<String> districts = List.of("Lâm Hà", "Đức Trọng", "Di Linh", "Bảo Lâm", "Đạ Huoai", "Đạ Tẻh", "Cát Tiên",
                "Lạc Dương", "Đam Rông");
        List<ReferenceSnapshot.Entry> docs = new ArrayList<>();
        for (int year = 2017; year <= 2019; year++) {
            for (String d : districts) {
                docs.add(doc(d + year, "13-NQ/HU", LocalDate.of(year, 11, 20), "Huyện ủy " + d,
                        "Đảng bộ tỉnh Lâm Đồng", d));
            }
        }
        assertTrue(docs.size() > 16);
        ReferenceSnapshot without = ReferenceSnapshot.of(append(docs, donDuongPlan()), DICT);
        assertEquals("num:13/NQ-HU@LAM DONG/DON DUONG", without.outgoing("plan").get(0).target(),
                "no Đơn Dương namesake: a placeholder, whatever the other districts hold");
        ReferenceSnapshot with = ReferenceSnapshot.of(append(append(docs, donDuong13()), donDuongPlan()), DICT);
        assertEquals("doc:dd13", with.outgoing("plan").get(0).target());
        ReferenceSnapshot.Entry diLinhPlan = doc("dlplan", null, LocalDate.of(2018, 12, 1), "Ban Dân vận Huyện ủy Di Linh",
                "Đảng bộ tỉnh Lâm Đồng", "Di Linh", new Reference(null, "13-NQ/HU", LocalDate.of(2018, 11, 20), null,
                        Relation.IMPLEMENTS, "Nghị quyết số 13-NQ/HU ngày 20/11/2018", 0, 1));
        ReferenceSnapshot diLinh = ReferenceSnapshot.of(append(docs, diLinhPlan), DICT);
        assertEquals("doc:Di Linh2018", diLinh.outgoing("dlplan").get(0).target(),
                "the district's namesakes of three years, narrowed by the cited date");
    }

    private static List<ReferenceSnapshot.Entry> append(List<ReferenceSnapshot.Entry> docs, ReferenceSnapshot.Entry e) {
        List<ReferenceSnapshot.Entry> all = new ArrayList<>(docs);
        all.add(e);
        return all;
    }

    @Test
    void a_placeholder_links_by_itself_when_the_cited_document_arrives() {
        ReferenceSnapshot before = of(donDuongPlan());
        assertEquals("num:13/NQ-HU@LAM DONG/DON DUONG", before.outgoing("plan").get(0).target());
        ReferenceSnapshot after = of(donDuongPlan(), donDuong13());
        assertEquals("doc:dd13", after.outgoing("plan").get(0).target());
    }

    @Test
    void a_provincial_symbol_resolves_inside_the_citing_province() {
        ReferenceSnapshot.Entry lamDong75 = doc("ld75", "75-KH/BDVTU", LocalDate.of(2020, 3, 3), "Ban Dân vận Tỉnh ủy Lâm Đồng",
                "Đảng bộ tỉnh Lâm Đồng", "Đà Lạt");
        ReferenceSnapshot.Entry quangTri75 = doc("qt75", "75-KH/BDVTU", LocalDate.of(2020, 3, 3), "Ban Dân vận Tỉnh ủy Quảng Trị",
                "Đảng bộ tỉnh Quảng Trị", "Đông Hà");
        ReferenceSnapshot s = of(quangTri75, donDuongPlan(), lamDong75);
        assertEquals("ld75", s.outgoing("plan").get(1).targetId());
    }

    @Test
    void central_symbols_are_unique_nationally() {
        ReferenceSnapshot.Entry tw = doc("tw25", "25-NQ/TW", LocalDate.of(2013, 6, 3), "Ban Chấp hành Trung ương", null, "Hà Nội");
        ReferenceSnapshot.Entry anywhere = doc("tp", "374-CV/HU", LocalDate.of(2019, 7, 30), "Ban Thường vụ Huyện ủy Triệu Phong",
                "Đảng bộ tỉnh Quảng Trị", "Triệu Phong", cites("25-NQ/TW", Relation.IMPLEMENTS));
        assertEquals("tw25", of(anywhere, tw).outgoing("tp").get(0).targetId());
    }

    @Test
    void a_local_number_from_a_document_of_unknown_place_is_flagged_not_guessed() {
        ReferenceSnapshot.Entry nowhere = doc("x", null, null, null, null, null, cites("13-NQ/HU", Relation.MENTIONS));
        ReferenceSnapshot s = of(nowhere, donDuong13());
        assertNull(s.outgoing("x").get(0).targetId());
        assertTrue(s.warnings("x").stream().anyMatch(w -> w.contains("địa phương")), s.warnings("x")::toString);
    }

    @Test
    void two_candidates_without_a_date_to_tell_them_apart_stay_unlinked_with_a_warning() {
        ReferenceSnapshot.Entry a = doc("a", "17/VBHN-VPQH", LocalDate.of(2018, 12, 10), null, null, "Hà Nội");
        ReferenceSnapshot.Entry b = doc("b", "17/VBHN-VPQH", LocalDate.of(2024, 9, 16), null, null, "Hà Nội");
        ReferenceSnapshot.Entry c = doc("c", "1/2025/TT-BTC", LocalDate.of(2025, 1, 1), null, null, "Hà Nội",
                cites("17/VBHN-VPQH", Relation.BASED_ON),
                new Reference(null, "17/VBHN-VPQH", LocalDate.of(2024, 9, 16), null, Relation.BASED_ON, "t", 0, 1));
        ReferenceSnapshot s = of(a, b, c);
        assertNull(s.outgoing("c").get(0).targetId());
        assertEquals("b", s.outgoing("c").get(1).targetId(), "the cited date picks one");
        assertTrue(s.warnings("c").stream().anyMatch(w -> w.contains("khớp với 2")), s.warnings("c")::toString);
    }

    @Test
    void the_same_number_twice_from_one_issuer_in_one_year_is_flagged() {
        ReferenceSnapshot.Entry again = doc("dd13bis", "13-NQ/HU", LocalDate.of(2019, 3, 1), "Huyện ủy Đơn Dương",
                "Đảng bộ tỉnh Lâm Đồng", "Đơn Dương");
        ReferenceSnapshot s = of(donDuong13(), again, lamHa13());
        assertTrue(s.warnings("dd13").stream().anyMatch(w -> w.startsWith("Trùng số") && w.contains("dd13bis")));
        assertTrue(s.warnings("lh13").stream().noneMatch(w -> w.startsWith("Trùng số")), "another district's 13 is no duplicate");
    }

    @Test
    void a_cited_document_dated_after_the_citing_one_is_flagged() {
        ReferenceSnapshot.Entry tu = doc("tu352", "352-CV/TU", LocalDate.of(2021, 4, 13), "Ban Thường vụ Tỉnh ủy Lâm Đồng",
                "Đảng bộ tỉnh Lâm Đồng", "Đà Lạt");
        ReferenceSnapshot.Entry baoLoc = doc("bl", "134-CV/ThU", LocalDate.of(2020, 4, 28), "Thành ủy Bảo Lộc",
                "Đảng bộ tỉnh Lâm Đồng", "Bảo Lộc", cites("352-CV/TU", Relation.IMPLEMENTS));
        ReferenceSnapshot s = of(tu, baoLoc);
        assertEquals("tu352", s.outgoing("bl").get(0).targetId());
        assertTrue(s.warnings("bl").stream().anyMatch(w -> w.contains("352-CV/TU") && w.contains("13/04/2021")),
                s.warnings("bl")::toString);
    }

    @Test
    void the_graph_does_not_depend_on_the_order_documents_come_in() {
        List<ReferenceSnapshot.Entry> docs = new ArrayList<>(List.of(donDuongPlan(), donDuong13(), lamHa13(),
                doc("tw25", "25-NQ/TW", LocalDate.of(2013, 6, 3), null, null, null),
                doc("dd14", "14-NQ/HU", LocalDate.of(2020, 1, 5), "Huyện ủy Đơn Dương", "Đảng bộ tỉnh Lâm Đồng", "Đơn Dương",
                        cites("25-NQ/TW", Relation.IMPLEMENTS), cites("13-NQ/HU", Relation.AMENDS))));
        ReferenceSnapshot forward = ReferenceSnapshot.of(docs, DICT);
        Collections.reverse(docs);
        ReferenceSnapshot reverse = ReferenceSnapshot.of(docs, DICT);
        assertEquals(forward.signature(), reverse.signature());
        assertNotEquals(0, forward.signature().size());
    }
}
