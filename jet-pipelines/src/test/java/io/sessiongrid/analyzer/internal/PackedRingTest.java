package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.SeriesPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackedRingTest {
    private static final long SECOND = 1000;

    /** A window with every field set from {@code random}: busy, idle, gaps, rare counters, large values. */
    private static SeriesPoint point(SplittableRandom random, long start) {
        boolean idle = random.nextInt(5) == 0;
        long requests = idle ? 0 : random.nextLong(1, 1_000_000_000L);
        long samples = random.nextInt(1, 200);
        return new SeriesPoint(start, SECOND, samples, samples * 0.5, random.nextInt(3), random.nextInt(2),
                requests, requests / (1 + random.nextInt(100)), random.nextLong(Long.MAX_VALUE / 4),
                random.nextLong(1 << 20), random.nextLong(1 << 30), random.nextInt(4), null, null);
    }

    @Test
    void keepsTheNewestWindowsExactlyWhateverTheirValues() {
        SplittableRandom random = new SplittableRandom(7);
        PackedRing ring = new PackedRing(SECOND, 100);
        List<SeriesPoint> all = new ArrayList<>();
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 1000; i++) {
            start += SECOND * (random.nextInt(10) == 0 ? 1 + random.nextInt(50) : 1);
            SeriesPoint p = point(random, start);
            assertTrue(ring.append(p));
            all.add(p);
            int from = Math.max(0, all.size() - 100);
            if (i % 97 == 0 || i == 999) {
                assertEquals(all.subList(from, all.size()), ring.points(), "after " + (i + 1) + " windows");
            }
        }
        assertEquals(100, ring.size());
        assertEquals(start, ring.newestStart());
    }

    @Test
    void replacesAReplayedNewestWindowIgnoresOlderOnesAndKeepsTheNewestApiMix() {
        PackedRing ring = new PackedRing(SECOND, 10);
        long[] v = new long[PackedRing.FIELDS];
        for (int i = 0; i < 30; i++) {
            v[PackedRing.START] = i * SECOND;
            v[PackedRing.SAMPLES] = 1;
            v[PackedRing.SAMPLE_MILLIS] = SECOND;
            v[PackedRing.REQUESTS] = i;
            assertTrue(ring.append(v, 0, new String[]{"get"}, new long[]{i}));
        }
        v[PackedRing.REQUESTS] = 290;
        assertTrue(ring.append(v, 0, null, null), "a replay of the newest window replaces it");
        v[PackedRing.START] = 5 * SECOND;
        assertFalse(ring.append(v, 0, null, null), "an older window is ignored");
        List<SeriesPoint> points = ring.points();
        assertEquals(10, points.size());
        assertEquals(20 * SECOND, points.get(0).windowStart());
        assertEquals(290, points.get(9).requests());
        assertEquals(1.0, points.get(9).connections());
        assertEquals(0, points.get(9).apiCalls().length, "the replayed window had no mix");
        assertEquals(0, points.get(8).apiCalls().length, "only the newest window keeps a mix");
    }

    @Test
    void aSteadySeriesCostsAboutOneByteAWindow() {
        PackedRing ring = new PackedRing(SECOND, 720);
        for (int i = 0; i < 720; i++) {
            ring.append(new SeriesPoint(i * SECOND, SECOND, 1, 1, 0, 0, 3, 0, 300, 3000, 600, 0, null, null));
        }
        assertTrue(ring.packedBytes() < 720 * 2, ring.packedBytes() + " bytes");
    }

    @Test
    void survivesCompactSerializationAndKeepsAppending() {
        SplittableRandom random = new SplittableRandom(11);
        PackedRing ring = new PackedRing(SECOND, 50);
        for (int i = 0; i < 77; i++) {
            ring.append(point(random, i * SECOND));
        }
        ring.append(new SeriesPoint(77 * SECOND, SECOND, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, new String[]{"a"},
                new long[]{1}));
        PackedRing copy = ProcessorTestKit.SERIALIZATION.toObject(ProcessorTestKit.SERIALIZATION.toData(ring));
        assertEquals(ring.points(), copy.points());
        assertArrayEquals(new String[]{"a"}, copy.points().get(49).apiCalls());
        SeriesPoint next = point(random, 78 * SECOND);
        ring.append(next);
        copy.append(next);
        assertEquals(ring.points(), copy.points());
    }
}
