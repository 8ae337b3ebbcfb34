package vn.archive.web;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import vn.archive.config.Json;

import java.io.IOException;

/**
 * Writes an API answer as JSON with the one mapper straight to the response stream: no String of the whole answer
 * and no byte copy of it in between (an implementation tree of 2,000 nodes is about half a megabyte). The bytes are
 * those {@code ctx.json} wrote ({@code Json.MAPPER.writeValueAsString}); the answer is computed before this is
 * called, so a failure still gets its error status.
 */
final class StreamedJson {
    private StreamedJson() {
    }

    /** The answer as {@code application/json}, written as it is serialised. */
    static void write(Context ctx, Object answer) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
            // the response stream is Javalin's to close
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Json.MAPPER.writeValue(g, answer);
        }
    }
}
