package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.IdRange;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowPoolTest {
    @Test
    void takesLowestIdentifiersAcrossReservationsAndRemembersWhereEachCameFrom() {
        ShadowPool pool = new ShadowPool();
        pool.add("a", 1, List.of(new IdRange(100, 5)), 1_000);
        pool.add("a", 2, List.of(new IdRange(200, 10)), 1_000);
        ShadowPool.Taken t = pool.take("a", 8, 0);
        assertEquals(8, t.total());
        assertEquals(List.of(new IdRange(100, 5), new IdRange(200, 3)), t.ranges());
        assertArrayEquals(new long[] {1, 2}, t.reservations());
        assertEquals(7, pool.available("a", 0));
        assertNull(pool.take("b", 1, 0), "another application's pool is separate");
    }

    @Test
    void handsOutNothingAtOrAfterTheDeadline() {
        ShadowPool pool = new ShadowPool();
        pool.add("a", 1, List.of(new IdRange(0, 10)), 500);
        assertEquals(10, pool.available("a", 499));
        assertEquals(0, pool.available("a", 500));
        assertNull(pool.take("a", 1, 500));
        assertFalse(pool.holds("a", 1), "an expired segment is dropped");
    }

    @Test
    void givesBackToTheSameReservationButNotAfterItWasRemoved() {
        ShadowPool pool = new ShadowPool();
        pool.add("a", 1, List.of(new IdRange(0, 4)), 1_000);
        ShadowPool.Taken all = pool.take("a", 4, 0);
        assertEquals(0, pool.available("a", 0));
        pool.giveBack(all);
        assertEquals(4, pool.available("a", 0));
        ShadowPool.Taken again = pool.take("a", 4, 0);
        assertTrue(pool.remove("a", 1));
        pool.giveBack(again);
        assertEquals(0, pool.available("a", 0), "a released reservation takes nothing back");
    }

    @Test
    void extendingMovesTheDeadline() {
        ShadowPool pool = new ShadowPool();
        pool.add("a", 1, List.of(new IdRange(0, 4)), 100);
        pool.handOutUntil("a", 1, 200);
        assertEquals(4, pool.available("a", 150));
    }

    @Test
    void concurrentTakersNeverShareAnIdentifier() throws InterruptedException {
        ShadowPool pool = new ShadowPool();
        pool.add("a", 1, List.of(new IdRange(0, 20_000)), Long.MAX_VALUE);
        ConcurrentLinkedQueue<IdRange> taken = new ConcurrentLinkedQueue<>();
        List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            ShadowPool.Taken t;
            while ((t = pool.take("a", 1 + i, 0)) != null) {
                taken.addAll(t.ranges());
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        Set<Long> seen = new HashSet<>();
        taken.forEach(r -> r.ids().forEach(id -> assertTrue(seen.add(id), "handed out twice: " + id)));
        assertEquals(20_000, seen.size());
    }
}
