package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.archive.graph.FollowUpReport;
import vn.archive.graph.Tracking;
import vn.archive.render.DocumentRenderer;
import vn.archive.graph.TrackingMarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/** Implementation tracking over HTTP: the JSON answer (API.md) and the same table as CSV for Excel. */
final class TrackingController {
    /** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
    private static final char BOM = '\uFEFF';
    private static final List<String> COLUMNS = List.of("unit", "place", "status", "number", "date", "relation", "onTime", "via");

    private final ReferenceController refs;
    private final Views views;

    TrackingController(ReferenceController refs, Views views) {
        this.refs = refs;
        this.views = views;
    }

    /** The tracking of the number in the path, or of the directive whose id is in it ({@code /api/documents/{id}/…}). */
    private Tracking tracking(Context ctx) throws IOException {
        String id = ctx.pathParamMap().get("id");
        if (id != null) {
            return refs.trackingOf(ctx, id).orElseThrow(() ->
                    new NotFoundResponse("Không có văn bản [" + id + "] trong kho (no such directive)"));
        }
        String number = ReferenceController.number(ctx);
        return refs.tracking(ctx, number).orElseThrow(() ->
                new NotFoundResponse("Không có văn bản nào mang hoặc dẫn chiếu số [" + number + "] (no document has or cites it)"));
    }

    void api(Context ctx) throws IOException {
        ctx.json(tracking(ctx));
    }

    /**
     * An archivist marks an expected unit: responded on paper (with a note), exempted, or deadline extended
     * ({@code until}). Audited like a correction; the login guard has already refused anyone who may not write.
     */
    void markPost(Context ctx) throws IOException {
        String id = ctx.pathParamMap().get("id");
        Tracking t = tracking(ctx);
        String number = id == null ? ReferenceController.number(ctx) : t.number();
        String place = ctx.formParam("place");
        if (t.document() == null || t.expected().stream().noneMatch(e -> e.place().equals(place))) {
            throw new BadRequestResponse("Đơn vị [" + place + "] không nằm trong danh sách được gửi của " + number
                    + " (the unit is not among the directive's expected units)");
        }
        LoginController.Viewer viewer = LoginController.viewer(ctx);
        String until = ctx.formParam("until");
        TrackingMarks.Mark mark;
        try {
            LocalDate untilDay = until == null || until.isBlank() ? null : SearchParams.parseDate(until.strip());
            // on one directive's own tracking (by id) the mark is that directive's, not its number's namesakes'
            mark = id == null
                    ? refs.marks().record(t.document().number(), place, ctx.formParam("kind"), ctx.formParam("note"),
                            untilDay, viewer.name(), Instant.now())
                    : refs.marks().recordForDirective(t.document().id(), place, ctx.formParam("kind"),
                            ctx.formParam("note"), untilDay, viewer.name(), Instant.now());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        viewer.security().audit().record(viewer.name(), "tracking-mark", t.document().id(),
                number + " " + place + "=" + mark.kind() + (mark.until() == null ? "" : " " + mark.until()));
        ctx.redirect((id == null ? "/references/" + number : "/documents/" + t.document().id() + "/tracking")
                + "#tracking-heading", HttpStatus.SEE_OTHER);
    }

    /** The archive's overdue list ({@code /tracking}), filtered like a search by issuer, place and year. */
    private List<Tracking> overdue(Context ctx) throws IOException {
        return refs.overdue(ctx, SearchParams.read(ctx, PageController.PAGE_SIZE));
    }

    void overdueApi(Context ctx) throws IOException {
        ctx.json(overdue(ctx));
    }

    void overduePage(Context ctx) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("directives", overdue(ctx));
        model.put("issuer", value(ctx, "issuer"));
        model.put("place", value(ctx, "place"));
        model.put("year", value(ctx, "year"));
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "tracking.overdue.title"));
        ctx.html(views.render(ctx, Views.TRACKING, model));
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }

    /** The printable follow-up report as a Word document. */
    void docx(Context ctx) throws IOException {
        Tracking t = tracking(ctx);
        ctx.contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        ctx.header("Content-Disposition", ContentDisposition.attachment(reportName(t) + ".docx"));
        ctx.result(DocumentRenderer.docx(FollowUpReport.text(t, LocalDate.now())));
    }

    /** The printable follow-up report as a PDF (A4, embedded font). */
    void pdf(Context ctx) throws IOException {
        Tracking t = tracking(ctx);
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", ContentDisposition.attachment(reportName(t) + ".pdf"));
        ctx.result(DocumentRenderer.withSystemFont().pdf(FollowUpReport.text(t, LocalDate.now())));
    }

    private static String reportName(Tracking t) {
        return "bao-cao-theo-doi-" + t.number().replaceAll("[^\\p{L}\\p{N}-]+", "-");
    }

    /** One row per responding document of each unit (one row for a unit without any); unexpected units last. */
    void csv(Context ctx) throws IOException {
        Tracking t = tracking(ctx);
        Locale locale = Messages.locale(Messages.language(ctx));
        List<String> header = new ArrayList<>();
        COLUMNS.forEach(c -> header.add(Messages.get(locale, "tracking.col." + c)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write(BOM);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
            for (Tracking.Expected e : t.expected()) {
                String status = Messages.get(locale, "tracking.status." + e.status());
                if (e.responses().isEmpty()) {
                    csv.printRecord(e.unit(), e.place(), status, "", "", "", "", "");
                }
                for (Tracking.Response r : e.responses()) {
                    csv.printRecord(row(locale, e.unit(), e.place(), status, r));
                }
            }
            for (Tracking.Unexpected u : t.unexpected()) {
                for (Tracking.Response r : u.responses()) {
                    csv.printRecord(row(locale, u.unit(), "", Messages.get(locale, "tracking.status.unexpected"), r));
                }
            }
            for (String raw : t.unresolved()) {
                csv.printRecord(raw, "", Messages.get(locale, "tracking.status.unresolved"), "", "", "", "", "");
            }
            csv.flush();
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", ContentDisposition.attachment("theo-doi-thuc-hien-"
                + t.number().replaceAll("[^\\p{L}\\p{N}-]+", "-") + ".csv"));
        ctx.result(bytes.toByteArray());
    }

    private static List<String> row(Locale locale, String unit, String place, String status, Tracking.Response r) {
        return List.of(unit, place == null ? "" : place, status, r.number() == null ? "" : r.number(),
                r.date() == null ? "" : r.date().toString(), r.relation(),
                r.onTime() == null ? "" : Messages.get(locale, r.onTime() ? "tracking.onTime.yes" : "tracking.onTime.no"),
                r.via() == null ? "" : r.via());
    }
}
