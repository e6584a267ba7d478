package io.sessiongrid.migration.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.servers.internal.ConnectionRecord;
import io.sessiongrid.servers.internal.ConnectionRef;
import io.sessiongrid.servers.internal.HazelcastServerRegistry;
import io.sessiongrid.servers.internal.OwnershipProcessor;
import io.sessiongrid.time.ScheduledTask;
import io.sessiongrid.time.Scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rolls moves back, and cleans up after servers that die. On members, the oldest member (one at a time, the
 * same one every member agrees on) watches member and client removals: a dead server leaves the registry, its
 * moves as target roll back to their sources, its moves as source complete (the target needs nothing from it),
 * and the connections it owned are marked orphaned. It also rolls back moves whose deadline passed without
 * an accept (a target that hangs, or whose coordinator died).
 *
 * <p>A move that is under way when its server leaves can settle after that clean-up: a target that is still running
 * (a client the cluster gave up on, a member on its way out) accepts it, or it rolls back to a source that is gone.
 * Either way the connection ends owned by a server that is no longer registered and was not marked. Every such move
 * settles by its deadline plus one sweep, so a second pass that long after the first marks what it left.
 */
final class MoveJanitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MoveJanitor.class);
    /** A client that lost its connection to the oldest member gets this long to reconnect before it counts as dead. */
    static final Duration CLIENT_GRACE = Duration.ofSeconds(3);

    private final HazelcastInstance hazelcast;
    private final HazelcastServerRegistry registry;
    private final IMap<ConnectionRef, ConnectionRecord> connections;
    private final MoveLog log;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration recheckAfter;
    private ScheduledTask sweeper;
    private UUID membershipListener;
    private UUID clientListener;

    MoveJanitor(HazelcastInstance hazelcast, HazelcastServerRegistry registry, MoveLog log, Clock clock,
                Scheduler scheduler, Duration moveTimeout, boolean member) {
        this.hazelcast = hazelcast;
        this.registry = registry;
        this.connections = registry.connectionMap();
        this.log = log;
        this.clock = clock;
        this.scheduler = scheduler;
        Duration period = Duration.ofMillis(Math.max(500, moveTimeout.toMillis() / 2));
        // a move begun just before the clean-up: its deadline, then the sweep that rolls it back, and a margin
        this.recheckAfter = moveTimeout.plus(period.multipliedBy(2));
        if (member) {
            membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    scheduler.once("server-gone", Duration.ZERO, () -> instanceGone(event.getMember().getUuid().toString()));
                }
            });
            clientListener = hazelcast.getClientService().addClientListener(new com.hazelcast.client.ClientListener() {
                @Override
                public void clientConnected(com.hazelcast.client.Client client) {
                }

                @Override
                public void clientDisconnected(com.hazelcast.client.Client client) {
                    scheduler.once("client-gone", CLIENT_GRACE, () -> clientGone(client.getUuid()));
                }
            });
            sweeper = scheduler.withFixedDelay("move-sweeper", period, period, this::sweepQuietly);
        }
    }

    private boolean oldest() {
        try {
            Member first = hazelcast.getCluster().getMembers().iterator().next();
            return first.localMember();
        } catch (RuntimeException e) {
            return false; // shutting down
        }
    }

    private void clientGone(UUID client) {
        boolean back = hazelcast.getClientService().getConnectedClients().stream().anyMatch(c -> c.getUuid().equals(client));
        if (!back) {
            instanceGone(client.toString());
        }
    }

    /** Cleans up after the servers of a member or client that left the cluster. */
    void instanceGone(String instanceUuid) {
        if (!hazelcast.getLifecycleService().isRunning() || !oldest()) {
            return;
        }
        List<String> ids = registry.removeInstance(instanceUuid);
        // A server that deregistered before it left has no entry; its id is then its instance's UUID by default.
        List<String> gone = ids.isEmpty() ? List.of(instanceUuid) : ids;
        gone.forEach(this::serverGone);
        scheduler.once("server-gone-recheck", recheckAfter, () -> orphanLeftovers(gone));
    }

    /**
     * The second pass after servers left: orphans what moves that settled since left owned by them (unless a server
     * of that id registered again meanwhile: its connections are its own).
     */
    void orphanLeftovers(List<String> serverIds) {
        if (!hazelcast.getLifecycleService().isRunning() || !oldest()) {
            return;
        }
        for (String id : serverIds) {
            try {
                if (registry.server(id).isEmpty()) {
                    int orphaned = registry.orphanAll(id);
                    if (orphaned > 0) {
                        LOG.info("{} connections of server {}, which left the cluster, settled on it after its clean-up "
                                + "(a move accepted by it or rolled back to it); they are orphaned now", orphaned, id);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("second clean-up after server " + id + " failed", e);
            }
        }
    }

    /** Cleans up after a server that left the cluster without deregistering (or with connections left). */
    void serverGone(String serverId) {
        try {
            for (ConnectionRecord r : registry.involving(serverId)) {
                boolean targetDied = (r.in(Phase.MOVING) && serverId.equals(r.peer()))
                        || (r.in(Phase.ACCEPTING) && serverId.equals(r.server()));
                if (targetDied) {
                    rollback(r, "the target server " + serverId + " left the cluster");
                }
            }
            int orphaned = registry.orphanAll(serverId);
            if (orphaned > 0) {
                LOG.info("server " + serverId + " left the cluster; " + orphaned + " of its connections are orphaned");
            }
        } catch (RuntimeException e) {
            LOG.warn("clean-up after server " + serverId + " failed", e);
        }
    }

    private void sweepQuietly() {
        try {
            if (hazelcast.getLifecycleService().isRunning() && oldest()) {
                sweep();
            }
        } catch (RuntimeException e) {
            LOG.debug("move sweep failed; the next one retries", e);
        }
    }

    /** Rolls back every move whose deadline passed. */
    int sweep() {
        Collection<ConnectionRecord> late = connections.values(Predicates.and(
                Predicates.in("phase", Phase.MOVING.name(), Phase.ACCEPTING.name()),
                Predicates.lessThan("deadline", clock.millis())));
        int n = 0;
        for (ConnectionRecord r : late) {
            n += rollback(r, "the target did not accept before the move's deadline (migration.moveTimeout)") != null ? 1 : 0;
        }
        return n;
    }

    /**
     * Rolls back {@code r}'s current move, if it is still under way.
     *
     * @return the entry after the rollback, or null if the move had already finished (or the entry is gone)
     */
    ConnectionRecord rollback(ConnectionRecord r, String reason) {
        ConnectionRecord after = connections.executeOnKey(r.ref(), OwnershipProcessor.rollback(r.moveId(), reason));
        // A rollback that another node already made is reported again: its record has the same key, so it is
        // written over, not added.
        if (after != null && ConnectionRecord.ROLLED_BACK.equals(after.lastMove()) && r.moveId().equals(after.moveId())) {
            Map<String, MoveRecord> rec = new HashMap<>();
            rec.put(MoveLog.key(r.moveId(), r.connectionId()), MoveLog.of(after, clock.millis()));
            log.write(rec);
            return after;
        }
        return null;
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.cancel();
        }
        try {
            if (membershipListener != null) {
                hazelcast.getCluster().removeMembershipListener(membershipListener);
            }
            if (clientListener != null) {
                hazelcast.getClientService().removeClientListener(clientListener);
            }
        } catch (RuntimeException e) {
            // the instance is already down
        }
    }
}
