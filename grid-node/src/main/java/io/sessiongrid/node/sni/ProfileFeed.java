package io.sessiongrid.node.sni;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.BehavioralProfiler;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.UnknownAppException;
import io.sessiongrid.sni.reservation.PlanAction;
import io.sessiongrid.sni.reservation.PredictiveAllocator;
import io.sessiongrid.sni.reservation.ReservationPolicy;
import io.sessiongrid.sni.reservation.VmForecast;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every decision interval, reads the profiler's per-application VM forecasts and lets a
 * {@link PredictiveAllocator} reserve (and shadow-allocate) identifiers for the predicted growth, extend or
 * release what it holds. Runs in each process that allocates, over that process's {@link SniService}, because
 * shadow identifiers are handed out by the instance that reserved them.
 */
public final class ProfileFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProfileFeed.class.getName());

    private final IMap<String, AppProfile> profiles;
    private final SniService sni;
    private final PredictiveAllocator allocator;
    private final ScheduledExecutorService timer;

    private ProfileFeed(HazelcastInstance hazelcast, SniService sni, Duration reservationTtl, Duration period) {
        this.profiles = hazelcast.getMap(BehavioralProfiler.PROFILES);
        this.sni = sni;
        this.allocator = new PredictiveAllocator(sni, ReservationPolicy.defaults(reservationTtl));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sessiongrid-sni-profile-feed");
            t.setDaemon(true);
            return t;
        });
        long millis = period.toMillis();
        timer.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts feeding every {@code period}. */
    public static ProfileFeed start(HazelcastInstance hazelcast, SniService sni, Duration reservationTtl,
                                    Duration period) {
        return new ProfileFeed(hazelcast, sni, reservationTtl, period);
    }

    /**
     * One decision now: the forecasts of every registered application that has a profile, planned together (by
     * priority against the free pool) and applied. Applications without a profile, or not registered with the
     * SNI service, are left alone.
     *
     * @return what was done
     */
    public synchronized List<PlanAction> runOnce() {
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
        } catch (RuntimeException e) {
            // The next interval tries again; reservations already made expire on their own if nobody extends them.
            LOG.log(Level.WARNING, "SNI reservation refresh failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
