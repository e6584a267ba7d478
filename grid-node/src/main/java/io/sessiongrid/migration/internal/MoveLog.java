package io.sessiongrid.migration.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.sessiongrid.migration.MigrationStats;
import io.sessiongrid.migration.Migrations;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.servers.internal.ConnectionRecord;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Writes finished moves to {@value Migrations#MOVES_MAP} (in bulk, asynchronously) and keeps this node's counters. */
final class MoveLog {
    private final IMap<String, MoveRecord> moves;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder partitions = new LongAdder();
    private final LongAdder fenceRounds = new LongAdder();

    MoveLog(HazelcastInstance hazelcast) {
        this.moves = hazelcast.getMap(Migrations.MOVES_MAP);
    }

    /** The record key of one connection's move: a batch shares its move id. */
    static String key(String moveId, String connectionId) {
        return moveId + "/" + connectionId;
    }

    /** A move record for an entry that just finished (its lastMove says how). */
    static MoveRecord of(ConnectionRecord after, long now) {
        boolean completed = ConnectionRecord.COMPLETED.equals(after.lastMove());
        String source = completed ? after.lastPeer() : after.server();
        String target = completed ? after.server() : after.lastPeer();
        return new MoveRecord(key(after.moveId(), after.connectionId()), after.connectionId(), after.sessionId(),
                source, target, completed ? MoveOutcome.COMPLETED.name() : MoveOutcome.ROLLED_BACK.name(),
                after.reason(), after.moveBytes(), after.movePartitions(), after.moveStartedAt(),
                Math.max(0, now - after.moveStartedAt()));
    }

    void write(Map<String, MoveRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        for (MoveRecord r : records.values()) {
            if (MoveOutcome.COMPLETED.name().equals(r.outcome())) {
                accepted.increment();
                bytes.add(r.bytesFetched());
                partitions.add(r.partitionsFetched());
            } else {
                rolledBack.increment();
            }
        }
        moves.putAllAsync(records);
    }

    void fenced(int rounds) {
        fenceRounds.add(rounds);
    }

    MigrationStats stats() {
        return new MigrationStats(accepted.sum(), rolledBack.sum(), bytes.sum(), partitions.sum(), fenceRounds.sum());
    }
}
