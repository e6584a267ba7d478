package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.IdRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RangesTest {
    @Test
    void splitsRangesByChunkAndKeepsWhatIsOutsideTheSpace() {
        List<IdRange> outside = new ArrayList<>();
        Map<Integer, int[]> parts = Ranges.byChunk(List.of(new IdRange(60, 10), new IdRange(250, 10)), 64, 256,
                outside);
        assertArrayEquals(new int[] {60, 4}, parts.get(0));
        assertArrayEquals(new int[] {0, 6}, parts.get(1));
        assertArrayEquals(new int[] {58, 6}, parts.get(3));
        assertEquals(List.of(new IdRange(256, 4)), outside);
    }

    @Test
    void mergesAdjacentRanges() {
        assertEquals(List.of(new IdRange(0, 10), new IdRange(20, 1)),
                Ranges.merge(List.of(new IdRange(5, 5), new IdRange(20, 1), new IdRange(0, 5))));
    }
}
