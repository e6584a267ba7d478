package io.sessiongrid.analyzer.internal;

import io.sessiongrid.analyzer.SeriesPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SeriesRingTest {
    private static SeriesPoint point(long start, long requests) {
        return new SeriesPoint(start, 1000, 1, 1, 0, 0, requests, 0, 0, 0, 0, 0, new String[]{"get"},
                new long[]{requests});
    }

    @Test
    void keepsTheNewestPointsReplacesAReplayedWindowAndIgnoresOlderOnes() {
        SeriesRing ring = new SeriesRing(1000, 3);
        for (int i = 0; i < 5; i++) {
            ring.append(point(i * 1000L, i));
        }
        assertEquals(3, ring.size());
        List<SeriesPoint> points = ring.points();
        assertEquals(List.of(2000L, 3000L, 4000L), points.stream().map(SeriesPoint::windowStart).toList());
        assertEquals(0, points.get(0).apiCalls().length, "only the newest keeps its API mix");
        assertArrayEquals(new String[]{"get"}, points.get(2).apiCalls());
        ring.append(point(4000, 40));
        assertEquals(40, ring.points().get(2).requests());
        assertFalse(ring.append(point(1000, 1)));
        assertArrayEquals(new double[]{2, 3, 40}, ring.requestRates());
    }
}
