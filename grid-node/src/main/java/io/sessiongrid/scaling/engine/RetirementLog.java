package io.sessiongrid.scaling.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The servers the engine has chosen to retire and not yet retired, kept where the next leader finds them: an engine
 * that takes over mid-drain finishes the retirements its predecessor began (they are DRAINING, count as no capacity,
 * and nothing else would ever stop them). Servers an operator drained by hand are not in it.
 */
public interface RetirementLog {
    /** The servers chosen to retire, as the last leader left them. */
    Set<String> load();

    void add(String serverId);

    void remove(String serverId);

    /** One engine's memory only (tests, simulations). */
    static RetirementLog inMemory() {
        Set<String> ids = new LinkedHashSet<>();
        return new RetirementLog() {
            @Override
            public Set<String> load() {
                return Set.copyOf(ids);
            }

            @Override
            public void add(String serverId) {
                ids.add(serverId);
            }

            @Override
            public void remove(String serverId) {
                ids.remove(serverId);
            }
        };
    }

    /** In the {@value ScalingMaps#RETIRING} IMap: server id to the time it was chosen. */
    static RetirementLog inMap(HazelcastInstance hazelcast, java.time.Clock clock) {
        IMap<String, Long> map = hazelcast.getMap(ScalingMaps.RETIRING);
        return new RetirementLog() {
            @Override
            public Set<String> load() {
                return new LinkedHashSet<>(map.keySet());
            }

            @Override
            public void add(String serverId) {
                map.set(serverId, clock.millis());
            }

            @Override
            public void remove(String serverId) {
                map.delete(serverId);
            }
        };
    }
}
