package io.sessiongrid.node.bench;

import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.analyzer.internal.ConnectionKey;
import io.sessiongrid.analyzer.internal.PackedRing;
import io.sessiongrid.analyzer.internal.SeriesRings;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryPrefillTest {
    private static final long NOW = 1_800_000_123_456L;
    private static final SeriesRings.History HISTORY =
            new SeriesRings.History(new long[]{1_000, 5_000, 60_000}, new int[]{60, 180, 120});

    private static SeriesRings fill(int connections) {
        Map.Entry<ConnectionKey, SeriesRings> entry =
                new AbstractMap.SimpleEntry<>(new ConnectionKey("s-1", "c-1"), null);
        new HistoryPrefill(HISTORY, NOW, connections).process(entry);
        return entry.getValue();
    }

    @Test
    void fillsEveryRingToItsCapacityWithWindowsEndingBeforeNow() {
        SeriesRings rings = fill(1);
        for (int i = 0; i < 3; i++) {
            long interval = HISTORY.intervals()[i];
            List<SeriesPoint> points = rings.points(interval);
            assertEquals(HISTORY.points()[i], points.size(), "interval " + interval);
            SeriesPoint newest = points.get(points.size() - 1);
            assertEquals(NOW - NOW % interval - interval, newest.windowStart(), "the newest window ended before now");
            for (int k = 1; k < points.size(); k++) {
                assertEquals(interval, points.get(k).windowStart() - points.get(k - 1).windowStart(), "no gaps");
            }
        }
    }

    @Test
    void windowsLookLikeTheLiveLoadOfOneRequestPerConnectionSecond() {
        for (int connections : new int[]{1, 4}) {
            List<SeriesPoint> minutes = fill(connections).points(60_000);
            double seconds = 60.0 * connections * minutes.size();
            double requests = minutes.stream().mapToLong(SeriesPoint::requests).sum();
            double bytesIn = minutes.stream().mapToLong(SeriesPoint::bytesIn).sum();
            assertEquals(1.0, requests / seconds, 0.05, "one request per connection second on average");
            assertEquals(HistoryPrefill.BYTES_IN_MIN + HistoryPrefill.BYTES_IN_SPAN / 2.0, bytesIn / requests, 10);
            assertTrue(minutes.stream().allMatch(p -> p.samples() == 60L * connections && p.connections() == connections));
        }
    }

    @Test
    void holdsTheMostARingEverHolds() {
        SeriesRings rings = fill(1);
        PackedRing ring = rings.ring(1_000, HISTORY);
        long packed = ring.packedBytes();
        // One more window makes the ring drop its oldest block: it held the top of its saw-tooth.
        long[] v = new long[PackedRing.FIELDS];
        v[PackedRing.START] = ring.newestStart() + 1_000;
        ring.append(v, 0, null, null);
        assertTrue(ring.packedBytes() < packed, ring.packedBytes() + " < " + packed);
    }
}
