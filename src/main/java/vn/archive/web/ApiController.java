package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import vn.archive.search.FacetDimensions;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON API: search and document objects in the shapes of API.md, similar documents, browse lists. */
final class ApiController {
    /** The OpenAPI description, maintained by hand next to the routes it describes. */
    static final String OPENAPI = "/public/openapi.json";
    private static final int MAX_SIMILAR = 50;

    private final ReferenceController refs;
    private final byte[] openApi;

    ApiController(ReferenceController refs) {
        this.refs = refs;
        try (InputStream in = ApiController.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + OPENAPI);
            }
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer is searched first (a failure still gets its error status), then streamed ({@link StreamedJson}). */
    void search(Context ctx) throws IOException {
        StreamedJson.write(ctx, visible(ctx).search(SearchParams.read(ctx, PageController.PAGE_SIZE)));
    }

    void document(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        var doc = visible(ctx).document(id).orElseThrow(() ->
                new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)"));
        LoginController.viewer(ctx).auditIfClassified(doc, "view");
        StreamedJson.write(ctx, refs.documentView(ctx, doc));
    }

    void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String raw = ctx.queryParam("size");
        int size = PageController.SIMILAR;
        if (raw != null && !raw.isBlank()) {
            try {
                size = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_SIMILAR) {
                throw new BadRequestResponse("Tham số size phải từ 1 đến " + MAX_SIMILAR
                        + " (size must be a whole number from 1 to " + MAX_SIMILAR + ", was [" + raw + "])");
            }
        }
        if (visible(ctx).document(id).isEmpty()) {
            throw new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)");
        }
        ctx.json(visible(ctx).similar(id, size));
    }

    void browse(Context ctx) throws IOException {
        String dim = ctx.pathParam("dimension");
        if (dim.equals("issuers")) {
            ctx.json(visible(ctx).issuerTree());
            return;
        }
        if (!FacetDimensions.SHOWN.contains(dim)) {
            throw new BadRequestResponse("Không có chiều duyệt [" + dim + "] (unknown dimension, expected one of "
                    + "[issuers, " + String.join(", ", FacetDimensions.SHOWN) + "])");
        }
        ctx.json(visible(ctx).facetValues(dim));
    }

    /** The archive as this request's viewer may see it. */
    private SearchService visible(Context ctx) {
        return LoginController.search(ctx);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(openApi);
    }
}
