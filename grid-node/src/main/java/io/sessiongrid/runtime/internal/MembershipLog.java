package io.sessiongrid.runtime.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.sessiongrid.node.member.MemberConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs members joining and leaving at info, the level an operator watches (Hazelcast's own logs stay at warn). */
final class MembershipLog implements MembershipListener {
    private static final Logger LOG = LoggerFactory.getLogger("io.sessiongrid.cluster");

    @Override
    public void memberAdded(MembershipEvent event) {
        LOG.info("member joined: {}; {} member(s) in the cluster", describe(event.getMember()), event.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        LOG.info("member left: {}; {} member(s) in the cluster", describe(event.getMember()), event.getMembers().size());
    }

    static String describe(Member m) {
        String role = m.getAttribute(MemberConfigs.ROLE_ATTRIBUTE);
        return m.getAddress() + " (" + (m.isLiteMember() ? "lite member" : "data member")
                + (role == null ? "" : ", role " + role) + ", uuid " + m.getUuid() + ")";
    }
}
