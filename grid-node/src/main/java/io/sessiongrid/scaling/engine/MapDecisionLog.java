package io.sessiongrid.scaling.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.concurrent.atomic.AtomicInteger;

/** Decisions into {@link ScalingMaps#DECISIONS} (bounded by its map configuration), keyed newest-largest. */
public final class MapDecisionLog implements DecisionSink {
    private final IMap<Long, DecisionRecord> decisions;
    private final AtomicInteger sequence = new AtomicInteger();

    public MapDecisionLog(HazelcastInstance hazelcast) {
        this.decisions = hazelcast.getMap(ScalingMaps.DECISIONS);
    }

    @Override
    public void record(DecisionRecord decision) {
        long key = decision.at().toEpochMilli() * 1000 + Math.floorMod(sequence.getAndIncrement(), 1000);
        decisions.set(key, decision);
    }
}
