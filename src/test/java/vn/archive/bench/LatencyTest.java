package vn.archive.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTest {
    @Test
    void a_kind_past_its_budget_is_no_longer_started_and_its_count_says_so() throws Exception {
        Latency.Request fast = i -> { };
        Latency.Request slow = i -> Thread.sleep(20);
        long[] budget = {Long.MAX_VALUE, 100_000_000L};
        Latency.Result[] r = Latency.measure(1, 50, 0, budget, fast, slow);
        assertEquals(50, r[0].count(), "the kind without a budget runs every round");
        assertTrue(r[1].count() >= 1 && r[1].count() < 50, "the slow kind stops after its budget: " + r[1].count());
        assertTrue(r[1].p50() >= 20, "only measured rounds count: " + r[1].p50());
    }

    @Test
    void without_a_budget_every_round_of_every_kind_is_measured() throws Exception {
        Latency.Result[] r = Latency.measure(4, 40, 2, i -> { }, i -> Thread.sleep(1));
        assertEquals(40, r[0].count());
        assertEquals(40, r[1].count());
        assertTrue(r[1].p99() >= 1);
    }
}
