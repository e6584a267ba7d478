package io.sessiongrid.sni;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import io.sessiongrid.config.SniConfig;

/**
 * Member configuration of the SNI maps: {@code sessiongrid.sni*.chunks}, {@code .pool}, {@code .apps},
 * {@code .reservations} (every namespace starting with {@value SniOptions#PREFIX}), one synchronous backup each, the Compact
 * serializers, and split-brain protection.
 *
 * <p><b>Split-brain protection.</b> With {@code expectedMembers = n >= 3}, the SNI maps require a majority,
 * {@code n / 2 + 1} members, for reads and writes: the minority side of a split refuses to allocate
 * ({@link SniUnavailableException}) and, on merge, the majority's entries win (the default put-if-absent merge keeps
 * the larger cluster's values). The default, {@code expectedMembers = 1}, attaches no protection: Hazelcast refuses
 * a minimum size below 2, a 1-member development cluster must work, and a 2-member cluster with minimum 2 would stop
 * allocating whenever either member fails. Production clusters should pass their planned size.
 */
public final class SniMaps {
    /** Name of the split-brain protection config the SNI maps use. */
    public static final String SPLIT_BRAIN_PROTECTION = "sessiongrid-sni-majority";
    private static final String[] MAPS = {"chunks", "pool", "apps", "reservations"};

    private SniMaps() {
    }

    /** For a development cluster: no split-brain protection (see the class comment). */
    public static Config configure(Config memberConfig, SniConfig config) {
        return configure(memberConfig, config, 1);
    }

    /**
     * @param expectedMembers the planned cluster size; a majority of it (at least 2) is required when it is 3 or
     *                        more, nothing is required below 3
     */
    public static Config configure(Config memberConfig, SniConfig config, int expectedMembers) {
        SniConfigs.validate(config);
        if (expectedMembers < 1) {
            throw new IllegalArgumentException("expectedMembers must be >= 1, got " + expectedMembers);
        }
        int minimum = majority(expectedMembers);
        if (minimum >= 2) {
            memberConfig.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(SPLIT_BRAIN_PROTECTION, true,
                    minimum).setProtectOn(SplitBrainProtectionOn.READ_WRITE));
        }
        for (String map : MAPS) {
            MapConfig mapConfig = new MapConfig(SniOptions.PREFIX + "*." + map).setBackupCount(1).setAsyncBackupCount(0);
            if (map.equals("chunks")) {
                // Entry processors work on the object itself: no deserialization per call.
                mapConfig.setInMemoryFormat(InMemoryFormat.OBJECT);
            }
            if (minimum >= 2) {
                mapConfig.setSplitBrainProtectionName(SPLIT_BRAIN_PROTECTION);
            }
            memberConfig.addMapConfig(mapConfig);
        }
        SniSerialization.register(memberConfig.getSerializationConfig());
        return memberConfig;
    }

    /** The split-brain protection minimum for a planned cluster size: {@code n / 2 + 1} for n >= 3, else 0 (none). */
    public static int majority(int expectedMembers) {
        return expectedMembers >= 3 ? expectedMembers / 2 + 1 : 0;
    }
}
