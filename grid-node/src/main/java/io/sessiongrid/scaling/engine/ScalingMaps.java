package io.sessiongrid.scaling.engine;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.SerializationConfig;

/** The engine's maps: decisions (bounded) and the control entries (floor, pause), with config and SQL mapping. */
public final class ScalingMaps {
    /** Decisions by key {@code epochMillis * 1000 + sequence}: newest has the largest key. */
    public static final String DECISIONS = "sessiongrid.scaling.decisions";
    /** {@code floor} (servers, 0 = none) and {@code paused} (1 = paused), both integers. */
    public static final String CONTROL = "sessiongrid.scaling.control";
    /** Servers the active engine chose to retire and has not retired yet ({@link RetirementLog}). */
    public static final String RETIRING = "sessiongrid.scaling.retiring";
    /** At most this many decisions per member (LRU), and none older than a week. */
    public static final int DECISIONS_KEPT_PER_MEMBER = 10_000;
    static final int DECISIONS_TTL_SECONDS = 7 * 24 * 3600;

    private ScalingMaps() {
    }

    /**
     * Bounds the decisions map and registers the serializer, on every member. Idempotent: every node's built-in
     * engine calls it, and a configuration prepared by an application may already have it (a second registration
     * of the serializer would fail the member's start).
     */
    public static Config configureMember(Config member) {
        if (member.getMapConfigOrNull(DECISIONS) != null) {
            return member;
        }
        member.addMapConfig(new MapConfig(DECISIONS).setBackupCount(1).setTimeToLiveSeconds(DECISIONS_TTL_SECONDS)
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(DECISIONS_KEPT_PER_MEMBER)));
        registerSerializers(member.getSerializationConfig());
        return member;
    }

    /** The decision record's Compact serializer (members and clients). */
    public static SerializationConfig registerSerializers(SerializationConfig serialization) {
        serialization.getCompactSerializationConfig().addSerializer(new DecisionRecord.Serializer());
        return serialization;
    }

    /** The SQL mapping of the decisions map, for Management Center's SQL browser. */
    public static String sqlMapping() {
        String columns = "__key BIGINT, decidedAt BIGINT, decidedBy VARCHAR, policy VARCHAR, kind VARCHAR, "
                + "servers INT, retired VARCHAR, reason VARCHAR, demand DOUBLE, peakUpper DOUBLE, committed INT";
        String quoted = java.util.Arrays.stream(columns.split(", ")).map(c -> "\"" + c.replaceFirst(" ", "\" "))
                .collect(java.util.stream.Collectors.joining(", "));
        return "CREATE OR REPLACE MAPPING \"" + DECISIONS + "\" (" + quoted + ") TYPE IMap OPTIONS ("
                + "'keyFormat'='bigint', 'valueFormat'='compact', 'valueCompactTypeName'='" + DecisionRecord.TYPE_NAME
                + "')";
    }
}
