package vn.archive.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Picks from a list with a Zipf-like popularity assigned at random: a few items are picked very often. */
final class Picker {
    /** Skew of how often a document is implemented: a few resolutions are implemented everywhere. */
    private static final double POPULARITY_SKEW = 0.9;

    private final int[] items;
    private final double[] cumulative;

    Picker(List<Integer> list, SplittableRandom rnd) {
        items = list.stream().mapToInt(Integer::intValue).toArray();
        int[] rank = IntStream.range(1, items.length + 1).toArray();
        for (int k = rank.length - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = rank[k];
            rank[k] = rank[j];
            rank[j] = t;
        }
        cumulative = new double[items.length];
        double sum = 0;
        for (int k = 0; k < items.length; k++) {
            sum += 1 / Math.pow(rank[k], POPULARITY_SKEW);
            cumulative[k] = sum;
        }
    }

    int pick(SplittableRandom rnd) {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int k = Arrays.binarySearch(cumulative, x);
        if (k < 0) {
            k = Math.min(-k - 1, items.length - 1);
        }
        return items[k];
    }
}
