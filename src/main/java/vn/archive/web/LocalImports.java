package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import vn.archive.curation.Correction;
import vn.archive.curation.Corrections;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local channel through which the {@code import} verb hands a batch to the portal that serves the same archive
 * (the index can have one writer only), and the {@code withdraw} verb its withdrawal. It answers only requests from
 * this machine that carry the secret the portal wrote, readable by its own user only, into the archive folder; the
 * files are read where they are.
 */
public final class LocalImports {
    /** Routes of the channel; the access check leaves them to {@link #check}. The {@code import} verb calls them. */
    public static final String PREFIX = "/api/local/imports";
    /** Route of the {@code withdraw} verb's withdrawals and restorations. */
    public static final String WITHDRAWALS = "/api/local/withdrawals";
    /** Header carrying the secret. */
    public static final String TOKEN_HEADER = "X-Archive-Local-Token";

    private final ImportBatches batches;
    private final byte[] token;
    private final Corrections corrections;

    /** {@code corrections} is null when the archive takes none (then nothing is withdrawn through the channel). */
    LocalImports(ImportBatches batches, String token, Corrections corrections) {
        this.batches = batches;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.corrections = corrections;
    }

    /**
     * {@code POST /api/local/withdrawals} with {@code {"id", "reason", "who"}} (a null reason restores): the
     * withdrawal of the document page, audited under the verb's {@code cli:<user>}; 200 with the recorded value,
     * 404 for an unknown document, 400 with the reason when it cannot be done (already withdrawn, no reason…).
     */
    void withdraw(Context ctx) throws IOException {
        check(ctx);
        if (corrections == null) {
            throw new NotFoundResponse("Cổng này không nhận hiệu đính (this portal takes no corrections)");
        }
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        String id = body.path("id").asText("");
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        String who = body.path("who").asText("");
        Optional<Correction> done;
        try {
            done = corrections.withdraw(id, reason, who);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        Correction c = done.orElseThrow(() -> new NotFoundResponse("Không tìm thấy văn bản [" + id + "] (no document with this id)"));
        LoginController.viewer(ctx).security().audit().record(who, reason == null ? "restore" : "withdraw", id,
                reason == null ? "" : c.newValue());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("withdrawn", reason != null);
        answer.put("value", c.newValue());
        ctx.json(answer);
    }

    /** {@code POST /api/local/imports} with {@code {"paths": [...]}}: starts the batch, 202 with its id. */
    void start(Context ctx) {
        check(ctx);
        if (batches == null) {
            throw new NotFoundResponse("Cổng này không nhận nhập từ dòng lệnh (no local import channel)");
        }
        JsonNode body = ctx.bodyAsClass(JsonNode.class);
        List<Path> paths = new ArrayList<>();
        body.path("paths").forEach(p -> paths.add(Path.of(p.asText())));
        if (paths.isEmpty() || paths.stream().anyMatch(p -> !p.isAbsolute())) {
            throw new BadRequestResponse("Cần danh sách đường dẫn tuyệt đối (absolute paths expected)");
        }
        ImportBatches.Batch batch = batches.startLocal(paths);
        ctx.status(HttpStatus.ACCEPTED);
        ctx.json(Map.of("id", batch.id));
    }

    /** {@code GET /api/local/imports/{id}?from=N}: the outcomes from the N-th on, and whether the batch runs. */
    void follow(Context ctx) {
        check(ctx);
        if (batches == null) {
            throw new NotFoundResponse("Cổng này không nhận nhập từ dòng lệnh (no local import channel)");
        }
        ImportBatches.Batch batch = batches.get(ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("Không có đợt nhập (no such import batch)"));
        int from = ctx.queryParamAsClass("from", Integer.class).getOrDefault(0);
        boolean finished = batch.finished();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("finished", finished);
        answer.put("error", batch.error);
        answer.put("outcomes", batch.outcomesFrom(from));
        ctx.json(answer);
    }

    private void check(Context ctx) {
        if (token == null || batches == null && corrections == null) {
            throw new NotFoundResponse("Cổng này không nhận nhập từ dòng lệnh (no local import channel)");
        }
        if (!loopback(ctx.req().getRemoteAddr())) {
            throw new ForbiddenResponse("Chỉ nhận từ chính máy chủ (local requests only)");
        }
        String given = ctx.header(TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("Sai mã nhập cục bộ (wrong local import token)");
        }
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
