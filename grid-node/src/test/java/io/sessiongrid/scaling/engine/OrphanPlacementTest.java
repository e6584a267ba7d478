package io.sessiongrid.scaling.engine;

import io.sessiongrid.scaling.engine.OrphanPlacement.Candidate;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrphanPlacementTest {

    private static List<String> orphans(int n) {
        return IntStream.range(0, n).mapToObj(i -> "o" + i).toList();
    }

    @Test
    void orphansFillTheLeastPredictedLoadFirstEachAddingTheMeanUsagePerConnection() {
        // 60/s over 10 connections: each orphan is expected to bring 6/s. b climbs 10, 16, ... 52 in 7 steps,
        // then a (50) is the least loaded.
        Map<String, String> plan = OrphanPlacement.plan(orphans(8),
                List.of(new Candidate("a", 50, 5), new Candidate("b", 10, 5)));
        assertEquals(8, plan.size());
        assertEquals(7, Collections.frequency(plan.values(), "b"));
        assertEquals("a", plan.get("o7"));
        assertEquals(List.of(orphans(8).toArray()), List.copyOf(plan.keySet()), "in the orphans' order");
    }

    @Test
    void withoutPredictionsTheFewestConnectionsGoFirstTiesByServerId() {
        Map<String, String> plan = OrphanPlacement.plan(orphans(5),
                List.of(new Candidate("a", 0, 3), new Candidate("c", 0, 1), new Candidate("b", 0, 1)));
        assertEquals(List.of("b", "c", "b", "c", "a"), List.copyOf(plan.values()),
                "1-1-3 connections become 3-3-3 before a gets one");
    }

    @Test
    void noCandidateNoPlan() {
        assertTrue(OrphanPlacement.plan(orphans(3), List.of()).isEmpty());
    }
}
