package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import vn.archive.search.SearchService;

import java.io.IOException;

/** The JSON API: search and document objects, in the shapes of API.md. */
final class ApiController {
    private final SearchService search;
    private final ReferenceController refs;

    ApiController(SearchService search, ReferenceController refs) {
        this.search = search;
        this.refs = refs;
    }

    void search(Context ctx) throws IOException {
        ctx.json(search.search(SearchParams.read(ctx, 20)));
    }

    void document(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        var doc = search.document(id).orElseThrow(() -> new NotFoundResponse("No document with id [" + id + "]"));
        ctx.json(refs.documentView(doc));
    }
}
