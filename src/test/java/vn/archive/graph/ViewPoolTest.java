package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.index.GraphLookups;
import vn.archive.meta.Dictionaries;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Views of the graph lent one question at a time, kept while the index is unchanged, and no more at once than allowed. */
class ViewPoolTest {
    private final AtomicReference<Object> version = new AtomicReference<>(new Object());
    private final GraphLookups lookups = (GraphLookups) Proxy.newProxyInstance(GraphLookups.class.getClassLoader(),
            new Class<?>[] {GraphLookups.class}, (proxy, method, args) -> {
                if (method.getName().equals("version")) {
                    return version.get();
                }
                if (method.getName().equals("documentBatch")) {
                    // none of the ids asked is in the index: what a view counts is what it asked for
                    return new GraphLookups.DocumentBatch(Map.of(), Map.of(), Map.of());
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private ViewPool pool(int maxViews) {
        return new ViewPool(lookups, () -> new QueriedReferences(lookups, new CitationResolver(Dictionaries.builtIn())),
                2, 100, maxViews);
    }

    @Test
    void a_question_beyond_the_views_allowed_waits_for_one_to_be_given_back_and_reads_on_it() throws Exception {
        ViewPool pool = pool(1);
        QueriedReferences first = pool.take();
        CompletableFuture<QueriedReferences> second = CompletableFuture.supplyAsync(pool::take);
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS), "the second question waits");
        pool.giveBack(first);
        assertSame(first, second.get(10, TimeUnit.SECONDS), "it reads on the view given back: the index is unchanged");
    }

    @Test
    void questions_waiting_for_the_view_get_it_in_the_order_they_came() throws Exception {
        ViewPool pool = pool(1);
        QueriedReferences first = pool.take();
        // a thread each (the common pool may have one thread on 2 cores)
        CompletableFuture<QueriedReferences> second = CompletableFuture.supplyAsync(pool::take, Thread::startVirtualThread);
        awaitWaiting(pool, 1);
        CompletableFuture<QueriedReferences> third = CompletableFuture.supplyAsync(pool::take, Thread::startVirtualThread);
        awaitWaiting(pool, 2);
        pool.giveBack(first);
        assertSame(first, second.get(10, TimeUnit.SECONDS), "the question that came first reads on the view");
        assertThrows(TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS), "the later one still waits");
        pool.giveBack(first);
        assertSame(first, third.get(10, TimeUnit.SECONDS));
        pool.giveBack(first);
        assertEquals(0, pool.waiting());
    }

    private static void awaitWaiting(ViewPool pool, int questions) throws InterruptedException {
        for (int i = 0; i < 1000 && pool.waiting() < questions; i++) {
            Thread.sleep(10);
        }
        assertEquals(questions, pool.waiting(), "questions waiting for the view");
    }

    @Test
    void a_view_read_before_the_index_changed_is_never_lent_again() {
        ViewPool pool = pool(3);
        QueriedReferences first = pool.take();
        pool.giveBack(first);
        assertEquals(1, pool.idle());
        version.set(new Object()); // a commit: the reader changed
        QueriedReferences next = pool.take();
        assertNotSame(first, next);
        pool.giveBack(next);
        assertEquals(1, pool.idle(), "only the view of the new version waits");
        assertSame(next, pool.take());
    }

    /** A pool with side views: a question waits 20 ms for a cold holder, and a side view reads at most 3 documents. */
    private ViewPool sided() {
        return pool(1).withSideViews(1, 20, 3);
    }

    /** A question reading {@code documents} documents (none in the index), answering with the view it was asked on. */
    private static Function<ReferenceView, ReferenceView> reading(int documents, CountDownLatch hold) {
        return view -> {
            for (int i = 0; i < documents; i++) {
                view.entry("doc-" + i);
            }
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return view;
        };
    }

    /** Starts a question that holds the kept view, reading cold, until {@code release} is counted down. */
    private static CompletableFuture<ReferenceView> holdingCold(ViewPool pool, CountDownLatch release) throws Exception {
        CompletableFuture<ReferenceView> first = CompletableFuture.supplyAsync(() -> pool.ask(reading(5, release)),
                Thread::startVirtualThread);
        Thread.sleep(100); // lent, and past the side views' wait
        return first;
    }

    @Test
    void a_small_question_asked_while_the_kept_view_reads_cold_is_answered_on_a_side_view_without_waiting() throws Exception {
        ViewPool pool = sided();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ReferenceView> first = holdingCold(pool, release);
        ReferenceView second = CompletableFuture.supplyAsync(() -> pool.ask(reading(2, new CountDownLatch(0))),
                Thread::startVirtualThread).get(10, TimeUnit.SECONDS);
        assertFalse(first.isDone(), "answered while the first question still holds the kept view");
        assertEquals(1, pool.sideCounts()[0]);
        release.countDown();
        assertNotSame(first.get(10, TimeUnit.SECONDS), second, "the side view is not the kept one");
        assertEquals(1, pool.idle(), "the kept view is kept, the side view dropped");
    }

    @Test
    void a_question_too_large_for_a_side_view_waits_and_is_answered_on_the_kept_view() throws Exception {
        ViewPool pool = sided();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ReferenceView> first = holdingCold(pool, release);
        CompletableFuture<ReferenceView> second = CompletableFuture.supplyAsync(
                () -> pool.ask(reading(4, new CountDownLatch(0))), Thread::startVirtualThread);
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS), "it waits for the kept view");
        assertEquals(1, pool.sideCounts()[1], "refused by the side view");
        release.countDown();
        assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS), "asked again on the kept view");
    }

    @Test
    void a_question_that_swallows_the_refused_read_is_still_asked_again_on_the_kept_view() throws Exception {
        ViewPool pool = sided();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ReferenceView> first = holdingCold(pool, release);
        Function<ReferenceView, String> careless = view -> {
            try {
                reading(4, new CountDownLatch(0)).apply(view);
                return "whole";
            } catch (RuntimeException e) {
                return "partial"; // a question that makes do with what it could read
            }
        };
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> pool.ask(careless), Thread::startVirtualThread);
        Thread.sleep(200);
        release.countDown();
        assertEquals("whole", second.get(10, TimeUnit.SECONDS));
        assertEquals(1, pool.sideCounts()[1]);
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void questions_behind_a_question_that_reads_nothing_new_keep_their_turn_on_the_kept_view() throws Exception {
        ViewPool pool = sided();
        pool.ask(reading(5, new CountDownLatch(0))); // the kept view has read these
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ReferenceView> first = CompletableFuture.supplyAsync(() -> pool.ask(reading(5, release)),
                Thread::startVirtualThread);
        Thread.sleep(100);
        CompletableFuture<ReferenceView> second = CompletableFuture.supplyAsync(
                () -> pool.ask(reading(2, new CountDownLatch(0))), Thread::startVirtualThread);
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS), "a warm holder is waited for");
        release.countDown();
        assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertEquals(0, pool.sideCounts()[0] + pool.sideCounts()[1], "no side view was lent");
    }
}
