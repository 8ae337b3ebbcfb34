package vn.archive.search;

import org.junit.jupiter.api.Test;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The rule both backends drop links by, asked of an archive given as two sets of ids. */
class HiddenLinksTest {

    private static ArchivedDocument letter(String id, String... notes) {
        return new ArchivedDocument(id, DocumentMetadata.builder().kind("Công văn").build(),
                new SourceInfo(id + ".eml", "0".repeat(64), "message/rfc822", false, 10, List.of()), "", List.of(notes));
    }

    /** An archive holding {@code held}, of which the reader may see {@code visible}; every question recorded. */
    private static HiddenLinks archive(Set<String> held, Set<String> visible, List<Set<String>> asked) {
        return new HiddenLinks(ids -> {
            asked.add(new TreeSet<>(ids));
            return new TreeSet<>(ids.stream().filter(held::contains).toList());
        }, ids -> {
            asked.add(new TreeSet<>(ids));
            return new TreeSet<>(ids.stream().filter(visible::contains).toList());
        });
    }

    @Test
    void a_link_to_a_held_document_the_reader_may_not_see_is_dropped_and_every_other_note_stays_in_its_order()
            throws Exception {
        ArchivedDocument mail = letter("letter", "Đã chuyển mã", new DocumentLink(DocumentLink.Kind.ATTACHMENT, "secret").note(),
                ArchivedDocument.sameDirectiveNote("open"), new DocumentLink(DocumentLink.Kind.ENVELOPE, "gone").note());
        List<Set<String>> asked = new ArrayList<>();
        ArchivedDocument shown = archive(Set.of("letter", "secret", "open"), Set.of("letter", "open"), asked).strip(mail);
        assertEquals(List.of("Đã chuyển mã", ArchivedDocument.sameDirectiveNote("open"),
                new DocumentLink(DocumentLink.Kind.ENVELOPE, "gone").note()), shown.notes(),
                "the link to a document the archive does not hold stays");
        ArchivedDocument cleared = archive(Set.of("letter", "secret", "open"), Set.of("letter", "secret", "open"),
                new ArrayList<>()).strip(mail);
        assertSame(mail, cleared, "a reader who may see every linked document gets the document as it is");
    }

    @Test
    void a_set_of_documents_costs_two_questions_of_the_archive_whatever_its_size() throws Exception {
        List<ArchivedDocument> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(letter("d" + i, new DocumentLink(DocumentLink.Kind.ATTACHMENT, "a" + i).note()));
        }
        docs.add(letter("plain", "Đã chuyển mã"));
        List<Set<String>> asked = new ArrayList<>();
        Set<String> held = new TreeSet<>();
        for (int i = 0; i < 50; i++) {
            held.add("a" + i);
        }
        Set<String> visible = new TreeSet<>(held);
        visible.remove("a7");
        List<ArchivedDocument> shown = archive(held, visible, asked).strip(docs);
        assertEquals(2, asked.size(), "held, then visible, each asked once: " + asked.size());
        assertEquals(held, asked.get(0), "only the ids the notes name are asked about");
        assertEquals(List.of(), shown.get(7).notes(), "the link to the one hidden attachment is dropped");
        for (int i = 0; i < 50; i++) {
            if (i != 7) {
                assertSame(docs.get(i), shown.get(i), "d" + i + " keeps its link");
            }
        }
        List<Set<String>> none = new ArrayList<>();
        assertSame(docs.get(50), archive(held, visible, none).strip(docs.get(50)));
        assertEquals(List.of(), none, "a document without links asks nothing");
    }
}
