package io.sessiongrid.scaling.engine;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

/**
 * Exactly one active engine: the oldest data member. Hazelcast lists members oldest first, the same on every
 * member, so each member can tell on its own, every interval, whether it leads: when the leader leaves, the next
 * oldest data member finds itself first at its next interval (takeover within one interval). Lite members and
 * clients never lead.
 */
public final class EngineLeadership {

    private EngineLeadership() {
    }

    /** Whether {@code hazelcast} (a member) is the oldest data member of its cluster now. */
    public static boolean leads(HazelcastInstance hazelcast) {
        Member local;
        try {
            local = hazelcast.getCluster().getLocalMember();
        } catch (UnsupportedOperationException client) {
            return false; // a client has no local member
        }
        if (local.isLiteMember()) {
            return false;
        }
        for (Member m : hazelcast.getCluster().getMembers()) {
            if (!m.isLiteMember()) {
                return m.getUuid().equals(local.getUuid());
            }
        }
        return false;
    }
}
