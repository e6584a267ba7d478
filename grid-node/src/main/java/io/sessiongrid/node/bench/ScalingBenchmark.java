package io.sessiongrid.node.bench;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.MoveRequest;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.workload.DailyShape;
import io.sessiongrid.workload.Workload;
import io.sessiongrid.workload.WorkloadDriver;
import io.sessiongrid.workload.WorkloadServer;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code bench scaling}: what existing sessions feel while capacity is added, and how soon added capacity serves.
 *
 * <p><b>scaleout_p99</b>: two data members serve connections with the built-in workload at a steady rate (every
 * request a read or write of the connection's session through the store, timed into an HdrHistogram). The p99 of
 * those requests over a steady window is the baseline; then a new server joins and receives a third of the
 * connections by batched {@code migrateConnections}, and the p99 of all requests (the existing servers' and the new
 * one's: every session existed before) over a window of the same length from the join is SessionGrid's figure.
 * Mode {@code lite_member} is SessionGrid's way (target ≤ 2); mode {@code data_member} adds a plain data member the
 * same way, reported beside it (its join migrates partitions under the load). Each mode runs on a fresh cluster
 * with its own steady baseline. All members run in this JVM: the new member competes for the same cores, as a
 * co-located server would.
 *
 * <p><b>time_to_ready</b>: a real server JVM from the local-process provisioner, from the provision request to the
 * first request it serves on a connection migrated to it (seen as its first write in the session); a value with no
 * baseline, against the engine's default horizon (provisioning + warm-up time).
 */
public final class ScalingBenchmark {
    static final String ROLE = "game-server";
    private static final List<String> TYPES = List.of("auth", "game");
    private static final double RATE = 4; // requests/s per connection
    private static final int BATCH = 50;

    private ScalingBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) throws Exception {
        int connections = quick ? 100 : 400;
        Duration window = Duration.ofSeconds(quick ? 4 : 30);
        Duration warmUp = Duration.ofSeconds(quick ? 2 : 10);
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        Workload workload = new Workload(DailyShape.flat(Workload.ORIGIN), RATE, Workload.DEFAULT_WRITE_FRACTION, 64);
        out.printf(Locale.ROOT, "bench scaling: 2 data members serving %d connections (%.0f requests/s each, %.0f%% writes);"
                + " windows of %d s; new capacity as a lite member, then as a data member%n", connections, RATE,
                workload.writeFraction() * 100, window.toSeconds());
        BenchReport report = new BenchReport("scaling", quick, 3);
        // the first cluster also warms this JVM up (JIT): it gets twice the warm-up, so both modes start steady
        double[] lite = scaleOut(config, workload, connections, window, warmUp.multipliedBy(2), true, out);
        double[] data = scaleOut(config, workload, connections, window, warmUp, false, out);
        report.add(BenchResult.ratioAtMost("scaleout_p99", "lite_member", lite[1], lite[0],
                "same load, steady state (p99 us)", 2.0));
        report.add(new BenchResult("scaleout_p99", "data_member", data[1], data[0],
                "same load, steady state (p99 us)", "reported", true));
        double ready = TimeToReady.measure(config, quick, out);
        double horizon = config.scaling().provisioningTime().plus(config.scaling().warmUpTime()).toMillis() / 1000.0;
        report.add(BenchResult.valueAtMost("time_to_ready_s", "local_process", ready, Double.NaN,
                "none (engine horizon: provisioning + warm-up)", horizon));
        return report;
    }

    /** Returns {steady p99 us, scale-out p99 us}. */
    private static double[] scaleOut(SessionGridConfig config, Workload workload, int connections, Duration window,
                                     Duration warmUp, boolean lite, PrintStream out) throws InterruptedException {
        String mode = lite ? "lite member" : "data member";
        String cluster = "sessiongrid-bench-scaling-" + UUID.randomUUID().toString().substring(0, 8);
        List<SessionGrid> nodes = new ArrayList<>();
        try {
            SessionGrid a = start(cluster, config, workload, false);
            nodes.add(a);
            SessionGrid b = start(cluster, config, workload, false);
            nodes.add(b);
            String prefix = "bs";
            List<String> ids = new ArrayList<>();
            ids.addAll(WorkloadDriver.open(a, "", prefix + "a", connections / 2, TYPES));
            ids.addAll(WorkloadDriver.open(b, "", prefix + "b", connections - connections / 2, TYPES));
            out.printf("  %s: %d connections open, warming up %d s%n", mode, ids.size(), warmUp.toSeconds());
            Thread.sleep(warmUp.toMillis());
            take(nodes);
            Thread.sleep(window.toMillis());
            Histogram steady = take(nodes);
            out.printf(Locale.ROOT, "  %s: steady p99 %d us over %,d requests; adding the %s%n", mode,
                    steady.getValueAtPercentile(99), steady.getTotalCount(), mode);
            long t0 = System.nanoTime();
            SessionGrid added = start(cluster, config, workload, lite);
            nodes.add(added);
            String target = added.node().serverId();
            List<MoveRequest> moves = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += 3) {
                moves.add(new MoveRequest(ids.get(i), target));
            }
            int completed = 0;
            for (int i = 0; i < moves.size(); i += BATCH) {
                for (MoveResult r : a.migrations().migrateConnections(moves.subList(i, Math.min(moves.size(), i + BATCH)))) {
                    completed += r.completed() ? 1 : 0;
                }
            }
            long spent = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "  %s: joined and received %d of %d migrated connections in %.1f s%n", mode,
                    completed, moves.size(), spent / 1000.0);
            Thread.sleep(Math.max(0, window.toMillis() - spent));
            Histogram during = take(nodes);
            out.printf(Locale.ROOT, "  %s: p99 %d us over %,d requests from the join on (steady %d us)%n", mode,
                    during.getValueAtPercentile(99), during.getTotalCount(), steady.getValueAtPercentile(99));
            return new double[] {steady.getValueAtPercentile(99), during.getValueAtPercentile(99)};
        } finally {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                nodes.get(i).close();
            }
        }
    }

    /** The requests' latencies on every node since the last call, merged. */
    private static Histogram take(List<SessionGrid> nodes) {
        Histogram all = new Histogram(3);
        for (SessionGrid n : nodes) {
            WorkloadServer.of(n).ifPresent(w -> all.add(w.takeLatencies()));
        }
        return all;
    }

    static SessionGrid start(String cluster, SessionGridConfig config, Workload workload, boolean lite) {
        com.hazelcast.config.Config member = HazelcastConfigs.member(null);
        member.setClusterName(cluster);
        NodeOptions.Builder options = NodeOptions.builder().config(config).role(ROLE).shutdownHook(false)
                .component(new WorkloadServer(workload));
        return SessionGrid.start((lite ? options.liteMember(member) : options.member(member)).build());
    }
}
