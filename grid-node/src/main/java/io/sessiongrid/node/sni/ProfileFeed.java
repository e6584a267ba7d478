package io.sessiongrid.node.sni;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.BehavioralProfiler;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.UnknownAppException;
import io.sessiongrid.sni.reservation.PlanAction;
import io.sessiongrid.sni.reservation.PredictiveAllocator;
import io.sessiongrid.sni.reservation.ReservationPolicy;
import io.sessiongrid.sni.reservation.VmForecast;
import io.sessiongrid.time.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every decision interval ({@code scaling.decisionInterval}), reads the profiler's per-application VM forecasts
 * and lets a {@link PredictiveAllocator} reserve (and shadow-allocate) identifiers for the predicted growth,
 * extend or release what it holds. Runs on every node (members and clients), over that node's
 * {@link SniService}, because shadow identifiers are handed out by the instance that reserved them. Scheduled on
 * the node's scheduler, so it stops before the node's instance does.
 */
public final class ProfileFeed implements NodeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileFeed.class);

    private IMap<String, AppProfile> profiles;
    private SniService sni;
    private PredictiveAllocator allocator;
    private ScheduledTask task;

    @Override
    public void start(NodeContext node) {
        this.profiles = node.hazelcast().getMap(BehavioralProfiler.PROFILES);
        this.sni = node.sni();
        this.allocator = new PredictiveAllocator(sni, ReservationPolicy.defaults(node.config().sni().reservationTtl()));
        Duration period = node.config().scaling().decisionInterval();
        this.task = node.scheduler().withFixedDelay("sni-profile-feed", period, period, this::runQuietly);
    }

    /**
     * One decision now: the forecasts of every registered application that has a profile, planned together (by
     * priority against the free pool) and applied. Applications without a profile, or not registered with the
     * SNI service, are left alone.
     *
     * @return what was done
     */
    public synchronized List<PlanAction> runOnce() {
        if (allocator == null) {
            throw new IllegalStateException("the profile feed has not been started on a node");
        }
        List<VmForecast> forecasts = new ArrayList<>();
        for (AppProfile p : profiles.values()) {
            if (registered(p.appId())) {
                forecasts.add(forecastOf(p));
            }
        }
        return forecasts.isEmpty() ? List.of() : allocator.onForecasts(forecasts);
    }

    /** The allocator's view of a profile: its point forecast, upper bound, confidence and horizon. */
    public static VmForecast forecastOf(AppProfile p) {
        return new VmForecast(p.appId(), p.predictedVms(), p.upperBound(), p.confidence(),
                Duration.ofMillis(p.horizonMillis()));
    }

    private boolean registered(String appId) {
        try {
            sni.status(appId);
            return true;
        } catch (UnknownAppException e) {
            return false;
        }
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (HazelcastInstanceNotActiveException e) {
            LOG.debug("SNI reservation refresh skipped: the instance is shutting down");
        } catch (RuntimeException e) {
            // The next interval tries again; reservations already made expire on their own if nobody extends them.
            LOG.warn("SNI reservation refresh failed; retrying next interval: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
