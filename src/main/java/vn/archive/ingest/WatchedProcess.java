package vn.archive.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a child process to its end or its deadline, whichever comes first. Both pipes are drained on their own
 * threads, so a chatty child never blocks on a full pipe and the wait for the deadline is what decides: reading the
 * whole output before waiting would wait for as long as the child keeps its output open, deadline or not. When time
 * is up, the process and everything it started are killed (a wrapper script's children would keep the pipes open).
 */
final class WatchedProcess {
    /** The standard output and exit code of a child that finished in time. */
    record Finished(int exitCode, byte[] stdout) { }

    private WatchedProcess() {
    }

    /**
     * Starts the process and waits for it up to the deadline.
     *
     * @throws TimeoutException when it did not finish in time (it has been killed), or finished but something it
     *                          started still held its output open
     * @throws IOException      when it could not start or its output could not be read
     */
    static Finished run(ProcessBuilder command, Duration deadline)
            throws IOException, InterruptedException, TimeoutException {
        Process p = command.start();
        try {
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            drain(p.getErrorStream());
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("still running after " + deadline.toSeconds() + " s");
            }
            byte[] stdout = out.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Finished(p.exitValue(), stdout);
        } catch (ExecutionException e) {
            throw new IOException("output not readable: " + e.getCause(), e.getCause());
        } finally {
            kill(p);
        }
    }

    /** Kills the process and whatever it started. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (p.isAlive()) {
            p.destroyForcibly();
        }
    }

    /** Reads a stream to its end on a virtual thread. */
    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (InputStream in = stream) {
                bytes.complete(in.readAllBytes());
            } catch (IOException e) {
                bytes.completeExceptionally(e);
            }
        });
        return bytes;
    }
}
