package io.sessiongrid.node.demo;

import io.sessiongrid.workload.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How the demo's day is sized: the workload (the built-in day or a trace, its day 0 at {@code origin}), the
 * offered demand it makes with {@code connections} connections, and the capacity one server is declared to have so
 * that the peak needs {@link #PEAK_SERVERS} servers at the target utilization and the trough one. The capacity is a
 * declared figure (what {@code scaling.capacityPerServer} means), chosen so the story fits a laptop: a real
 * deployment measures it with {@code bench store}.
 *
 * @param workload     what every server runs
 * @param connections  how many connections the application holds
 * @param origin       when the day starts
 * @param day          its length
 * @param capacity     declared requests/s of one server
 * @param peakDemand   the highest offered demand of the day (requests/s)
 * @param peakAt       when it comes
 */
public record StoryPlan(Workload workload, int connections, Instant origin, Duration day, double capacity,
                        double peakDemand, Instant peakAt) {
    /** Servers the day's peak needs at the target utilization. */
    public static final int PEAK_SERVERS = 3;
    /** One connection's requests per second at level 1. */
    public static final double PEAK_RATE = 5;
    public static final double TARGET_UTILIZATION = 0.7;
    public static final String ROLE = "game-server";
    /** Every session holds these; servers of {@link #ROLE} need auth and game only (selective replay skips cart). */
    public static final List<String> TYPES = List.of("auth", "cart", "game");

    public static StoryPlan of(Workload shapeOnly, int connections, Instant origin, Duration day) {
        Workload workload = shapeOnly.withPeakRate(PEAK_RATE);
        double peak = 0;
        Instant peakAt = origin;
        for (long ms = 0; ms < day.toMillis(); ms += 100) {
            Instant t = origin.plusMillis(ms);
            double offered = connections * workload.rate(t);
            if (offered > peak) {
                peak = offered;
                peakAt = t;
            }
        }
        if (!(peak > 0)) {
            throw new IllegalArgumentException("the workload makes no requests over its first day: nothing to show");
        }
        // The peak needs PEAK_SERVERS servers with half a server's headroom: ceil(peak / (capacity * target)) = 3.
        double capacity = peak / (TARGET_UTILIZATION * (PEAK_SERVERS - 0.5));
        return new StoryPlan(workload, connections, origin, day, capacity, peak, peakAt);
    }

    /** Requests per second the application offers at {@code t}. */
    public double offered(Instant t) {
        return connections * workload.rate(t);
    }

    /**
     * The plugin configuration of the demo's members and servers: a fast analyzer (1 s and 2 s windows, so the
     * forecast has points within seconds), decisions every 2 s, the horizon of a local JVM's start, a short cooldown,
     * new servers of {@link #ROLE} that stay lite members, the shipped defaults for the rest.
     */
    public String configYaml() {
        return String.format(Locale.ROOT, """
                analyzer: { intervals: [1s, 2s], historyPoints: 720, connectionHistory: [60, 120] }
                scaling:  { minMembers: 1, maxMembers: %d, decisionInterval: 2s, provisioningTime: 8s, warmUpTime: 2s,
                            cooldown: 20s, capacityPerServer: %.1f, targetUtilization: %s, scaleInUtilization: 0.6,
                            maxStep: 2, promotion: never, provisioner: none, serverRole: %s }
                migration: { moveTimeout: 10s, replay: role }
                """, PEAK_SERVERS + 1, capacity, TARGET_UTILIZATION, ROLE);
    }
}
