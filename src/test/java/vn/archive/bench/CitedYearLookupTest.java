package vn.archive.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.index.GraphLookups;
import vn.archive.index.LuceneGraphLookups;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Reference;
import vn.archive.model.Relation;
import vn.archive.model.SourceInfo;
import vn.archive.search.LuceneReferenceGraph;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local number recurs in its province every year (1/QĐ-UBND of Quảng Trị, 2010 to 2025) and a Party number every
 * term (1-QĐ/TU): the index files each citation's place term with the year it dates the cited document in, so the
 * tree of one year's namesake reads that year's citers and the undated ones, not every year's; and every tree is the
 * whole-archive snapshot's, including the turns that do not follow the year (a Party citation dated later in the
 * same term or undated in a plan of that term, a namesake citing its own number with one other namesake left, in
 * its province or in a district two provinces share the name of, a Party-style citation of a State number, undated
 * and unmatched citations).
 */
class CitedYearLookupTest {
    private static final String QT = "Ủy ban nhân dân tỉnh Quảng Trị";
    private static final String QB = "Ủy ban nhân dân tỉnh Quảng Bình";
    private static final String TU = "Tỉnh ủy Quảng Trị";
    private static final String QG = "Ủy ban nhân dân tỉnh Quảng Ngãi";
    private static final int CITERS_A_YEAR = 4;
    @TempDir
    static Path dir;
    private static LuceneIndex index;
    private static final List<String> ROOTS = new ArrayList<>();

    private static ArchivedDocument doc(String id, String kind, String number, LocalDate date, String issuer,
                                        List<Reference> refs) {
        DocumentMetadata m = DocumentMetadata.builder().kind(kind).number(number).date(date).issuer(issuer)
                .title(kind + " " + id).references(refs).build();
        return new ArchivedDocument(id, m, new SourceInfo(id + ".txt", id + "0".repeat(60), "text/plain", false, 10,
                List.of()), kind + " của " + issuer + ".", List.of());
    }

    private static Reference cites(String kind, String number, LocalDate date, String issuer) {
        return new Reference(kind, number, date, issuer, Relation.IMPLEMENTS, "thực hiện " + kind + " số " + number, 0, 10);
    }

    @BeforeAll
    static void archive() throws IOException {
        index = LuceneIndex.open(dir.resolve("index"));
        for (int y = 2010; y <= 2025; y++) {
            LocalDate day = LocalDate.of(y, 1, 5);
            add(doc("qt-" + y, "Quyết định", "1/QĐ-UBND", day, QT, List.of()));
            ROOTS.add("qt-" + y);
            for (int i = 0; i < CITERS_A_YEAR; i++) {
                // the districts' plans implementing that year's decision, one of them dated a few days off
                LocalDate cited = i == 0 ? day.plusDays(3) : day;
                add(doc("kh-" + y + "-" + i, "Kế hoạch", null, day.plusMonths(2), "Ủy ban nhân dân huyện Triệu Phong",
                        List.of(cites("Quyết định", "1/QĐ-UBND", cited, QT))));
            }
        }
        // undated: 16 namesakes to choose from, no link; dated in a year without one: no link either
        add(doc("kh-undated", "Kế hoạch", null, LocalDate.of(2019, 3, 1), "Ủy ban nhân dân huyện Hải Lăng",
                List.of(cites("Quyết định", "1/QĐ-UBND", null, QT))));
        add(doc("kh-2009", "Kế hoạch", null, LocalDate.of(2009, 3, 1), "Ủy ban nhân dân huyện Hải Lăng",
                List.of(cites("Quyết định", "1/QĐ-UBND", LocalDate.of(2009, 1, 5), QT))));
        // the Party's number restarts each term: a citation dated later in a term means that term's namesake
        for (int y : new int[]{2011, 2016, 2021}) {
            add(doc("tu-" + y, "Quyết định", "1-QĐ/TU", LocalDate.of(y, 2, 1), TU, List.of()));
            ROOTS.add("tu-" + y);
            for (int later = 0; later < 4; later++) {
                add(doc("hu-" + y + "-" + later, "Kế hoạch", (later + 1) + "-KH/HU", LocalDate.of(y + later, 6, 1),
                        "Huyện ủy Triệu Phong", List.of(cites("Quyết định", "1-QĐ/TU", LocalDate.of(y + later, 2, 1), TU))));
            }
        }
        add(doc("hu-undated", "Kế hoạch", "9-KH/HU", LocalDate.of(2017, 6, 1), "Huyện ủy Triệu Phong",
                List.of(cites("Quyết định", "1-QĐ/TU", null, TU))));
        // one namesake a term; a citation in the Party's style (1-QĐ/UBND, the same key) means the namesake of the
        // term holding its date, issued two years before it
        for (int y : new int[]{2012, 2017, 2022}) {
            add(doc("qg-" + y, "Quyết định", "1/QĐ-UBND", LocalDate.of(y, 1, 5), QG, List.of()));
            ROOTS.add("qg-" + y);
        }
        add(doc("kh-qg-dashed", "Kế hoạch", null, LocalDate.of(2019, 3, 1), "Ủy ban nhân dân huyện Bình Sơn",
                List.of(cites("Quyết định", "1-QĐ/UBND", LocalDate.of(2019, 1, 5), QG))));
        // two namesakes, one citing its own number dated in its own year: the other is the one it can mean; the
        // other has a scanned rendition besides, so the index holds three documents under the number there
        add(doc("qb-2018", "Quyết định", "1/QĐ-UBND", LocalDate.of(2018, 1, 5), QB, List.of()));
        ArchivedDocument typed = doc("qb-2018", "Quyết định", "1/QĐ-UBND", LocalDate.of(2018, 1, 5), QB, List.of());
        add(new ArchivedDocument("qb-2018-scan", typed.metadata(), new SourceInfo("qb-2018-scan.pdf", "f".repeat(64),
                "application/pdf", true, 10, List.of()), typed.text(), List.of(ArchivedDocument.sameDirectiveNote("qb-2018"))));
        add(doc("qb-2019", "Quyết định", "1/QĐ-UBND", LocalDate.of(2019, 1, 5), QB,
                List.of(cites("Quyết định", "1/QĐ-UBND", LocalDate.of(2019, 1, 5), QB))));
        // a district's number in two provinces' Châu Thành: Tiền Giang's 2021 namesake cites its own number in its
        // own year, and the only other namesake it can mean is Tiền Giang's 2016 one (Bến Tre's are another place)
        for (String province : new String[]{"Tiền Giang", "Bến Tre"}) {
            for (int y : new int[]{2016, 2021}) {
                String id = "ct-" + province.charAt(0) + "-" + y;
                add(doc(id, "Quyết định", "1-QĐ/HU", LocalDate.of(y, 2, 1), "Huyện ủy Châu Thành tỉnh " + province,
                        id.equals("ct-T-2021") ? List.of(cites("Quyết định", "1-QĐ/HU", LocalDate.of(y, 2, 1),
                                "Huyện ủy Châu Thành tỉnh " + province)) : List.of()));
                ROOTS.add(id);
            }
        }
        ROOTS.add("qb-2018");
        ROOTS.add("qb-2018-scan");
        ROOTS.add("qb-2019");
        index.commit();
    }

    private static void add(ArchivedDocument d) throws IOException {
        index.upsert(d);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** The index's lookups, counting the documents read, a view per question; as filed without years unless {@code years}. */
    private static GraphLookups counted(boolean years, AtomicInteger read) {
        return TreeLookupCountTest.counted(new LuceneGraphLookups(index), true, years, false, read);
    }

    @Test
    void every_namesakes_tree_is_the_snapshots_read_by_year_or_not() throws IOException {
        ReferenceGraph snapshot = new LuceneReferenceGraph(index, Dictionaries.builtIn());
        ReferenceGraph byYear = SnapshotReferenceGraph.perQuery(counted(true, new AtomicInteger()), Dictionaries.builtIn());
        ReferenceGraph byPlace = SnapshotReferenceGraph.perQuery(counted(false, new AtomicInteger()), Dictionaries.builtIn());
        for (String id : ROOTS) {
            Optional<ReferenceGraph.ImplementationNode> tree = snapshot.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES);
            assertEquals(tree, byYear.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES), id + " by year");
            assertEquals(tree, byPlace.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES), id + " by place");
        }
        // what the fixture holds: each year's plans under that year's decision (the one dated days off too)
        assertEquals(List.of("kh-2017-0", "kh-2017-1", "kh-2017-2", "kh-2017-3"), children("qt-2017"));
        // a Party citation dated in 2018 means the namesake of the 2015–2020 term, issued in 2016; so does an undated
        // one in a plan of 2017 (the citing plan's term)
        assertEquals(List.of("hu-2016-0", "hu-2016-1", "hu-2016-2", "hu-2016-3", "hu-undated"), children("tu-2016"));
        // qb-2019 cites its own number: the only other namesake is what it means, whatever year it gives
        assertEquals(List.of("qb-2019"), children("qb-2018"));
        assertEquals(List.of("qb-2019"), children("qb-2018-scan"));
        assertEquals(List.of("ct-T-2021"), children("ct-T-2016"));
        assertEquals(List.of("kh-qg-dashed"), children("qg-2017"));
        assertEquals(List.of(), children("ct-B-2016"));
        assertEquals(List.of(), children("qb-2019"));
    }

    private static List<String> children(String id) throws IOException {
        ReferenceGraph graph = SnapshotReferenceGraph.perQuery(counted(true, new AtomicInteger()), Dictionaries.builtIn());
        return graph.implementationsOf(id, ReferenceGraph.MAX_TREE_NODES).orElseThrow().children().stream()
                .map(ReferenceGraph.ImplementationNode::id).sorted().toList();
    }

    @Test
    void one_years_namesake_reads_its_years_citers_and_the_undated_not_every_years() throws IOException {
        AtomicInteger withYears = new AtomicInteger();
        AtomicInteger without = new AtomicInteger();
        SnapshotReferenceGraph.perQuery(counted(true, withYears), Dictionaries.builtIn())
                .implementationsOf("qt-2017", ReferenceGraph.MAX_TREE_NODES).orElseThrow();
        SnapshotReferenceGraph.perQuery(counted(false, without), Dictionaries.builtIn())
                .implementationsOf("qt-2017", ReferenceGraph.MAX_TREE_NODES).orElseThrow();
        System.out.printf("Cited years: qt-2017's tree read %d documents, %d without years%n", withYears.get(), without.get());
        // without years: the 16 namesakes and every year's 4 plans and the 2 others; with: 2017's 4 and the undated
        assertTrue(without.get() >= 16 * CITERS_A_YEAR + 16, "every year's citers read without years: " + without.get());
        assertTrue(withYears.get() <= 16 + CITERS_A_YEAR + 2, "by year: " + withYears.get() + " documents read, "
                + without.get() + " without years");
    }
}
