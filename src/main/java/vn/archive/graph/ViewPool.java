package vn.archive.graph;

import vn.archive.index.GraphLookups;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The per-query views of the portal's graph, lent one question at a time and kept between questions while the index
 * they read is unchanged ({@link GraphLookups#version()}), so that a second tree of the same part of the archive
 * finds its documents and resolved citations already read, as a whole-archive snapshot did, without the heap growing
 * with the archive: a view that has read more than {@code maxDocuments} documents is dropped when given back, at
 * most {@code maxIdle} views wait, and at most {@code maxViews} are lent at once (a view is never shared by two
 * threads), a question beyond waiting for one, in the order the questions came (a fair semaphore: a tree asked
 * under load is not passed over by later ones). A view is only ever a memo of the index's answers, so a kept view
 * answers as a fresh one would.
 */
final class ViewPool {
    private final GraphLookups lookups;
    private final Supplier<QueriedReferences> fresh;
    private final int maxIdle;
    private final int maxDocuments;
    /** One permit per view that may be lent at once, handed out in the order asked. */
    private final Semaphore permits;
    private final Deque<QueriedReferences> idle = new ArrayDeque<>();
    /** The index version each lent or idle view has read; a view of another version is never lent again. */
    private final Map<QueriedReferences, Object> versions = new IdentityHashMap<>();

    ViewPool(GraphLookups lookups, Supplier<QueriedReferences> fresh, int maxIdle, int maxDocuments, int maxViews) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.maxIdle = maxIdle;
        this.maxDocuments = maxDocuments;
        this.permits = new Semaphore(maxViews, true);
    }

    /** A view of the index as it is now: a kept one of the same version, or a new one. */
    QueriedReferences take() {
        // at most maxViews views at once: a question beyond waits for one to be given back (on 2 cores more at
        // once only share the CPU, and each view holds what its question read)
        permits.acquireUninterruptibly();
        Object version;
        try {
            version = version();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        synchronized (this) {
            if (version == null) {
                idle.clear();
                versions.clear();
            } else {
                while (!idle.isEmpty()) {
                    QueriedReferences view = idle.pop();
                    if (version.equals(versions.get(view))) {
                        return view;
                    }
                    versions.remove(view); // the index has changed since it was read
                }
            }
            QueriedReferences view = fresh.get();
            if (version != null) {
                versions.put(view, version);
            }
            return view;
        }
    }

    /** Gives a view back after its question: kept if the index has not changed and the view is not too large. */
    void giveBack(ReferenceView lent) {
        if (!(lent instanceof QueriedReferences view)) {
            return;
        }
        try {
            Object version = version();
            synchronized (this) {
                Object read = versions.get(view);
                if (read != null && read.equals(version) && view.documentsRead() <= maxDocuments && idle.size() < maxIdle) {
                    idle.push(view);
                } else {
                    versions.remove(view);
                }
            }
        } finally {
            permits.release();
        }
    }

    /** How many questions wait for a view (for tests). */
    int waiting() {
        return permits.getQueueLength();
    }

    /** How many views wait to be lent (for tests). */
    synchronized int idle() {
        return idle.size();
    }

    private Object version() {
        try {
            return lookups.version();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
