package io.sessiongrid;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.Analyzers;
import io.sessiongrid.analyzer.ConnectionAnalyzer;
import io.sessiongrid.analyzer.ConnectionTracker;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.node.sni.ProfileFeed;
import io.sessiongrid.node.sni.SniSweeper;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.sni.SniService;
import io.sessiongrid.sni.SniServices;
import io.sessiongrid.sni.reservation.PlanAction;

import java.util.List;

/**
 * SessionGrid on one Hazelcast instance: an embedded member ({@link #embedded}) or a client
 * ({@link #client}). Both give the same API: the session store, the connection tracker and analyzer, and
 * the SNI service. An embedded member also makes sure the cluster's Jet jobs run. Closing it flushes the
 * tracker and shuts the instance down.
 *
 * <pre>{@code
 * try (SessionGrid grid = SessionGrid.client(SessionGridConfigLoader.defaults(), HazelcastConfigs.client(null))) {
 *     grid.sessions().set("s-1", "cart", Map.of("item-7", "2"));
 * }
 * }</pre>
 */
public final class SessionGrid implements AutoCloseable {
    private final HazelcastInstance hazelcast;
    private final SessionGridConfig config;
    private final SessionStore sessions;
    private final ConnectionAnalyzer analyzer;
    private final SniService sni;
    private final ProfileFeed reservations;
    private SniSweeper sweeper; // members only
    private ConnectionTracker tracker;

    private SessionGrid(HazelcastInstance hazelcast, SessionGridConfig config) {
        this.hazelcast = hazelcast;
        this.config = config;
        try {
            this.sessions = SessionStores.create(hazelcast, config);
            this.analyzer = Analyzers.analyzer(hazelcast, config.analyzer());
            this.sni = SniServices.create(hazelcast, config.sni());
            this.reservations = ProfileFeed.start(hazelcast, sni, config.sni().reservationTtl(),
                    config.scaling().decisionInterval());
        } catch (RuntimeException e) {
            hazelcast.shutdown();
            throw e;
        }
    }

    /** An embedded member with the shipped defaults (cluster {@code sessiongrid} on 127.0.0.1:5701+). */
    public static SessionGrid embedded() {
        return embedded(SessionGridConfigLoader.defaults(), HazelcastConfigs.member(null));
    }

    /** An embedded member: {@code member} is completed with SessionGrid's maps, serializers and Jet. */
    public static SessionGrid embedded(SessionGridConfig config, Config member) {
        HazelcastInstance hazelcast = Hazelcast.newHazelcastInstance(MemberConfigs.prepare(member, config));
        try {
            MemberConfigs.startJobs(hazelcast, config);
        } catch (RuntimeException e) {
            hazelcast.shutdown();
            throw e;
        }
        SessionGrid grid = new SessionGrid(hazelcast, config);
        grid.sweeper = SniSweeper.start(hazelcast, grid.sni, config.sni().idleTimeout());
        return grid;
    }

    /** A Hazelcast client of a SessionGrid cluster: {@code client} is completed with SessionGrid's serializers. */
    public static SessionGrid client(SessionGridConfig config, ClientConfig client) {
        return new SessionGrid(HazelcastClient.newHazelcastClient(MemberConfigs.prepareClient(client)), config);
    }

    /** The session state store. */
    public SessionStore sessions() {
        return sessions;
    }

    /**
     * This process's connection tracker (created on first use): report connection events here; they are
     * aggregated in memory and flushed once per smallest analyzer interval.
     */
    public synchronized ConnectionTracker connections() {
        if (tracker == null) {
            tracker = Analyzers.tracker(hazelcast, config.analyzer());
        }
        return tracker;
    }

    /** Connection series, health scores and the cluster forecast computed by the analyzer's Jet job. */
    public ConnectionAnalyzer analyzer() {
        return analyzer;
    }

    /** Session Network Identifiers: allocation, reservations, leases and reclamation. */
    public SniService sni() {
        return sni;
    }

    /**
     * Applies the profiler's current forecasts now instead of at the next decision interval: reserves (and
     * shadow-allocates, when confident) identifiers for each registered application's predicted growth.
     *
     * @return what was reserved, extended or released
     */
    public List<PlanAction> refreshReservations() {
        return reservations.runOnce();
    }

    /** The underlying Hazelcast instance, for everything SessionGrid does not wrap. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    public SessionGridConfig config() {
        return config;
    }

    @Override
    public void close() {
        reservations.close();
        if (sweeper != null) {
            sweeper.close();
        }
        synchronized (this) {
            if (tracker != null) {
                tracker.close(); // flushes what is left
            }
        }
        hazelcast.shutdown();
    }
}
