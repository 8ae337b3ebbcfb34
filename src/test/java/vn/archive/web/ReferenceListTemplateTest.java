package vn.archive.web;

import org.junit.jupiter.api.Test;
import vn.archive.model.DocumentMetadata;
import vn.archive.graph.ReferenceGraph;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The references list of a document page, rendered from its template. */
class ReferenceListTemplateTest {
    @Test
    void a_document_cited_by_name_shows_its_kind_word_once_and_a_numbered_one_its_kind_and_number() {
        List<ReferenceGraph.Citation> cites = List.of(
                new ReferenceGraph.Citation(null, "Luật", null, LocalDate.of(2024, 1, 18), null, "based_on", "căn cứ",
                        "Luật Đất đai ngày 18 tháng 01 năm 2024", null, "name:LUAT DAT DAI"),
                new ReferenceGraph.Citation(null, "Nghị quyết", null, null, null, "implements", "thực hiện",
                        "Nghị quyết Hội nghị Trung ương 4", null, "name:NGHI QUYET HOI NGHI TRUNG UONG 4"),
                new ReferenceGraph.Citation(null, "Nghị định", "102/2024/NĐ-CP", null, "Chính phủ", "based_on",
                        "căn cứ", "Nghị định số 102/2024/NĐ-CP", "/references/102/2024/NĐ-CP", "num:102/2024/ND-CP"));
        String html = new Views().render("refs/document-refs", Map.of("refWarnings", List.of(), "refCites", cites,
                "refCitedBy", List.of(), "m", DocumentMetadata.builder().number("14/2014/QĐ-UBND").build()));
        assertFalse(html.contains("Luật Luật") || html.contains("Luật <span class=\"refs-text\">Luật"), html);
        assertFalse(html.contains("Nghị quyết <span class=\"refs-text\">Nghị quyết"), html);
        assertTrue(html.contains("Luật Đất đai ngày 18 tháng 01 năm 2024"), html);
        assertTrue(html.contains("Nghị định 102/2024/NĐ-CP"), html);
    }
}
