package vn.archive.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A GET by the JDK's blocking {@code HttpURLConnection}, its connection kept alive between requests, the answer read
 * whole on the calling thread. {@code java.net.http}'s client hands each request to its selector thread and its
 * worker pool and back (three more thread wake-ups a request); on 2 shared cores that doubled the HTTP p50 of a
 * search at 8 clients ({@code HttpGapBench}), a cost of the harness's client that no reader of the portal pays.
 */
final class BlockingGet {
    private BlockingGet() {
    }

    /** The answer's bytes; anything but 200 is an error naming the URL, status and body. */
    static byte[] get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = c.getResponseCode();
        if (status != 200) {
            try (InputStream err = c.getErrorStream()) {
                throw new IOException(url + " answered " + status + ": "
                        + (err == null ? "" : new String(err.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
