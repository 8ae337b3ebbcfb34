package vn.archive.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to its integer weight. */
final class Weighted {
    private final int[] cumulative;

    Weighted(int[] weights) {
        cumulative = new int[weights.length];
        int sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k];
            cumulative[k] = sum;
        }
        if (sum <= 0) {
            throw new IllegalStateException("no positive weight in " + Arrays.toString(weights));
        }
    }

    int pick(SplittableRandom rnd) {
        int x = rnd.nextInt(cumulative[cumulative.length - 1]);
        // the first index whose cumulative weight exceeds x (zero weights repeat a value: never pick them)
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
