package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import vn.archive.index.Fields;
import vn.archive.model.DocNumber;
import vn.archive.search.SearchRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a {@link SearchRequest} from query parameters, for both the page and the API. Bad values are a 400. */
final class SearchParams {
    /** Filter parameters accepted, each a facet dimension. */
    static final List<String> FILTERS = List.of(Fields.KIND, Fields.ISSUER, Fields.LEVEL, Fields.YEAR, Fields.PLACE,
            Fields.SIGNER, Fields.CAMPAIGN, Fields.CITES);
    /** Deepest page served: deeper pages cost memory for nothing a person reads (export gives every hit). */
    static final int MAX_PAGE = 1000;

    private SearchParams() {
    }

    static SearchRequest read(Context ctx, int defaultSize) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            List<String> values = ctx.queryParams(f).stream().filter(v -> !v.isBlank())
                    .map(v -> f.equals(Fields.CITES) ? citedKey(v) : v).distinct().toList();
            if (!values.isEmpty()) {
                filters.put(f, values);
            }
        }
        int page = integer(ctx, "page", 1);
        if (page > MAX_PAGE) {
            throw new BadRequestResponse("Tham số page tối đa là " + MAX_PAGE + " (page must be at most "
                    + MAX_PAGE + ", was " + page + "; use /api/export.csv or /api/export.json for every hit)");
        }
        try {
            return new SearchRequest(ctx.queryParam("q"), filters, date(ctx, "from"), date(ctx, "to"), sort(ctx),
                    page, integer(ctx, "size", defaultSize), facets(ctx));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Tham số không hợp lệ (invalid parameter): " + e.getMessage());
        }
    }

    /** A cited number in its canonical key, the form the facet counts show, so one number is one filter value. */
    private static String citedKey(String number) {
        return DocNumber.parse(number).map(DocNumber::key).orElse(number.strip());
    }

    private static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("Tham số " + name + " phải là ngày dạng YYYY-MM-DD (parameter " + name
                    + " must be a date YYYY-MM-DD, was [" + v + "])");
        }
    }

    /** {@code facets=none} skips facet counting (every dimension comes back empty); anything else counts them. */
    private static boolean facets(Context ctx) {
        String v = ctx.queryParam("facets");
        if (v == null || v.isBlank() || v.strip().equals("all")) {
            return true;
        }
        if (v.strip().equals("none")) {
            return false;
        }
        throw new BadRequestResponse("Tham số facets chỉ nhận all hoặc none (unknown facets [" + v
                + "], expected one of [all, none])");
    }

    private static SearchRequest.Sort sort(Context ctx) {
        String v = ctx.queryParam("sort");
        if (v == null || v.isBlank()) {
            return SearchRequest.Sort.RELEVANCE;
        }
        try {
            return SearchRequest.Sort.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Cách sắp xếp không hợp lệ (unknown sort [" + v
                    + "], expected one of [relevance, newest, oldest])");
        }
    }

    private static int integer(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("Tham số " + name + " phải là số nguyên (parameter " + name
                    + " must be a whole number, was [" + v + "])");
        }
    }
}
