package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import vn.archive.ingest.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The HTML pages: search, document, original download and extracted text. */
final class PageController {
    private final SearchService search;
    private final ContentStore store;
    private final Views views;
    private final ReferenceController refs;

    PageController(SearchService search, ContentStore store, Views views, ReferenceController refs) {
        this.search = search;
        this.store = store;
        this.views = views;
        this.refs = refs;
    }

    void searchPage(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx, 20);
        SearchResponse response = search.search(request);
        Map<String, Object> model = new HashMap<>();
        model.put("q", request.query());
        model.put("request", request);
        model.put("response", response);
        model.put("archiveSize", search.count());
        long pages = (response.total() + request.size() - 1) / request.size();
        model.put("pages", pages);
        ctx.html(views.render(Views.SEARCH, model));
    }

    void documentPage(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("doc", doc);
        model.put("m", doc.metadata());
        model.put("pageTitle", doc.metadata().title() == null ? doc.source().filename() : doc.metadata().title());
        refs.addToDocumentModel(model, doc.id());
        ctx.html(views.render(Views.DOCUMENT, model));
    }

    void original(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        Path path = store.original(doc.source().sha256())
                .orElseThrow(() -> new NotFoundResponse("Không tìm thấy bản gốc của văn bản này"));
        ctx.contentType(doc.source().mediaType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(doc.source().filename()));
        ctx.header("X-Content-Type-Options", "nosniff");
        InputStream in = Files.newInputStream(path);
        ctx.result(in);
    }

    void text(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(doc.text());
    }

    private ArchivedDocument find(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        return search.document(id).orElseThrow(() -> new NotFoundResponse("Không tìm thấy văn bản [" + id + "]"));
    }
}
