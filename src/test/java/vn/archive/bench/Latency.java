package vn.archive.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a set of requests from C concurrent clients and reports latency percentiles. */
final class Latency {
    /** A request that may fail. */
    interface Request {
        void run(int i) throws Exception;
    }

    /** Percentiles in milliseconds, and how many requests were measured. */
    record Result(double p50, double p99, int count) {
        String ms() {
            return String.format(Locale.ROOT, "%.2f / %.2f", p50, p99);
        }
    }

    private Latency() {
    }

    /**
     * Runs {@code total} rounds spread over {@code clients} threads, after {@code warmup} unmeasured rounds; in round
     * i every request kind runs once on query i, in an order rotated by i. Interleaving keeps the kinds under the
     * same load (this machine is shared), so their ratio is fair even when absolute figures drift.
     */
    static Result[] measure(int clients, int total, int warmup, Request... kinds) throws Exception {
        long[] none = new long[kinds.length];
        Arrays.fill(none, Long.MAX_VALUE);
        return measure(clients, total, warmup, none, kinds);
    }

    /**
     * As {@link #measure(int, int, int, Request...)}, but kind k is no longer started once {@code budgetNanos[k]} of
     * wall time have passed since measuring began: a slow peer then contributes the rounds it managed (its result's
     * count says how many) instead of stretching the whole run. The kinds it leaves run on alone.
     */
    static Result[] measure(int clients, int total, int warmup, long[] budgetNanos, Request... kinds)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Request k : kinds) {
                k.run(i);
            }
        }
        long[][] nanos = new long[kinds.length][total];
        for (long[] n : nanos) {
            Arrays.fill(n, -1);
        }
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        Thread[] threads = new Thread[clients];
        Exception[] failure = new Exception[1];
        for (int c = 0; c < clients; c++) {
            threads[c] = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        for (int j = 0; j < kinds.length; j++) {
                            int k = (i + j) % kinds.length;
                            long t0 = System.nanoTime();
                            if (t0 - began > budgetNanos[k]) {
                                continue;
                            }
                            kinds[k].run(i);
                            nanos[k][i] = System.nanoTime() - t0;
                        }
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        Result[] out = new Result[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            long[] sorted = Arrays.stream(nanos[k]).filter(n -> n >= 0).sorted().toArray();
            out[k] = new Result(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length);
        }
        return out;
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))] / 1e6;
    }

    static <T> T pick(List<T> items, int i) {
        return items.get(i % items.size());
    }
}
