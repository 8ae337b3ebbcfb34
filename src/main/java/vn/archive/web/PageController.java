package vn.archive.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import vn.archive.curation.CorrectableField;
import vn.archive.search.FacetDimensions;
import vn.archive.storage.ContentStore;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.search.SearchRequest;
import vn.archive.search.SearchResponse;
import vn.archive.search.SearchService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The HTML pages: search, document, original download, extracted text, and browsing. */
final class PageController {
    /** Hits per page on the search page. */
    static final int PAGE_SIZE = 20;
    /** Similar documents shown on a document page. */
    static final int SIMILAR = 5;
    /** Dimensions with a browse page of their own (issuers have a tree). */
    static final List<String> BROWSE = List.of(FacetDimensions.YEAR, FacetDimensions.KIND);

    private final ContentStore store;
    private final Views views;
    private final ReferenceController refs;
    private final WithdrawalController withdrawals;

    /** {@code withdrawals} is null when the archive takes no corrections (then nothing is ever withdrawn). */
    PageController(ContentStore store, Views views, ReferenceController refs, WithdrawalController withdrawals) {
        this.store = store;
        this.views = views;
        this.refs = refs;
        this.withdrawals = withdrawals;
    }

    /** The fields the correction form offers, by their API names. */
    private static final List<String> CORRECTABLE = Arrays.stream(CorrectableField.values())
            .map(CorrectableField::apiName).toList();

    void searchPage(Context ctx) throws IOException {
        SearchParams.Lenient read = SearchParams.lenient(ctx, PAGE_SIZE);
        SearchRequest request = read.request();
        // a query of punctuation alone matches nothing: say so instead of listing the whole archive
        SearchResponse response = read.noWords()
                ? new SearchResponse(request.query(), 0, request.page(), request.size(), List.of(), Map.of())
                : search(ctx).search(request);
        Map<String, Object> model = SearchPage.model(search(ctx), request, response, PAGE_SIZE);
        Locale locale = locale(ctx);
        List<String> problems = new ArrayList<>();
        read.problems().forEach(pr -> problems.add(Messages.get(locale, pr.key(), pr.args().toArray())));
        if (read.noWords()) {
            problems.add(Messages.get(locale, "search.problem.noWords", read.typedQuery()));
        }
        model.put("problems", problems);
        model.put("typedQuery", read.typedQuery());
        model.put("pageTitle", request.query().isEmpty()
                ? Messages.get(locale, "nav.search") : request.query());
        ctx.html(views.render(ctx, Views.SEARCH, model));
    }

    void documentPage(Context ctx) throws IOException {
        renderDocument(ctx, null, null, null);
    }

    /** The document page again, its correction form holding what the user typed and why it was refused. */
    void refusedCorrection(Context ctx, String field, String value, String error) throws IOException {
        renderDocument(ctx, field, value, error);
    }

    private void renderDocument(Context ctx, String fixField, String fixValue, String fixError) throws IOException {
        ArchivedDocument doc = findOrWithdrawn(ctx);
        DocumentMetadata m = doc.metadata();
        Map<String, Object> model = new HashMap<>();
        model.put("doc", doc);
        model.put("m", m);
        model.put("pageTitle", m.title() == null ? doc.source().filename() : Titles.heading(m.title(), m.kind()));
        model.put("similar", search(ctx).similar(doc.id(), SIMILAR));
        model.put("missing", missing(m));
        model.put("correctable", CORRECTABLE);
        model.put("fixField", fixField == null ? "" : fixField);
        model.put("fixValue", fixValue);
        model.put("fixError", fixError);
        model.put("hasPdfa", store.pdfa(doc.source().sha256()).isPresent());
        model.put("archival", ArchivalInfo.elements(store, doc, locale(ctx)));
        refs.addToDocumentModel(ctx, model, doc.id());
        LoginController.viewer(ctx).auditIfClassified(doc, "view");
        ctx.html(views.render(ctx, Views.DOCUMENT, model));
    }

    /** Fields an officer expects on every directive but that extraction did not find: a data-quality warning. */
    static List<String> missing(DocumentMetadata m) {
        List<String> out = new ArrayList<>();
        if (m.kind() == null) {
            out.add("kind");
        }
        if (m.number() == null) {
            out.add("number");
        }
        if (m.date() == null) {
            out.add("date");
        }
        if (m.issuer() == null) {
            out.add("issuer");
        }
        if (m.title() == null) {
            out.add("title");
        }
        return out;
    }

    void original(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        Path path = store.original(doc.source().sha256())
                .orElseThrow(() -> new NotFoundResponse("Không tìm thấy bản gốc của văn bản này (the original of this document is missing)"));
        ctx.contentType(doc.source().mediaType());
        ctx.header("Content-Disposition", ContentDisposition.attachment(doc.source().filename()));
        ctx.header("X-Content-Type-Options", "nosniff");
        LoginController.viewer(ctx).auditIfClassified(doc, "download-original");
        InputStream in = Files.newInputStream(path);
        ctx.result(in);
    }

    /** The searchable PDF/A rendition of a scan; 404 for a document that has none. */
    void pdfa(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        Path path = store.pdfa(doc.source().sha256())
                .orElseThrow(() -> new NotFoundResponse("Văn bản này không có bản PDF/A, chỉ bản quét được nhận dạng chữ mới có (this document has no PDF/A rendition: only scans read by OCR have one)"));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", ContentDisposition.attachment(pdfaName(doc.source().filename())));
        LoginController.viewer(ctx).auditIfClassified(doc, "download-pdfa");
        ctx.result(Files.newInputStream(path));
    }

    /** The original's name with a {@code -pdfa.pdf} ending, so the two downloads are told apart. */
    static String pdfaName(String original) {
        String base = original == null || original.isBlank() ? "document" : original;
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base) + "-pdfa.pdf";
    }

    void text(Context ctx) throws IOException {
        ArchivedDocument doc = find(ctx);
        LoginController.viewer(ctx).auditIfClassified(doc, "download-text");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(doc.text());
    }

    void browseIssuers(Context ctx) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("groups", IssuerParents.of(search(ctx).issuerTree()));
        model.put("pageTitle", Messages.get(locale(ctx), "browse.title.issuer"));
        ctx.html(views.render(ctx, Views.BROWSE_ISSUERS, model));
    }

    void browseYears(Context ctx) throws IOException {
        browse(ctx, FacetDimensions.YEAR);
    }

    void browseKinds(Context ctx) throws IOException {
        browse(ctx, FacetDimensions.KIND);
    }

    private void browse(Context ctx, String dim) throws IOException {
        var values = new ArrayList<>(search(ctx).facetValues(dim));
        if (dim.equals(FacetDimensions.YEAR)) {
            // years read best in order, newest first
            values.sort((a, b) -> b.value().compareTo(a.value()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("dim", dim);
        model.put("values", values);
        model.put("pageTitle", Messages.get(locale(ctx), "browse.title." + dim));
        ctx.html(views.render(ctx, Views.BROWSE, model));
    }

    private static Locale locale(Context ctx) {
        return Messages.locale(Messages.language(ctx));
    }

    /**
     * The document page's document: a withdrawn one is shown to archivists (marked, with who, when and why) and to
     * readers only as "đã rút"; one above the viewer's clearance stays "not found".
     */
    private ArchivedDocument findOrWithdrawn(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<ArchivedDocument> visible = search(ctx).document(id);
        if (visible.isPresent() || withdrawals == null) {
            return visible.orElseGet(() -> find(ctx));
        }
        Optional<ArchivedDocument> withdrawn = withdrawals.withdrawn(ctx, id);
        if (withdrawn.isEmpty()) {
            return find(ctx);
        }
        if (!LoginController.viewerCanWrite(ctx)) {
            throw new NotFoundResponse(Messages.get(locale(ctx), "withdraw.gone"));
        }
        return withdrawn.get();
    }

    private ArchivedDocument find(Context ctx) {
        String id = ctx.pathParam("id");
        // a document above the viewer's clearance is "not found", so its existence does not leak
        try {
            return search(ctx).document(id).orElseThrow(() -> new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive as this request's viewer may see it. */
    private SearchService search(Context ctx) {
        return LoginController.search(ctx);
    }
}
