package io.sessiongrid.node.sni;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.sni.SniService;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the SNI service's automatic reclamation ({@link SniService#sweep}) on a member: identifiers whose lease
 * has not been heartbeated for the idle timeout, expired reservations, cold empty chunks. Every member schedules
 * it, but only the oldest member sweeps, so one pass runs per period however large the cluster (a sweep is
 * safe from several callers anyway; this only saves work).
 */
public final class SniSweeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SniSweeper.class.getName());
    private static final Duration MAX_PERIOD = Duration.ofMinutes(1);
    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);

    private final HazelcastInstance member;
    private final SniService sni;
    private final ScheduledExecutorService timer;

    private SniSweeper(HazelcastInstance member, SniService sni, Duration period) {
        this.member = member;
        this.sni = sni;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-sni-sweeper");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweepIfOldest, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sweeps every half idle timeout (between 1 s and 1 min) while {@code member} is the oldest member. */
    public static SniSweeper start(HazelcastInstance member, SniService sni, Duration idleTimeout) {
        Duration half = idleTimeout.dividedBy(2);
        Duration period = half.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : half.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : half;
        return new SniSweeper(member, sni, period);
    }

    private void sweepIfOldest() {
        try {
            Iterator<Member> members = member.getCluster().getMembers().iterator();
            if (members.hasNext() && members.next().localMember()) {
                sni.sweep();
            }
        } catch (RuntimeException e) {
            // A minority side (split-brain protection) or a member shutting down: the next period tries again.
            LOG.log(Level.FINE, "SNI sweep skipped: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
