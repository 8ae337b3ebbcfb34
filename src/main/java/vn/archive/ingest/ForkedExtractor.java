package vn.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.archive.model.FailureKind;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tika in child JVMs, so that one pathological file can neither hang nor crash the batch: each child has its own
 * heap limit (and exits on running out of memory), each file a deadline after which its child is killed; a new child
 * takes its place for the next file. Children are long-lived (one JVM start and Tika initialization each), read
 * requests on stdin and exit when it closes, so a parent killed with -9 leaves none behind. This is what Tika's
 * ForkParser does, with the extraction settings of {@link TikaExtractor} and plain length-prefixed frames.
 *
 * <p>Why not tika-core's own: {@code ForkParser} isolates as well (pooled child JVMs, a parse timeout that kills the
 * child), but ships the parser, its {@code ParseContext} and every class to the child by Java serialization over its
 * class-loader proxy (or needs a folder of Tika jars), streams SAX events back one by one, and reports a timeout, an
 * out-of-memory exit and a crash alike as a lost connection, so the failure kinds would be guessed from messages.
 * {@code PipesParser} gives the statuses we want ({@code TIMEOUT}, {@code OOM}, {@code UNSPECIFIED_CRASH}), but reads
 * its input through a configured fetcher (a file path under a base folder, from a tika-config XML) and answers with
 * Tika metadata lists: every ZIP entry and e-mail attachment, held in memory here, would first be written to disk in
 * clear, and the page count, OCR need and legacy-encoding repair of {@link Extraction} rebuilt from metadata. Neither
 * keeps behaviour unchanged for less code, so this small worker stays.
 */
final class ForkedExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(ForkedExtractor.class);
    private static final byte OK = 0;
    private static final byte FAILED = 1;
    private static final byte READY = 'R';

    private final List<String> command;
    private final Duration timeout;
    private final Deque<Child> idle = new ArrayDeque<>();
    private final List<Child> all = new ArrayList<>();
    private final ExecutorService waiter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fork-extract");
        t.setDaemon(true);
        return t;
    });

    /** Why the child could not give an answer (it died or could not start); the caller may fall back. */
    static final class ChildFailure extends IOException {
        ChildFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param heap    child heap, as for {@code -Xmx} ("512m")
     * @param timeout longest a file may take
     */
    ForkedExtractor(String heap, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                ExtractWorker.class.getName());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fork-extract-shutdown"));
    }

    /** Extracts in a child, within the default deadline. */
    Extraction extract(SourceFile file) throws TikaExtractor.ExtractionException, ChildFailure {
        return extract(file, timeout);
    }

    /** Extracts in a child within the given deadline; a child that overruns or dies is replaced. */
    Extraction extract(SourceFile file, Duration deadline) throws TikaExtractor.ExtractionException, ChildFailure {
        Child child = borrow();
        boolean healthy = false;
        try {
            Future<Extraction> answer = waiter.submit(() -> child.call(file));
            try {
                Extraction e = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
                healthy = true;
                return e;
            } catch (TimeoutException e) {
                throw new TikaExtractor.ExtractionException(FailureKind.TIMEOUT, "Quá thời gian xử lý tệp ("
                        + deadline.toSeconds()
                        + " giây); đã dừng tiến trình trích xuất và bỏ qua tệp", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TikaExtractor.ExtractionException x) {
                    healthy = true; // the child answered: a plain extraction failure
                    throw x;
                }
                // The child was ready before this file, so its death is this file's doing.
                LOG.warn("Extraction child died on {}: {}", file.path(), e.getCause().toString());
                throw new TikaExtractor.ExtractionException(FailureKind.OUT_OF_MEMORY,
                        "Tệp làm tiến trình trích xuất dừng đột ngột "
                        + "(hết bộ nhớ hoặc lỗi nghiêm trọng); đã bỏ qua tệp", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TikaExtractor.ExtractionException(FailureKind.INTERNAL, "Bị dừng (interrupted)", e);
            }
        } finally {
            giveBack(child, healthy);
        }
    }

    private synchronized Child borrow() throws ChildFailure {
        Child c = idle.pollFirst();
        if (c != null && c.process.isAlive()) {
            return c;
        }
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Child fresh = new Child(p);
            if (fresh.in.readByte() != READY) {
                p.destroyForcibly();
                throw new ChildFailure("Extraction child did not start", null);
            }
            all.add(fresh);
            return fresh;
        } catch (IOException e) {
            throw new ChildFailure("Cannot start extraction child: " + e.getMessage(), e);
        }
    }

    private synchronized void giveBack(Child child, boolean healthy) {
        if (healthy && child.process.isAlive()) {
            idle.addFirst(child);
        } else {
            child.process.destroyForcibly();
            all.remove(child);
        }
    }

    /** Stops every child. */
    synchronized void close() {
        for (Child c : all) {
            c.process.destroyForcibly();
        }
        all.clear();
        idle.clear();
    }

    /** One child JVM and its pipes. */
    private static final class Child {
        final Process process;
        final DataOutputStream out;
        final DataInputStream in;

        Child(Process process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        Extraction call(SourceFile file) throws IOException, TikaExtractor.ExtractionException {
            writeString(out, file.fileName());
            out.writeInt(file.bytes().length);
            out.write(file.bytes());
            out.flush();
            byte status = in.readByte();
            if (status == FAILED) {
                FailureKind kind = FailureKind.valueOf(readString(in));
                throw new TikaExtractor.ExtractionException(kind, readString(in), null);
            }
            String text = readString(in);
            String mediaType = readString(in);
            int pages = in.readInt();
            int n = in.readInt();
            List<Integer> chars = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chars.add(in.readInt());
            }
            return new Extraction(text, mediaType, pages, chars);
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** The child's side: answers requests until stdin closes. */
    static void serve() throws IOException {
        // The protocol owns stdout; anything else printed (logging) goes to stderr.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        TikaExtractor tika = new TikaExtractor();
        out.writeByte(READY);
        out.flush();
        while (true) {
            String name;
            try {
                name = readString(in);
            } catch (EOFException e) {
                return; // the parent is gone or done
            }
            byte[] bytes = in.readNBytes(in.readInt());
            try {
                Extraction e = tika.extractRaw(new SourceFile(name, name, bytes));
                out.writeByte(OK);
                writeString(out, e.text());
                writeString(out, e.mediaType());
                out.writeInt(e.pages());
                out.writeInt(e.charsPerPage().size());
                for (int c : e.charsPerPage()) {
                    out.writeInt(c);
                }
            } catch (TikaExtractor.ExtractionException e) {
                out.writeByte(FAILED);
                writeString(out, e.kind().name());
                writeString(out, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                out.writeByte(FAILED);
                writeString(out, FailureKind.UNPARSABLE.name());
                writeString(out, "Không đọc được nội dung tệp: " + e);
            }
            out.flush();
        }
    }
}
