package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Relation;
import vn.archive.model.InForce;
import vn.archive.model.DocNumber;
import vn.archive.graph.ClearedReferenceGraph;
import vn.archive.graph.ReferenceGraph;
import vn.archive.graph.ReferenceGraph.Citation;
import vn.archive.graph.ReferenceGraph.ImplementationNode;
import vn.archive.graph.SnapshotReferenceGraph;
import vn.archive.search.SearchRequest;

import vn.archive.graph.AdminUnits;
import vn.archive.graph.Tracker;
import vn.archive.graph.Tracking;
import vn.archive.graph.TrackingMarks;

import java.io.IOException;
import java.time.LocalDate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cross-references: the page and API of a cited number's implementation tree, and the document's citation lists. */
final class ReferenceController {
    private final ReferenceGraph all;
    private final Views views;
    private final Tracker tracker;
    private final TrackingMarks marks;

    ReferenceController(ReferenceGraph graph, Views views, TrackingMarks marks) {
        this.all = graph;
        this.views = views;
        this.marks = marks;
        this.tracker = new Tracker(AdminUnits.load(null), Clock.systemDefaultZone(), marks);
    }

    /** Archivists' marks on expected units. */
    TrackingMarks marks() {
        return marks;
    }

    /** The graph as this request's viewer may see it. */
    private ReferenceGraph graph(Context ctx) {
        return new ClearedReferenceGraph(all, LoginController.search(ctx));
    }

    /** What the document page's reference partial needs, added to its model. */
    void addToDocumentModel(Context ctx, Map<String, Object> model, String id) throws IOException {
        ReferenceGraph graph = graph(ctx);
        List<Citation> cites = graph.cites(id);
        model.put("refCites", cites);
        if (model.get("doc") instanceof ArchivedDocument doc) {
            model.put("textSegments", TextLinks.segments(doc.text(), doc.metadata().references(), cites));
        }
        List<Citation> citing = graph.citedBy(id);
        model.put("refCitedBy", citing);
        if (model.get("doc") instanceof ArchivedDocument doc) {
            model.put("inForce", inForce(doc, citing));
        }
        model.put("refWarnings", graph.warnings(id));
        List<ArchivedDocument> renditions = LoginController.search(ctx).renditions(id);
        model.put("renditions", renditions.size() < 2 ? List.of()
                : renditions.stream().map(DocumentView.RenditionView::of).toList());
    }

    /** The API's document object with references resolved, cited-by filled and the graph's warnings added. */
    DocumentView documentView(Context ctx, ArchivedDocument doc) throws IOException {
        ReferenceGraph graph = graph(ctx);
        List<Citation> cites = graph.cites(doc.id());
        List<String> targets = cites.stream().map(Citation::id).toList();
        List<Citation> citing = graph.citedBy(doc.id());
        List<DocumentView.CitedByView> citedBy = citing.stream()
                .map(c -> new DocumentView.CitedByView(c.id(), c.number(), c.relation())).toList();
        return DocumentView.of(doc, citedBy).withReferences(targets, graph.warnings(doc.id()))
                .withRenditions(LoginController.search(ctx).renditions(doc.id()))
                .withInForce(inForce(doc, citing));
    }

    /**
     * The in-force status of a document from its effect clause and the archive's documents that change it. The
     * placeholder of citing documents this reader may not see ("n tài liệu mật") changes nothing: a classified
     * replacing document must not show through the status, as it does not through the search's in-force filter.
     */
    static InForce inForce(ArchivedDocument doc, List<Citation> citing) {
        return InForce.of(doc.metadata().effectiveFrom(), citing.stream().filter(Citation::inArchive)
                .map(c -> new InForce.Citing(c.id(), c.number(), Relation.fromWire(c.relation()), c.date())).toList(),
                LocalDate.now());
    }

    void numberPage(Context ctx) throws IOException {
        String number = number(ctx);
        Optional<ImplementationNode> tree = graph(ctx).implementations(number, treeLimit(ctx));
        treePage(ctx, number, tree, () -> tracking(ctx, number), "/api/references/" + number + "/tracking");
    }

    /**
     * The tree and tracking page of one directive ({@code /documents/{id}/tracking}): its own tree, so a directive
     * whose number namesakes in other provinces or years share is followed by itself, not under its namesakes.
     */
    void directivePage(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Optional<ImplementationNode> tree = graph(ctx).implementationsOf(id, treeLimit(ctx));
        if (tree.isEmpty()) {
            throw new NotFoundResponse("Không có văn bản [" + id + "] trong kho (no such directive)");
        }
        String number = tree.get().number() != null ? tree.get().number() : id;
        treePage(ctx, number, tree, () -> trackingOf(ctx, id), "/api/documents/" + id + "/tracking");
    }

    private interface TrackingCall {
        Optional<Tracking> get() throws IOException;
    }

    private void treePage(Context ctx, String number, Optional<ImplementationNode> tree, TrackingCall tracking,
                          String trackingApi) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingApi", trackingApi);
        model.put("number", DocNumber.parse(number).map(DocNumber::format).orElse(number));
        model.put("tree", tree.orElse(null));
        model.put("treeSize", tree.map(ImplementationNode::size).orElse(0));
        model.put("treeShown", tree.map(ImplementationNode::shown).orElse(0));
        model.put("maxTreeNodes", ReferenceGraph.MAX_TREE_NODES);
        model.put("timeline", tree.map(ReferenceTimeline::of).orElse(null));
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "refs.pageTitle",
                model.get("number")));
        model.put("tracking", tree.isEmpty() ? null : tracking.get().orElse(null));
        if (tree.isEmpty()) {
            ctx.status(404);
        }
        ctx.html(views.render(ctx, Views.REFERENCE, model));
    }

    /** Who was asked to act on the directive with this number and who has, as this request's viewer may see it. */
    Optional<Tracking> tracking(Context ctx, String number) throws IOException {
        return tracker.track(number, graph(ctx), LoginController.search(ctx));
    }

    /** Who was asked to act on this directive (any rendition's id) and who has, as this request's viewer may see it. */
    Optional<Tracking> trackingOf(Context ctx, String id) throws IOException {
        return tracker.trackDirective(id, graph(ctx), LoginController.search(ctx));
    }

    /** The directives of these search results with units overdue, as this request's viewer may see them. */
    List<Tracking> overdue(Context ctx, SearchRequest among) throws IOException {
        return tracker.overdue(among, graph(ctx), LoginController.search(ctx));
    }

    void implementationsApi(Context ctx) throws IOException {
        String number = number(ctx);
        ImplementationNode tree = graph(ctx).implementations(number, treeLimit(ctx)).orElseThrow(() ->
                new NotFoundResponse("No document has or cites the number [" + number + "]"));
        StreamedJson.write(ctx, tree);
    }

    /**
     * How many nodes of a tree to answer ({@code ?limit=}, default {@value ReferenceGraph#DEFAULT_TREE_NODES}): a central number
     * can gather tens of thousands of documents over the years, more than a page or a client wants at once.
     */
    private static int treeLimit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return ReferenceGraph.DEFAULT_TREE_NODES;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= ReferenceGraph.MAX_TREE_NODES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestResponse("Tham số limit không hợp lệ [" + raw + "]: cần một số từ 1 đến " + ReferenceGraph.MAX_TREE_NODES
                + ", số văn bản tối đa của cây (limit must be a number of documents from 1 to " + ReferenceGraph.MAX_TREE_NODES + ")");
    }

    static String number(Context ctx) {
        String raw = ctx.pathParam("number");
        if (DocNumber.parse(raw).isEmpty()) {
            throw new BadRequestResponse("Số hiệu không hợp lệ [" + raw + "], ví dụ hợp lệ: 25-NQ/TW, 30/2020/NĐ-CP (not a document number; valid examples: 25-NQ/TW, 30/2020/NĐ-CP)");
        }
        return raw;
    }
}
