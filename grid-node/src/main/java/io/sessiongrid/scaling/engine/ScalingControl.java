package io.sessiongrid.scaling.engine;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.query.Predicates;
import io.sessiongrid.migration.Migrations;
import io.sessiongrid.migration.MoveRecord;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The scaling API, the same on members and clients (it only uses maps): a manual floor, pause and resume, the
 * latest decisions and migrations, and a listener for decisions. The active engine reads the floor and the pause
 * at every interval.
 */
public final class ScalingControl {
    private static final String FLOOR = "floor";
    private static final String PAUSED = "paused";

    private final HazelcastInstance hazelcast;
    private final int maxServers;
    private final IMap<String, Integer> control;
    private final IMap<Long, DecisionRecord> decisions;

    /** The SNI application the engine reserves new servers' identifiers in, before it launches them. */
    public static final String MEMBER_IDS_APP = MemberIdReservations.APP;

    /** Controls with no upper bound of their own on {@link #scaleServers} (the engine still clamps to its maximum). */
    public ScalingControl(HazelcastInstance hazelcast) {
        this(hazelcast, Integer.MAX_VALUE);
    }

    /** @param maxServers {@code scaling.maxMembers}: {@link #scaleServers} refuses more */
    public ScalingControl(HazelcastInstance hazelcast, int maxServers) {
        this.hazelcast = hazelcast;
        this.maxServers = maxServers;
        this.control = hazelcast.getMap(ScalingMaps.CONTROL);
        this.decisions = hazelcast.getMap(ScalingMaps.DECISIONS);
    }

    /**
     * Asks for at least {@code targetCapacity} servers: the engine scales out to it and never scales in below it
     * until {@link #release()}.
     *
     * @throws IllegalArgumentException when targetCapacity is below 1 or above {@code scaling.maxMembers} (the
     *                                  engine never runs more servers than that: the floor would silently not hold)
     */
    public void scaleServers(int targetCapacity) {
        if (targetCapacity < 1) {
            throw new IllegalArgumentException("targetCapacity must be at least 1 server, got " + targetCapacity
                    + "; release() removes the floor");
        }
        if (targetCapacity > maxServers) {
            throw new IllegalArgumentException("targetCapacity " + targetCapacity + " is above scaling.maxMembers ("
                    + maxServers + "), the most servers the engine runs; allowed: 1.." + maxServers);
        }
        control.set(FLOOR, targetCapacity);
    }

    /** Removes the manual floor. */
    public void release() {
        control.delete(FLOOR);
    }

    /** The manual floor, 0 when none. */
    public int floor() {
        Integer f = control.get(FLOOR);
        return f == null ? 0 : f;
    }

    public void pause() {
        control.set(PAUSED, 1);
    }

    public void resume() {
        control.delete(PAUSED);
    }

    public boolean paused() {
        Integer p = control.get(PAUSED);
        return p != null && p == 1;
    }

    /** The newest {@code limit} decisions, newest first. */
    public List<DecisionRecord> decisions(int limit) {
        return decisions.entrySet().stream().sorted(Map.Entry.<Long, DecisionRecord>comparingByKey().reversed())
                .limit(Math.max(0, limit)).map(Map.Entry::getValue).toList();
    }

    /**
     * The decisions recorded at or after {@code since}, newest first: a query on the key (the decision's time),
     * cheap enough for a periodic check, unlike {@link #decisions(int)}, which reads the whole bounded map.
     */
    public List<DecisionRecord> decisionsSince(Instant since) {
        Objects.requireNonNull(since, "since: give the earliest decision time to return");
        return decisions.entrySet(Predicates.greaterEqual("__key", since.toEpochMilli() * 1000)).stream()
                .sorted(Map.Entry.<Long, DecisionRecord>comparingByKey().reversed()).map(Map.Entry::getValue).toList();
    }

    /** The newest {@code limit} connection moves, newest first. */
    public List<MoveRecord> migrations(int limit) {
        IMap<String, MoveRecord> moves = hazelcast.getMap(Migrations.MOVES_MAP);
        return moves.values().stream().sorted(Comparator.comparingLong(MoveRecord::startedAt).reversed())
                .limit(Math.max(0, limit)).toList();
    }

    /** Calls {@code listener} with every new decision; returns the id for {@link #removeDecisionListener}. */
    public UUID addDecisionListener(Consumer<DecisionRecord> listener) {
        Objects.requireNonNull(listener, "listener");
        return decisions.addEntryListener((EntryAddedListener<Long, DecisionRecord>)
                (EntryEvent<Long, DecisionRecord> e) -> listener.accept(e.getValue()), true);
    }

    public boolean removeDecisionListener(UUID id) {
        return decisions.removeEntryListener(id);
    }
}
