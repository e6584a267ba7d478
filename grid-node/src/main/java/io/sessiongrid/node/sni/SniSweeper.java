package io.sessiongrid.node.sni;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.time.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Iterator;

/**
 * Runs the SNI service's automatic reclamation ({@link SniService#sweep}) on members: identifiers whose lease has
 * not been heartbeated for the idle timeout, expired reservations, cold empty chunks. Every member schedules it,
 * but only the oldest member sweeps, so one pass runs per period however large the cluster (a sweep is safe from
 * several callers anyway; this only saves work). Clients do not sweep.
 */
public final class SniSweeper implements NodeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SniSweeper.class);
    private static final Duration MAX_PERIOD = Duration.ofMinutes(1);
    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);

    private HazelcastInstance member;
    private SniService sni;
    private ScheduledTask task;

    /** Half the idle timeout, between 1 s and 1 min. */
    static Duration period(Duration idleTimeout) {
        Duration half = idleTimeout.dividedBy(2);
        return half.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : half.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : half;
    }

    @Override
    public void start(NodeContext node) {
        if (!node.kind().isMember()) {
            return;
        }
        this.member = node.hazelcast();
        this.sni = node.sni();
        Duration period = period(node.config().sni().idleTimeout());
        this.task = node.scheduler().withFixedDelay("sni-sweeper", period, period, this::sweepIfOldest);
    }

    private void sweepIfOldest() {
        try {
            Iterator<Member> members = member.getCluster().getMembers().iterator();
            if (members.hasNext() && members.next().localMember()) {
                sni.sweep();
            }
        } catch (RuntimeException e) {
            // A minority side (split-brain protection) or a member shutting down: the next period tries again.
            LOG.debug("SNI sweep skipped: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
