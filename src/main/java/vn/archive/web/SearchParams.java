package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import vn.archive.search.FacetDimensions;
import vn.archive.model.DocNumber;
import vn.archive.search.SearchRequest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.archive.model.InForce;

/**
 * Reads a {@link SearchRequest} from query parameters: strictly for the API (a bad value is a 400), leniently for the
 * search page (a bad value is dropped or mended, and the page says so in its own language).
 */
final class SearchParams {
    /** Filter parameters accepted, each a facet dimension. */
    static final List<String> FILTERS = List.of(FacetDimensions.KIND, FacetDimensions.ISSUER, FacetDimensions.LEVEL, FacetDimensions.YEAR, FacetDimensions.PLACE,
            FacetDimensions.SIGNER, FacetDimensions.CAMPAIGN, FacetDimensions.CITES, FacetDimensions.IN_FORCE);
    /** Deepest page served: deeper pages cost memory for nothing a person reads (export gives every hit). */
    static final int MAX_PAGE = 1000;

    private SearchParams() {
    }

    /**
     * A parameter that could not be used as given, and what was done instead.
     *
     * @param key     message key of the page's explanation ({@code search.problem.*})
     * @param args    its arguments
     * @param message the API's bilingual message
     */
    record Problem(String key, List<Object> args, String message) { }

    /** What the page searches for, what it had to change of the user's input, and the query as typed. */
    record Lenient(SearchRequest request, List<Problem> problems, String typedQuery, boolean noWords) { }

    /** The API's reading: any unusable parameter is a 400 with a bilingual message. */
    static SearchRequest read(Context ctx, int defaultSize) {
        Lenient read = lenient(ctx, defaultSize);
        if (!read.problems().isEmpty()) {
            throw new BadRequestResponse(read.problems().getFirst().message());
        }
        if (read.noWords()) {
            throw new BadRequestResponse("Câu tìm không có chữ hay số nào để tìm (the query has no searchable word: ["
                    + read.typedQuery() + "])");
        }
        return read.request();
    }

    /**
     * The page's reading: an unusable parameter is dropped or mended (a reversed date range is swapped, a pasted
     * paragraph cut to its first {@value SearchRequest#MAX_QUERY_LENGTH} characters), the search runs on the rest,
     * and the page says what it changed, keeping the user's query and filters.
     */
    static Lenient lenient(Context ctx, int defaultSize) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : FILTERS) {
            List<String> values = ctx.queryParams(f).stream().filter(v -> !v.isBlank())
                    .map(v -> f.equals(FacetDimensions.CITES) ? citedKey(v) : v).distinct().toList();
            if (f.equals(FacetDimensions.IN_FORCE)) {
                values = knownStatuses(values, problems);
            }
            if (!values.isEmpty()) {
                filters.put(f, values);
            }
        }
        int page = integer(ctx, "page", 1, problems);
        if (page > MAX_PAGE || page < 1) {
            problems.add(new Problem("search.problem.page", List.of(MAX_PAGE), "Tham số page phải từ 1 đến "
                    + MAX_PAGE + " (page must be between 1 and " + MAX_PAGE + ", was " + page
                    + "; use /api/export.csv or /api/export.json for every hit)"));
            page = Math.max(1, Math.min(page, MAX_PAGE));
        }
        int size = integer(ctx, "size", defaultSize, problems);
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            problems.add(new Problem("search.problem.size", List.of(SearchRequest.MAX_SIZE),
                    "Tham số không hợp lệ (invalid parameter): size must be between 1 and " + SearchRequest.MAX_SIZE
                            + ", was " + size));
            size = defaultSize;
        }
        String typed = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String query = typed;
        if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
            problems.add(new Problem("search.problem.long", List.of(SearchRequest.MAX_QUERY_LENGTH),
                    "Tham số không hợp lệ (invalid parameter): query is longer than "
                            + SearchRequest.MAX_QUERY_LENGTH + " characters"));
            query = cut(query, SearchRequest.MAX_QUERY_LENGTH);
        }
        boolean noWords = !query.isBlank() && query.codePoints().noneMatch(Character::isLetterOrDigit);
        LocalDate from = date(ctx, "from", problems);
        LocalDate to = date(ctx, "to", problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new Problem("search.problem.reversed", List.of(from.toString(), to.toString()),
                    "Tham số không hợp lệ (invalid parameter): from (" + from + ") is after to (" + to + ")"));
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        SearchRequest request = new SearchRequest(query, filters, from, to, sort(ctx, problems), page, size,
                facets(ctx, problems));
        return new Lenient(request, List.copyOf(problems), typed, noWords);
    }

    /** The first {@code max} characters, ending at a word boundary when there is one. */
    private static String cut(String text, int max) {
        String head = text.substring(0, max);
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head).strip();
    }

    /** The in-force statuses that exist; each other value is left out and said so. */
    private static List<String> knownStatuses(List<String> values, List<Problem> problems) {
        List<String> known = new ArrayList<>();
        for (String v : values) {
            if (InForce.STATUSES.contains(v.strip())) {
                known.add(v.strip());
            } else {
                problems.add(new Problem("search.problem.inForce", List.of(v), "Tham số in_force phải là một trong "
                        + InForce.STATUSES + " (in_force must be one of " + InForce.STATUSES + ", was [" + v + "])"));
            }
        }
        return known;
    }

    /** A cited number in its canonical key, the form the facet counts show, so one number is one filter value. */
    private static String citedKey(String number) {
        return DocNumber.parse(number).map(DocNumber::key).orElse(number.strip());
    }

    private static LocalDate date(Context ctx, String name, List<Problem> problems) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return parseDate(v.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem("search.problem.date", List.of(name, v), "Tham số " + name
                    + " phải là ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD (parameter " + name
                    + " must be a date dd/mm/yyyy or YYYY-MM-DD, was [" + v + "])"));
            return null;
        }
    }

    /** Day first as officers write it (25/12/2020, 5-1-2021, 05.01.2021), or ISO as links and programs write it. */
    static LocalDate parseDate(String v) {
        if (v.length() == 10 && v.charAt(4) == '-') {
            return LocalDate.parse(v);
        }
        return LocalDate.parse(v.replace('-', '/').replace('.', '/'), DAY_FIRST);
    }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** {@code facets=none} skips facet counting (every dimension comes back empty); anything else counts them. */
    private static boolean facets(Context ctx, List<Problem> problems) {
        String v = ctx.queryParam("facets");
        if (v == null || v.isBlank() || v.strip().equals("all")) {
            return true;
        }
        if (v.strip().equals("none")) {
            return false;
        }
        problems.add(new Problem("search.problem.facets", List.of(v), "Tham số facets chỉ nhận all hoặc none"
                + " (unknown facets [" + v + "], expected one of [all, none])"));
        return true;
    }

    private static SearchRequest.Sort sort(Context ctx, List<Problem> problems) {
        String v = ctx.queryParam("sort");
        if (v == null || v.isBlank()) {
            return SearchRequest.Sort.RELEVANCE;
        }
        try {
            return SearchRequest.Sort.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("search.problem.sort", List.of(v), "Cách sắp xếp không hợp lệ (unknown sort ["
                    + v + "], expected one of [relevance, newest, oldest])"));
            return SearchRequest.Sort.RELEVANCE;
        }
    }

    private static int integer(Context ctx, String name, int fallback, List<Problem> problems) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem("search.problem.number", List.of(name, v), "Tham số " + name
                    + " phải là số nguyên (parameter " + name + " must be a whole number, was [" + v + "])"));
            return fallback;
        }
    }
}
