package io.sessiongrid.servers.internal;

import io.sessiongrid.servers.ConnectionOwnership.Phase;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The connection registry's steps, as they run on an entry (pure: the processor needs no member to test). */
class OwnershipProcessorTest {
    private static final ConnectionRef REF = new ConnectionRef("s1", "c1");

    private final Map.Entry<ConnectionRef, ConnectionRecord> entry = new AbstractMap.SimpleEntry<>(REF, null);

    private ConnectionRecord apply(OwnershipProcessor p) {
        return p.process(entry);
    }

    @Test
    void registerCreatesVersionOneOwnedByTheServer() {
        ConnectionRecord r = apply(OwnershipProcessor.register("A", 100));
        assertEquals("A", r.server());
        assertEquals(1, r.version());
        assertEquals(Phase.OWNED, r.phaseValue());
        assertSame(r, entry.getValue());
        assertSame(r, apply(OwnershipProcessor.register("A", 200)), "re-registering with the owner changes nothing");
    }

    @Test
    void aMoveBeginsOnlyAtTheExpectedVersionThenFlipsAndAccepts() {
        apply(OwnershipProcessor.register("A", 100));
        ConnectionRecord stale = apply(OwnershipProcessor.begin("B", "m1", "X", "A", 7, 110, 5_000));
        assertEquals(Phase.OWNED, stale.phaseValue(), "version 7 is not the entry's version 1");

        ConnectionRecord moving = apply(OwnershipProcessor.begin("B", "m1", "X", "A", 1, 110, 5_000));
        assertEquals(Phase.MOVING, moving.phaseValue());
        assertEquals("A", moving.server());
        assertEquals("B", moving.peer());
        assertEquals(2, moving.version());
        assertSame(moving, apply(OwnershipProcessor.begin("C", "m2", "X", "A", 2, 120, 5_000)), "already moving");

        assertSame(moving, apply(OwnershipProcessor.flip("other-move")), "a flip of another move does nothing");
        ConnectionRecord flipped = apply(OwnershipProcessor.flip("m1"));
        assertEquals(Phase.ACCEPTING, flipped.phaseValue());
        assertEquals("B", flipped.server());
        assertEquals("A", flipped.peer());

        ConnectionRecord done = apply(OwnershipProcessor.accept("m1", 4096, 1));
        assertEquals(Phase.OWNED, done.phaseValue());
        assertEquals("B", done.server());
        assertEquals(ConnectionRecord.COMPLETED, done.lastMove());
        assertEquals("A", done.lastPeer());
        assertEquals(4096, done.moveBytes());
        assertEquals(4, done.version());
        assertSame(done, apply(OwnershipProcessor.rollback("m1", "late")), "a finished move does not roll back");
    }

    @Test
    void aBatchBeginChecksTheSourceInsteadOfTheVersion() {
        apply(OwnershipProcessor.register("A", 100));
        assertEquals(Phase.OWNED, apply(OwnershipProcessor.begin("B", "m1", "X", "C", 0, 110, 5_000)).phaseValue(),
                "C does not own it");
        assertEquals(Phase.MOVING, apply(OwnershipProcessor.begin("B", "m1", "X", "A", 0, 110, 5_000)).phaseValue());
    }

    @Test
    void rollbackReturnsToTheSourceFromEitherMovePhase() {
        apply(OwnershipProcessor.register("A", 100));
        apply(OwnershipProcessor.begin("B", "m1", "X", "A", 1, 110, 5_000));
        ConnectionRecord back = apply(OwnershipProcessor.rollback("m1", "target died"));
        assertEquals("A", back.server());
        assertEquals(ConnectionRecord.ROLLED_BACK, back.lastMove());
        assertEquals("B", back.lastPeer());
        assertEquals("target died", back.reason());

        apply(OwnershipProcessor.begin("B", "m2", "X", "A", back.version(), 120, 5_000));
        apply(OwnershipProcessor.flip("m2"));
        ConnectionRecord afterFlip = apply(OwnershipProcessor.rollback("m2", "fence"));
        assertEquals("A", afterFlip.server(), "a rollback after the flip gives the connection back to the source");
        assertEquals("B", afterFlip.lastPeer());
    }

    @Test
    void orphanedConnectionsCanMoveOrBeReopenedElsewhere() {
        apply(OwnershipProcessor.register("A", 100));
        assertEquals(Phase.ORPHANED, apply(OwnershipProcessor.orphan("A")).phaseValue());
        ConnectionRecord reopened = apply(OwnershipProcessor.register("C", 300));
        assertEquals(Phase.OWNED, reopened.phaseValue());
        assertEquals("C", reopened.server());
        assertEquals(Phase.OWNED, apply(OwnershipProcessor.orphan("A")).phaseValue(), "only the owner's death orphans");
    }

    @Test
    void closeRemovesOnlyWhenTheClosingServerOwnsIt() {
        apply(OwnershipProcessor.register("A", 100));
        apply(OwnershipProcessor.close("B"));
        assertEquals("A", entry.getValue().server(), "a server the connection left does not remove it");
        apply(OwnershipProcessor.close("A"));
        assertNull(entry.getValue());
        assertNull(apply(OwnershipProcessor.flip("m1")), "steps on an absent entry create nothing");
    }

    @Test
    void adoptGivesADeadServersConnectionANewOwnerUnlessItChangedSinceItWasRead() {
        apply(OwnershipProcessor.register("A", 100));
        ConnectionRecord orphaned = apply(OwnershipProcessor.orphan("A"));
        assertEquals(Phase.ORPHANED, orphaned.phaseValue());
        assertSame(orphaned, apply(OwnershipProcessor.adopt("B", "A", orphaned.version() - 1)), "stale version");
        assertSame(orphaned, apply(OwnershipProcessor.adopt("B", "X", orphaned.version())), "another owner");
        ConnectionRecord adopted = apply(OwnershipProcessor.adopt("B", "A", orphaned.version()));
        assertEquals(Phase.OWNED, adopted.phaseValue());
        assertEquals("B", adopted.server());
        assertEquals(orphaned.version() + 1, adopted.version());

        ConnectionRecord reopened = apply(OwnershipProcessor.register("C", 300)); // the application reopened it
        assertSame(reopened, apply(OwnershipProcessor.adopt("D", "B", adopted.version())),
                "an adoption planned on what it read never takes a connection its application reopened meanwhile");
        entry.setValue(null);
        assertNull(apply(OwnershipProcessor.adopt("B", "A", 1)), "nothing to adopt once closed");
    }
}
