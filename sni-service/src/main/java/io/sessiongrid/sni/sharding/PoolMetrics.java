package io.sessiongrid.sni.sharding;

import java.util.HashMap;
import java.util.Map;

/** Contiguity and fragmentation of a pool, from per-chunk owners and holdings. Pure. */
public final class PoolMetrics {
    private PoolMetrics() {
    }

    /**
     * Share of all held identifiers that sit in their application's best range: the run of consecutive chunks
     * owned by the application that holds most of its identifiers. 1 when nothing is held.
     *
     * @param owners owner of each chunk by index, {@code null} for a free chunk
     * @param held   identifiers held (leased or reserved) in each chunk
     */
    public static double contiguity(String[] owners, long[] held) {
        Map<String, long[]> perApp = perApp(owners, held);
        long total = 0;
        long inBest = 0;
        for (long[] v : perApp.values()) {
            total += v[0];
            inBest += v[1];
        }
        return total == 0 ? 1.0 : (double) inBest / total;
    }

    /** Contiguity of one application (see {@link #contiguity}); 1 when it holds nothing. */
    public static double contiguity(String[] owners, long[] held, String app) {
        long[] v = perApp(owners, held).get(app);
        return v == null || v[0] == 0 ? 1.0 : (double) v[1] / v[0];
    }

    /** Number of maximal runs of consecutive chunks owned by {@code app}. */
    public static int ranges(String[] owners, String app) {
        int runs = 0;
        for (int i = 0; i < owners.length; i++) {
            if (app.equals(owners[i]) && (i == 0 || !app.equals(owners[i - 1]))) {
                runs++;
            }
        }
        return runs;
    }

    /** {@code 1 - largest run of free chunks / free chunks}; 0 when there are no free chunks or they form one run. */
    public static double fragmentation(String[] owners) {
        int free = 0;
        int largest = 0;
        int run = 0;
        for (String owner : owners) {
            if (owner == null) {
                free++;
                run++;
                largest = Math.max(largest, run);
            } else {
                run = 0;
            }
        }
        return free == 0 ? 0.0 : 1.0 - (double) largest / free;
    }

    /** app -> {total held, held in best run}. */
    private static Map<String, long[]> perApp(String[] owners, long[] held) {
        Map<String, long[]> result = new HashMap<>();
        int i = 0;
        while (i < owners.length) {
            String owner = owners[i];
            if (owner == null) {
                i++;
                continue;
            }
            long runHeld = 0;
            int j = i;
            while (j < owners.length && owner.equals(owners[j])) {
                runHeld += held[j];
                j++;
            }
            long[] v = result.computeIfAbsent(owner, k -> new long[2]);
            v[0] += runHeld;
            v[1] = Math.max(v[1], runHeld);
            i = j;
        }
        return result;
    }
}
