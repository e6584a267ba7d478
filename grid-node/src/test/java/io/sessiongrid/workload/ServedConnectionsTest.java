package io.sessiongrid.workload;

import io.sessiongrid.workload.ServedConnections.Served;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServedConnectionsTest {

    @Test
    void movesStartAndStopServingOnce() {
        ServedConnections served = new ServedConnections();
        assertTrue(served.arrived("c1", "s1"));
        assertFalse(served.arrived("c1", "s1"), "a repeated arrival is not a second connection");
        assertTrue(served.contains("c1"));
        assertTrue(served.left("c1"));
        assertFalse(served.left("c1"));
        assertEquals(1, served.arrivals());
        assertEquals(1, served.departures());
        assertEquals(0, served.size());
    }

    @Test
    void reconcileAdoptsWhatTheRegistryGivesAndDropsWhatItTookAway() {
        ServedConnections served = new ServedConnections();
        served.arrived("old", "s0");
        ServedConnections.Changes changes = served.reconcile(served.mark(), Map.of("c1", "s1", "c2", "s2"));
        assertEquals(List.of("c1", "c2"), changes.started().stream().map(Served::connectionId).sorted().toList());
        assertEquals(List.of(new Served("old", "s0")), changes.stopped());
        assertEquals(2, served.size());
        assertTrue(served.reconcile(served.mark(), Map.of("c1", "s1", "c2", "s2")).isEmpty(), "nothing changed");
    }

    @Test
    void anEventAfterTheRegistrySnapshotWinsOverTheSnapshot() {
        ServedConnections served = new ServedConnections();
        served.arrived("gone", "s0");
        long mark = served.mark();
        // the registry is read here; meanwhile one connection arrives and another moves away
        served.arrived("new", "s1");
        served.left("gone");
        ServedConnections.Changes changes = served.reconcile(mark, Map.of("gone", "s0"));
        assertTrue(changes.isEmpty(), "the stale snapshot neither drops 'new' nor brings back 'gone': " + changes);
        assertTrue(served.contains("new"));
        assertFalse(served.contains("gone"));
        // the next snapshot, taken after the events, is authoritative again
        ServedConnections.Changes next = served.reconcile(served.mark(), Map.of());
        assertEquals(List.of(new Served("new", "s1")), next.stopped());
    }
}
