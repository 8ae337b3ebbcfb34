package vn.archive.graph;

import org.junit.jupiter.api.Test;
import vn.archive.index.GraphLookups;
import vn.archive.meta.Dictionaries;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
