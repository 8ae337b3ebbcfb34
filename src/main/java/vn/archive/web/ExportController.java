package vn.archive.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.search.SearchRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Exports every hit of a search (not only a page) as CSV for spreadsheets or as JSON. */
final class ExportController {
    /** Columns, as field keys: the header row says them in the page's language. */
    static final List<String> COLUMNS = List.of("id", "kind", "number", "date", "issuer", "parentIssuer", "level",
            "place", "title", "signer", "url");
    /** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
    private static final char BOM = '\uFEFF';

    private final ObjectMapper json;

    ExportController(ObjectMapper json) {
        this.json = json;
    }

    void csv(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx, PageController.PAGE_SIZE);
        Locale locale = Messages.locale(Messages.language(ctx));
        List<String> header = new ArrayList<>();
        for (String c : COLUMNS) {
            header.add(Messages.get(locale, "field." + c));
        }
        // the whole file is built before the first byte goes out, so a failure still gets a proper error status
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write(BOM);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
            LoginController.search(ctx).export(request, d -> {
                try {
                    csv.printRecord(row(d).values());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", ContentDisposition.attachment("ket-qua-tim-kiem.csv"));
        ctx.result(bytes.toByteArray());
    }

    void json(Context ctx) throws IOException {
        SearchRequest request = SearchParams.read(ctx, PageController.PAGE_SIZE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = json.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("query", request.query());
            g.writeArrayFieldStart("hits");
            long total = LoginController.search(ctx).export(request, d -> {
                try {
                    g.writeObject(row(d));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeNumberField("total", total);
            g.writeEndObject();
        }
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", ContentDisposition.attachment("ket-qua-tim-kiem.json"));
        ctx.result(bytes.toByteArray());
    }

    /** One exported row: the search hit's fields plus the parent body, level and signer. */
    static Map<String, Object> row(ArchivedDocument d) {
        DocumentMetadata m = d.metadata();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("kind", m.kind());
        row.put("number", m.number());
        row.put("date", m.date() == null ? null : m.date().toString());
        row.put("issuer", m.issuer());
        row.put("parentIssuer", m.parentIssuer());
        row.put("level", m.level());
        row.put("place", m.place());
        row.put("title", m.title());
        row.put("signer", m.signer() == null ? null : m.signer().name());
        row.put("url", "/documents/" + d.id());
        return row;
    }
}
