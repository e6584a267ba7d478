package io.sessiongrid.sni.sharding;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardingTest {
    @Test
    void shuffledOrderIsAPermutation() {
        for (int n : new int[] {1, 2, 64, 1024, 65_536}) {
            ShuffledOrder order = new ShuffledOrder(n, 42);
            BitSet seen = new BitSet(n);
            for (int i = 0; i < n; i++) {
                seen.set(order.at(i));
            }
            assertEquals(n, seen.cardinality(), "n = " + n);
        }
        ShuffledOrder order = new ShuffledOrder(1024, 7);
        int adjacent = 0;
        for (int i = 0; i < 1023; i++) {
            adjacent += Math.abs(order.at(i) - order.at(i + 1)) == 1 ? 1 : 0;
        }
        assertTrue(adjacent < 50, "consecutive positions are rarely neighbours: " + adjacent);
        assertNotEquals(new ShuffledOrder(1024, 1).at(0) * 1024 + new ShuffledOrder(1024, 1).at(1),
                new ShuffledOrder(1024, 2).at(0) * 1024 + new ShuffledOrder(1024, 2).at(1));
    }

    @Test
    void shuffledPickSkipsTakenChunksAndReportsExhaustion() {
        long[] taken = new long[1];
        ShuffledOrder order = new ShuffledOrder(8, 3);
        ChunkPlacement.setTaken(taken, order.at(0), true);
        ChunkPlacement.Pick pick = ChunkPlacement.shuffled(taken, 8, order, 0);
        assertEquals(order.at(1), pick.chunk());
        assertEquals(2, pick.nextCursor());
        long[] full = {0xFFL};
        assertEquals(ChunkPlacement.NONE, ChunkPlacement.shuffled(full, 8, order, 5).chunk());
    }

    @Test
    void dynamicPlacementGrowsRightThenLeftThenOpensANewRangeInTheLargestGap() {
        long[] taken = new long[2];
        assertEquals(0, ChunkPlacement.adjacent(taken, 100, -1, -1), "an empty pool starts at 0");
        ChunkPlacement.setTaken(taken, 0, true);
        assertEquals(50, ChunkPlacement.adjacent(taken, 100, -1, -1), "a second application: middle of the gap");
        ChunkPlacement.setTaken(taken, 50, true);
        assertEquals(51, ChunkPlacement.adjacent(taken, 100, 50, 50));
        ChunkPlacement.setTaken(taken, 51, true);
        assertEquals(49, ChunkPlacement.adjacent(taken, 100, 50, 50), "right side taken: grow left");
        long[] boxed = new long[2];
        for (int c = 9; c <= 13; c++) {
            ChunkPlacement.setTaken(boxed, c, true);
        }
        assertEquals(57, ChunkPlacement.adjacent(boxed, 100, 10, 12), "both sides taken: middle of gap 14..99");
        BitSet owned = new BitSet();
        owned.set(4, 9);
        assertArrayEquals(new int[] {4, 8}, ChunkPlacement.rangeAround(owned, 6));
    }

    @Test
    void metricsReportContiguityAndFragmentation() {
        String[] owners = {"a", "a", null, "a", "b", null, null, "b"};
        long[] held = {10, 10, 0, 5, 4, 0, 0, 4};
        assertEquals((20.0 + 4) / 33, PoolMetrics.contiguity(owners, held), 1e-9);
        assertEquals(20.0 / 25, PoolMetrics.contiguity(owners, held, "a"), 1e-9);
        assertEquals(2, PoolMetrics.ranges(owners, "a"));
        assertEquals(1 - 2.0 / 3, PoolMetrics.fragmentation(owners), 1e-9);
        assertEquals(0.0, PoolMetrics.fragmentation(new String[] {"a", null, null}), 1e-9);
        assertEquals(1.0, PoolMetrics.contiguity(new String[3], new long[3]), 1e-9);
    }

    @Test
    void temperatureByLastActivity() {
        RangeTemperature t = RangeTemperature.forIdleTimeout(Duration.ofMinutes(8));
        assertEquals(Temperature.HOT, t.classify(0, Duration.ofMinutes(1).toMillis()));
        assertEquals(Temperature.WARM, t.classify(0, Duration.ofMinutes(5).toMillis()));
        assertEquals(Temperature.COLD, t.classify(0, Duration.ofMinutes(9).toMillis()));
    }
}
