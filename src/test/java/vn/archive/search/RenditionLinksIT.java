package vn.archive.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.config.Json;
import vn.archive.index.LuceneIndex;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.DocumentLink;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.storage.ContentStore;
import vn.archive.web.WebServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a reader below a document's clearance can learn its id through the links of the documents they may see,
 * on the embedded backend: the renditions of an open directive (one of which came attached to a secret e-mail), and
 * an open letter linked as a rendition to a classified letter given its number (a different document, never grouped
 * with it). Asked of the search service (document, renditions, hits, export) and of the portal an anonymous reader
 * uses (document page, JSON API, search and export APIs). Fixtures built in code; the Solr backend answers the same
 * questions in {@code SolrCloudIT}.
 */
class RenditionLinksIT {
    private static final LocalDate DAY = LocalDate.of(2021, 3, 15);
    private static final String TYPED = "a1b2c3d4e5f60718";
    private static final String SCAN = "b2c3d4e5f6071829";
    private static final String SECRET_MAIL = "c3d4e5f60718293a";
    private static final String OPEN_LETTER = "d4e5f60718293a4b";
    private static final String CLASSIFIED_NAMESAKE = "e5f60718293a4b5c";
    private static final List<String> HIDDEN = List.of(SECRET_MAIL, CLASSIFIED_NAMESAKE);

    private LuceneIndex index;
    private LuceneSearchService search;

    private static DocumentMetadata.Builder letter(String number) {
        return DocumentMetadata.builder().kind("Công văn").number(number).date(DAY).issuer("UBND huyện Lâm Hà")
                .title("Về việc khai hoang đất sản xuất vùng đồng bào dân tộc thiểu số");
    }

    /** A typed (DOCX) or scanned (PDF) document with these notes; also {@code MetadataOfTest}'s. */
    static ArchivedDocument doc(String id, DocumentMetadata m, boolean ocr, String text, String... notes) {
        return new ArchivedDocument(id, m, new SourceInfo(id + (ocr ? ".pdf" : ".docx"), id.repeat(4),
                ocr ? "application/pdf" : "application/docx", ocr, text.getBytes(StandardCharsets.UTF_8).length,
                List.of()), text, List.of(notes));
    }

    @BeforeEach
    void index() throws Exception {
        index = LuceneIndex.open(new ByteBuffersDirectory());
        String body = "Ủy ban nhân dân huyện Lâm Hà đề nghị các xã khai hoang đất sản xuất cho đồng bào.";
        index.upsert(doc(TYPED, letter("15/CV-UBND").build(), false, body, ArchivedDocument.sameDirectiveNote(SCAN)));
        // the scan came attached to an e-mail that an archivist classified
        index.upsert(doc(SCAN, letter("15/CV-UBND").build(), true, body, ArchivedDocument.sameDirectiveNote(TYPED),
                new DocumentLink(DocumentLink.Kind.ENVELOPE, SECRET_MAIL).note(), "OCR confidence 91.5"));
        index.upsert(doc(SECRET_MAIL, DocumentMetadata.builder().kind("Thư").date(DAY).classification("Mật").build(),
                false, "Gửi kèm bản chụp công văn khai hoang.", new DocumentLink(DocumentLink.Kind.ATTACHMENT, SCAN).note()));
        // an open letter linked to a classified one given its number: two documents, the link names the secret one
        index.upsert(doc(OPEN_LETTER, letter("16/CV-UBND").build(), false, body + " Lần hai.",
                ArchivedDocument.sameDirectiveNote(CLASSIFIED_NAMESAKE)));
        index.upsert(doc(CLASSIFIED_NAMESAKE, letter("16/CV-UBND").classification("Mật").build(), false,
                "Nội dung mật về khai hoang.", ArchivedDocument.sameDirectiveNote(OPEN_LETTER)));
        index.commit();
        search = new LuceneSearchService(index);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static List<String> notesOf(List<ArchivedDocument> docs) {
        return docs.stream().flatMap(d -> d.notes().stream()).toList();
    }

    private static boolean namesHidden(String text) {
        return HIDDEN.stream().anyMatch(text::contains);
    }

    @Test
    void the_renditions_of_an_open_directive_do_not_name_the_secret_email_one_of_them_came_with() throws Exception {
        SearchService reader = search.restrictedTo(Clearance.NONE);
        List<ArchivedDocument> renditions = reader.renditions(TYPED);
        assertEquals(List.of(TYPED, SCAN), renditions.stream().map(ArchivedDocument::id).toList(),
                "both renditions are open, the typed one first");
        assertFalse(namesHidden(String.join(" ", notesOf(renditions))), "a rendition names the secret e-mail: "
                + notesOf(renditions));
        assertTrue(notesOf(renditions).contains(ArchivedDocument.sameDirectiveNote(TYPED))
                && notesOf(renditions).contains("OCR confidence 91.5"), "the other notes stay: " + notesOf(renditions));
        assertEquals(reader.document(SCAN).orElseThrow().notes(), renditions.get(1).notes(),
                "a rendition listed shows the notes of the rendition read by id");
        List<String> cleared = notesOf(search.restrictedTo(Clearance.MAT).renditions(TYPED));
        assertTrue(cleared.contains(new DocumentLink(DocumentLink.Kind.ENVELOPE, SECRET_MAIL).note()),
                "a reader cleared for the e-mail still sees the link: " + cleared);
    }

    @Test
    void an_open_letter_alone_in_its_renditions_does_not_name_the_classified_letter_given_its_number() throws Exception {
        List<ArchivedDocument> renditions = search.restrictedTo(Clearance.NONE).renditions(OPEN_LETTER);
        assertEquals(List.of(OPEN_LETTER), renditions.stream().map(ArchivedDocument::id).toList(),
                "a classified letter is never a rendition of an open one");
        assertEquals(List.of(), notesOf(renditions), "its only note names the classified letter");
        assertEquals(List.of(ArchivedDocument.sameDirectiveNote(CLASSIFIED_NAMESAKE)),
                notesOf(search.restrictedTo(Clearance.MAT).renditions(OPEN_LETTER)), "seen with clearance");
    }

    @Test
    void documents_hits_and_the_export_of_the_search_service_name_no_hidden_document() throws Exception {
        SearchService reader = search.restrictedTo(Clearance.NONE);
        for (String id : List.of(TYPED, SCAN, OPEN_LETTER)) {
            ArchivedDocument d = reader.document(id).orElseThrow();
            assertFalse(namesHidden(String.join(" ", d.notes())), id + ": " + d.notes());
        }
        SearchResponse hits = reader.search(SearchRequest.of("khai hoang"));
        assertEquals(List.of(TYPED, OPEN_LETTER), hits.hits().stream().map(SearchHit::id).sorted().toList(),
                "one hit per open directive");
        assertEquals(2, hits.hits().stream().filter(h -> h.id().equals(TYPED)).findFirst().orElseThrow().renditions());
        assertFalse(namesHidden(hits.hits().toString()), hits.hits().toString());
        List<ArchivedDocument> exported = new ArrayList<>();
        reader.export(SearchRequest.of("khai hoang"), exported::add);
        assertEquals(2, exported.size(), "the two open directives");
        assertFalse(namesHidden(String.join(" ", notesOf(exported))), notesOf(exported).toString());
    }

    @Test
    void an_anonymous_reader_of_the_portal_learns_no_hidden_id_from_pages_documents_searches_or_exports(
            @TempDir Path data) throws Exception {
        JavalinTest.test(WebServer.create(search, new ContentStore(data)), (server, client) -> {
            assertEquals(404, client.get("/documents/" + SECRET_MAIL).code(), "the e-mail is hidden from the reader");
            String page = client.get("/documents/" + TYPED).body().string();
            assertTrue(page.contains("/documents/" + SCAN), "the page lists the scan among the renditions");
            List<String> paths = List.of("/documents/" + TYPED, "/documents/" + SCAN, "/documents/" + OPEN_LETTER,
                    "/api/documents/" + TYPED, "/api/documents/" + SCAN, "/api/documents/" + OPEN_LETTER,
                    "/api/search?q=khai+hoang", "/api/export.json?q=khai+hoang", "/api/export.csv?q=khai+hoang");
            for (String path : paths) {
                var response = client.get(path);
                String body = response.body().string();
                assertEquals(200, response.code(), path);
                assertFalse(namesHidden(body), path + " names a hidden document: " + body);
            }
            JsonNode api = Json.MAPPER.readTree(client.get("/api/documents/" + TYPED).body().string());
            assertEquals(List.of(TYPED, SCAN), api.path("renditions").findValuesAsText("id"), api.toString());
        });
    }
}
