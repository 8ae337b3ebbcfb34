package vn.archive.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The import page: upload files or ZIPs, then follow the batch's progress and per-file outcomes. */
final class ImportController {
    private static final String FIELD = "files";

    private final ImportBatches batches;
    private final Importer importer;
    private final long maxBytes;
    private final Views views;

    /** Without uploads configured (a null importer), the page says so and POST answers 503. */
    ImportController(ImportBatches batches, Importer importer, long maxBytes, Views views) {
        this.batches = batches;
        this.importer = importer;
        this.maxBytes = maxBytes;
        this.views = views;
    }

    void page(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("enabled", batches != null);
        model.put("maxMb", maxBytes / (1024 * 1024));
        model.put("batches", batches == null ? List.of() : batches.recent());
        Importer.Running running = importer == null ? null : importer.running().orElse(null);
        model.put("running", running);
        model.put("refresh", running != null);
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "import.title"));
        ctx.html(views.render(ctx, Views.IMPORT, model));
    }

    /** The form's POST: store the files, start the batch, and send the browser to its progress page. */
    void upload(Context ctx) throws IOException {
        ImportBatches.Batch batch = receive(ctx);
        ctx.redirect("/import/" + batch.id, HttpStatus.SEE_OTHER);
    }

    /** The API's POST: like the form, answering 202 with where to follow the batch. */
    void uploadApi(Context ctx) throws IOException {
        ImportBatches.Batch batch = receive(ctx);
        ctx.status(HttpStatus.ACCEPTED);
        ctx.header("Location", "/api/imports/" + batch.id);
        ctx.json(batch.view());
    }

    void batchPage(Context ctx) {
        ImportBatches.BatchView view = find(ctx).view();
        Map<String, Object> model = new HashMap<>();
        model.put("batch", view);
        model.put("refresh", view.running());
        model.put("pageTitle", Messages.get(Messages.locale(Messages.language(ctx)), "import.batchTitle", view.id()));
        ctx.html(views.render(ctx, Views.IMPORT_BATCH, model));
    }

    void batchJson(Context ctx) {
        ctx.json(find(ctx).view());
    }

    private ImportBatches.Batch find(Context ctx) {
        String id = ctx.pathParam("id");
        if (batches == null) {
            throw new NotFoundResponse("Không có đợt nhập [" + id + "] (no such import batch)");
        }
        return batches.get(id).orElseThrow(() ->
                new NotFoundResponse("Không có đợt nhập [" + id + "] (no such import batch)"));
    }

    private ImportBatches.Batch receive(Context ctx) throws IOException {
        if (batches == null) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "Cổng này không nhận tải lên (uploads are not enabled on this portal)");
        }
        if (ctx.contentLength() > maxBytes) {
            throw tooLarge();
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles(FIELD);
        } catch (Exception e) {
            // Jetty refuses parts over the multipart limits while reading them (chunked uploads have no length to
            // check first); anything else is a malformed request. Both are the client's, never a server error.
            if (exceedsLimit(e)) {
                throw tooLarge();
            }
            throw new BadRequestResponse("Không đọc được tệp tải lên (malformed multipart upload): " + e.getMessage());
        }
        files = files.stream().filter(f -> f.filename() != null && !f.filename().isBlank()).toList();
        if (files.isEmpty()) {
            throw new BadRequestResponse("Chưa chọn tệp nào để nhập (no file in field \"" + FIELD + "\")");
        }
        ImportBatches.Batch batch = batches.create();
        Set<String> used = new HashSet<>();
        for (UploadedFile f : files) {
            String name = unique(safeName(f.filename()), used);
            try (InputStream in = f.content()) {
                Files.copy(in, batch.dir.resolve(name));
            }
            batch.uploaded.add(name);
        }
        batches.start(batch);
        return batch;
    }

    /** Whether a multipart failure, at any depth of causes, is Jetty's size limit. */
    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("max length exceeded") || m.contains("exceeds max") || m.contains("too large")) {
                return true;
            }
        }
        return false;
    }

    private HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "Tệp tải lên quá lớn: tối đa " + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " byte")
                        + " mỗi lần. Hãy chia thành nhiều lần tải hoặc nhiều tệp ZIP nhỏ hơn (upload too large).");
    }

    /** The file's own name, without any folder a browser may send, and never a name that climbs out. */
    static String safeName(String submitted) {
        String name = submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "tep-tai-len";
        }
        return name;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }
}
