package vn.archive.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The application's one JSON mapper, configured once: java.time values as ISO text (not timestamps), unknown
 * properties refused. Every store, the API and the command line write the same shape with it. It lives in
 * {@code config} because configuring it is configuration read once, and {@code config} sits under every package
 * that writes JSON ({@code model} stays free of framework types).
 *
 * <p>Never reconfigure it: a local variation is an {@code ObjectReader} or {@code ObjectWriter} derived from it
 * ({@code MAPPER.writerWithDefaultPrettyPrinter()}, {@code MAPPER.readerFor(T.class).without(…)}).
 */
public final class Json {
    /** The shared mapper (thread-safe once built). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
    }
}
