package io.sessiongrid.migration.internal;

import com.hazelcast.map.IMap;
import io.sessiongrid.migration.MoveEvent;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.servers.ConnectionOwnership.Phase;
import io.sessiongrid.servers.internal.ConnectionRecord;
import io.sessiongrid.servers.internal.ConnectionRef;
import io.sessiongrid.servers.internal.OwnershipProcessor;
import io.sessiongrid.session.replay.FenceResult;
import io.sessiongrid.session.replay.ReplayResult;
import io.sessiongrid.session.replay.SessionReplay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The target side of moves: takes the connections announced to this server (MOVING, peer = this server) in
 * batches ({@value #THREADS} at a time; each connection is in one batch, and every step is conditional on the entry,
 * so batches never interfere), and for each batch copies the sessions' partitions its role needs (one bulk read per type), flips
 * ownership (conditional on the move), fences the copy on the owners' versions, and accepts; a copy that cannot
 * be fenced before the move's deadline rolls the move back.
 */
final class TargetWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetWorker.class);
    static final int MAX_BATCH = 1_000;
    /** Batches in progress at once: one copies while another flips or accepts, so round trips overlap. */
    static final int THREADS = 2;

    private final String localId;
    private final IMap<ConnectionRef, ConnectionRecord> connections;
    private final SessionReplay replay;
    private final Collection<String> types;
    private final MoveLog log;
    private final Clock clock;
    private final Consumer<MoveEvent> publish;
    private final LinkedBlockingQueue<ConnectionRecord> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile java.util.concurrent.CountDownLatch gate; // non-null: incoming moves wait (tests of failures)

    TargetWorker(String localId, IMap<ConnectionRef, ConnectionRecord> connections, SessionReplay replay,
                 Collection<String> types, MoveLog log, Clock clock, Consumer<MoveEvent> publish) {
        this.localId = localId;
        this.connections = connections;
        this.replay = replay;
        this.types = List.copyOf(types);
        this.log = log;
        this.clock = clock;
        this.publish = publish;
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(this::run, "sessiongrid-move-target-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    void offer(ConnectionRecord moving) {
        queue.add(moving);
    }

    private void run() {
        List<ConnectionRecord> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
                java.util.concurrent.CountDownLatch g = gate;
                if (g != null) {
                    g.await();
                }
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The moves stay MOVING/ACCEPTING; their coordinator (or the clean-up) rolls them back at the deadline.
                if (running) {
                    LOG.warn("a batch of " + batch.size() + " incoming moves failed; they roll back", e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<ConnectionRecord> batch) {
        long now = clock.millis();
        Map<String, List<ConnectionRecord>> byMove = new LinkedHashMap<>();
        Set<String> sessions = new LinkedHashSet<>();
        for (ConnectionRecord r : batch) {
            if (r.deadline() > now) {
                byMove.computeIfAbsent(r.moveId(), k -> new ArrayList<>()).add(r);
                sessions.add(r.sessionId());
            }
        }
        if (sessions.isEmpty()) {
            return;
        }
        ReplayResult copied = replay.warm(sessions, types);
        // The flip: ownership passes to this server, on each entry only if it is still in this move.
        List<ConnectionRecord> flipped = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        for (Map.Entry<String, List<ConnectionRecord>> move : byMove.entrySet()) {
            Set<ConnectionRef> refs = refs(move.getValue());
            for (ConnectionRecord after : connections.executeOnKeys(refs, OwnershipProcessor.flip(move.getKey())).values()) {
                if (after != null && after.in(Phase.ACCEPTING) && localId.equals(after.server())
                        && move.getKey().equals(after.moveId())) {
                    flipped.add(after);
                    deadline = Math.min(deadline, after.deadline());
                }
            }
        }
        if (flipped.isEmpty()) {
            return;
        }
        // The fence runs after the flip: every write acknowledged before the flip is in the copy when it passes.
        Set<String> flippedSessions = new LinkedHashSet<>();
        flipped.forEach(r -> flippedSessions.add(r.sessionId()));
        FenceResult fence = replay.fence(flippedSessions, types, Instant.ofEpochMilli(deadline));
        log.fenced(fence.rounds());
        Map<String, MoveRecord> records = new HashMap<>();
        Map<List<Object>, List<ConnectionRecord>> acceptGroups = new LinkedHashMap<>();
        Map<String, List<ConnectionRecord>> rollbacks = new LinkedHashMap<>();
        for (ConnectionRecord r : flipped) {
            if (fence.stale().contains(r.sessionId())) {
                rollbacks.computeIfAbsent(r.moveId(), k -> new ArrayList<>()).add(r);
            } else {
                long bytes = copied.bytesBySession().getOrDefault(r.sessionId(), 0L);
                int parts = copied.partitionsBySession().getOrDefault(r.sessionId(), 0);
                acceptGroups.computeIfAbsent(List.of(r.moveId(), bytes, parts), k -> new ArrayList<>()).add(r);
            }
        }
        long at = clock.millis();
        for (Map.Entry<List<Object>, List<ConnectionRecord>> g : acceptGroups.entrySet()) {
            String moveId = (String) g.getKey().get(0);
            OwnershipProcessor accept = OwnershipProcessor.accept(moveId, (Long) g.getKey().get(1), (Integer) g.getKey().get(2));
            for (ConnectionRecord after : connections.executeOnKeys(refs(g.getValue()), accept).values()) {
                if (after != null && ConnectionRecord.COMPLETED.equals(after.lastMove()) && moveId.equals(after.moveId())
                        && localId.equals(after.server())) {
                    records.put(MoveLog.key(moveId, after.connectionId()), MoveLog.of(after, at));
                    publish.accept(new MoveEvent.ConnectionArrived(after.connectionId(), after.sessionId(), moveId,
                            after.lastPeer()));
                }
            }
        }
        for (Map.Entry<String, List<ConnectionRecord>> g : rollbacks.entrySet()) {
            OwnershipProcessor rollback = OwnershipProcessor.rollback(g.getKey(),
                    "the target could not bring its copy up to the owners' versions before the deadline");
            for (ConnectionRecord after : connections.executeOnKeys(refs(g.getValue()), rollback).values()) {
                if (after != null && ConnectionRecord.ROLLED_BACK.equals(after.lastMove()) && g.getKey().equals(after.moveId())) {
                    records.put(MoveLog.key(g.getKey(), after.connectionId()), MoveLog.of(after, at));
                }
            }
        }
        log.write(records);
    }

    private static Set<ConnectionRef> refs(List<ConnectionRecord> records) {
        Set<ConnectionRef> refs = new LinkedHashSet<>();
        records.forEach(r -> refs.add(r.ref()));
        return refs;
    }

    /** Holds (or releases) incoming moves before they are copied: lets tests kill a node mid-move. */
    void hold(boolean on) {
        java.util.concurrent.CountDownLatch g = gate;
        if (on && g == null) {
            gate = new java.util.concurrent.CountDownLatch(1);
        } else if (!on && g != null) {
            gate = null;
            g.countDown();
        }
    }

    @Override
    public void close() {
        running = false;
        hold(false);
        threads.forEach(Thread::interrupt);
    }
}
