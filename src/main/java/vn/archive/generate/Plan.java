package vn.archive.generate;

import java.util.Arrays;

/** Who issues what and when, in plan order (central first, then provinces, then districts). */
final class Plan {
    final long seed;
    final int n;
    final int[] spec;
    final int[] province;
    final int[] unit;
    final String[] kind;
    final int[] day;
    final int[] parent;
    final int[] grandparent;
    final int[] topic;
    final String[] number;
    /** Plan index of each document id, and back: ids are shuffled so files are not in date or level order. */
    final int[] planOfId;
    final int[] idOfPlan;

    Plan(long seed, int n) {
        this.seed = seed;
        this.n = n;
        spec = new int[n];
        province = new int[n];
        unit = new int[n];
        kind = new String[n];
        day = new int[n];
        parent = new int[n];
        grandparent = new int[n];
        topic = new int[n];
        number = new String[n];
        planOfId = new int[n];
        idOfPlan = new int[n];
        Arrays.fill(parent, -1);
        Arrays.fill(grandparent, -1);
        Arrays.fill(unit, -1);
        Arrays.fill(province, -1);
    }
}
