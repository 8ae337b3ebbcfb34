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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 *
 * <p>With side views ({@link #withSideViews}), a question that does not get the kept view within a short wait is
 * asked on a fresh view of its own, bounded in what it may read: a small question is not held behind a long one,
 * and one too large for the bound is asked again on the kept view, in its turn.
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
    /** Side views that may be lent at once (none: every question waits for a kept view). */
    private final Semaphore sides;
    private final long sideAfterMillis;
    private final int sideDocuments;
    /** Questions answered on a side view, and those too large for one (for tests and the bench). */
    private final AtomicLong sideAnswers = new AtomicLong();
    private final AtomicLong sideRefusals = new AtomicLong();
    /** The kept view lent now, when ({@link System#nanoTime}) and how much it had read then; null when it is free. */
    private volatile Lending lending;

    private record Lending(QueriedReferences view, long at, int loaded) {
    }

    ViewPool(GraphLookups lookups, Supplier<QueriedReferences> fresh, int maxIdle, int maxDocuments, int maxViews) {
        this(lookups, fresh, maxIdle, maxDocuments, new Semaphore(maxViews, true), 0, 0, 0);
    }

    private ViewPool(GraphLookups lookups, Supplier<QueriedReferences> fresh, int maxIdle, int maxDocuments,
                     Semaphore permits, int sideViews, long sideAfterMillis, int sideDocuments) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.maxIdle = maxIdle;
        this.maxDocuments = maxDocuments;
        this.permits = permits;
        this.sides = new Semaphore(sideViews);
        this.sideAfterMillis = sideAfterMillis;
        this.sideDocuments = sideDocuments;
    }

    /**
     * This pool (before any view is lent), where a question that has waited {@code afterMillis} for a kept view is
     * asked on a fresh side view reading at most {@code documents} documents, at most {@code views} at once.
     */
    ViewPool withSideViews(int views, long afterMillis, int documents) {
        return new ViewPool(lookups, fresh, maxIdle, maxDocuments, permits, views, afterMillis, documents);
    }

    /**
     * The answer to a question: on the kept view in its turn, unless the question holding it is reading cold
     * ({@link #readingCold}); then on a side view if one is free and the question reads few enough
     * documents there, else on the kept view in its turn.
     */
    <T> T ask(Function<ReferenceView, T> question) {
        boolean kept = waitForKept();
        if (!kept && sides.tryAcquire()) {
            Answer<T> answer;
            try {
                answer = onSide(question);
            } finally {
                sides.release();
            }
            if (answer != null) {
                return answer.value();
            }
        }
        QueriedReferences view = kept ? lend() : take();
        lending = new Lending(view, System.nanoTime(), view.loaded());
        try {
            return question.apply(view);
        } finally {
            lending = null;
            giveBack(view);
        }
    }

    /** A question's answer (which may be null). */
    private record Answer<T>(T value) {
    }

    /**
     * Waits for the kept view in turn, true when it is had; false (no longer waiting) once the question holding it
     * is {@linkplain #readingCold reading cold}, which a side view need not wait for. Questions queued behind warm
     * ones keep their turn, since the kept view answers them from what it has read.
     */
    private boolean waitForKept() {
        if (sideDocuments == 0) { // no side views
            permits.acquireUninterruptibly();
            return true;
        }
        try {
            while (!permits.tryAcquire(Math.max(1, sideAfterMillis / 4), TimeUnit.MILLISECONDS)) {
                if (readingCold()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the graph", e);
        }
    }

    /**
     * Whether the question holding the kept view has held it for the side views' wait and read, meanwhile, as many
     * documents as a side view may: a cold question, not one the kept view answers from what it has read.
     */
    private boolean readingCold() {
        Lending l = lending;
        return l != null && System.nanoTime() - l.at() > sideAfterMillis * 1_000_000
                && l.view().loaded() - l.loaded() >= sideDocuments;
    }

    /** The question asked on a fresh bounded view, or null when it read more than the bound allows. */
    private <T> Answer<T> onSide(Function<ReferenceView, T> question) {
        QueriedReferences side = fresh.get();
        side.limit(sideDocuments);
        T answer;
        try {
            answer = question.apply(side);
        } catch (RuntimeException e) {
            if (!side.exceeded()) {
                throw e;
            }
            answer = null;
        }
        if (side.exceeded()) {
            sideRefusals.incrementAndGet();
            return null; // whatever the question made of the refused read, it is asked again
        }
        sideAnswers.incrementAndGet();
        return new Answer<>(answer);
    }

    /** How many questions were answered on side views, and how many were too large for one. */
    long[] sideCounts() {
        return new long[] {sideAnswers.get(), sideRefusals.get()};
    }

    /** A view of the index as it is now: a kept one of the same version, or a new one. */
    QueriedReferences take() {
        // at most maxViews views at once: a question beyond waits for one to be given back (on 2 cores more at
        // once only share the CPU, and each view holds what its question read)
        permits.acquireUninterruptibly();
        return lend();
    }

    /** A view for a question that holds a permit. */
    private QueriedReferences lend() {
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
