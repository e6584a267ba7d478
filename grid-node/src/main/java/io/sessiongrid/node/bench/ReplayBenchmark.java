package io.sessiongrid.node.bench;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.MigrationConfig;
import io.sessiongrid.config.PartitionTypeConfig;
import io.sessiongrid.config.Placement;
import io.sessiongrid.config.RoleConfig;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.DrainResult;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveResult;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.servers.ServerState;
import io.sessiongrid.servers.internal.HazelcastServerRegistry;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * {@code bench replay}: selective replay (the target copies the one partition type of four its role needs)
 * against full replay (the same target copies every partition of the session), on a 3-node loopback cluster:
 * a data member that owns the connections (the source and coordinator), a second data member, and a lite
 * member as the target, started once per mode with {@code migration.replay: role} or {@code all}. Sessions hold
 * four partition types of about 4 KiB each.
 *
 * <p>Measured per mode: bytes the target copied per move and time per move (sequential single moves, after a
 * warm-up; the full replay copies its four types through the same mechanism, one bulk read per type), and a drain
 * of the source's connections (10,000 in a full run). After the selective drain: the target's first read of each
 * drained session's partition against the next read of it (the node then holds it warm), and, for what replay
 * saves, against a read of a type the target never copied.
 */
public final class ReplayBenchmark {
    private static final List<String> TYPES = List.of("t0", "t1", "t2", "t3");
    private static final int ELEMENTS = 4;
    private static final int ELEMENT_CHARS = 1_000; // 4 elements x ~1 KiB: ~4 KiB of JSON per partition
    private static final int LOAD_THREADS = 4;
    private static final long SETTLE_MILLIS = 2_000;

    private ReplayBenchmark() {
    }

    /** The benchmark's plugin configuration: four equal types, a role that needs one of them. */
    static SessionGridConfig config(MigrationConfig.ReplayScope scope) {
        SessionGridConfig d = SessionGridConfigLoader.defaults();
        Map<String, PartitionTypeConfig> types = new LinkedHashMap<>();
        for (String t : TYPES) {
            types.put(t, new PartitionTypeConfig(t, 8_192, Duration.ZERO, 1, Placement.SESSION, false));
        }
        Map<String, RoleConfig> roles = new LinkedHashMap<>();
        roles.put("one", new RoleConfig("one", List.of("t0")));
        roles.put("rest", new RoleConfig("rest", List.of("t1", "t2", "t3")));
        return new SessionGridConfig(types, roles, d.encryption(), d.analyzer(), d.scaling(), d.sni(),
                new MigrationConfig(Duration.ofSeconds(60), scope));
    }

    public static BenchReport run(boolean quick, PrintStream out) throws Exception {
        int singles = quick ? 60 : 400;
        int warmUp = quick ? 20 : 100;
        int drained = quick ? 2_000 : 10_000;
        String cluster = "sessiongrid-bench-replay-" + UUID.randomUUID().toString().substring(0, 8);
        out.printf(Locale.ROOT, "bench replay: 3 nodes (2 data members, 1 lite target), 4 types x ~4 KiB per session,"
                + " target role needs 1; %d single moves (+%d warm-up) and a drain of %,d connections per mode%n",
                singles, warmUp, drained);
        SessionGridConfig selectiveConfig = config(MigrationConfig.ReplayScope.ROLE);
        SessionGrid source = start(cluster, selectiveConfig, "one", false);
        SessionGrid other = start(cluster, selectiveConfig, "rest", false);
        BenchReport report = new BenchReport("replay", quick, 3);
        try {
            int sessions = singles + warmUp + drained;
            out.printf(Locale.ROOT, "  writing %,d sessions x 4 partitions%n", sessions);
            parallel(sessions, i -> write(source, "s-" + i));
            Mode selective = mode(cluster, source, selectiveConfig, singles, warmUp, drained, true, out);
            Mode full = mode(cluster, source, config(MigrationConfig.ReplayScope.ALL), singles, warmUp, drained, false, out);

            report.add(BenchResult.ratioAtMost("replay_bytes", "per move", selective.bytesPerMove, full.bytesPerMove,
                    "full replay (every partition of the session)", 0.3));
            report.add(BenchResult.ratioAtMost("replay_time", "per move (ms)", selective.millisPerMove,
                    full.millisPerMove, "full replay (every partition of the session)", 0.5));
            report.add(BenchResult.ratioAtMost("first_read_p99", "lite target (us)", selective.firstReadP99,
                    selective.warmReadP99, "the next read on the target (holds it warm)", 2.0));
            report.add(new BenchResult("uncopied_read_p99", "lite target (us)", selective.firstReadP99,
                    selective.coldReadP99, "a read of a type the target never copied (no replay)", "info", true));
            report.add(BenchResult.valueAtLeast("drain_connections_per_s", "selective", selective.drainPerSecond,
                    full.drainPerSecond, "the same drain with full replay", 2_000));
            report.add(new BenchResult("drain_bytes_per_conn", "selective", selective.drainBytesPerConnection,
                    full.drainBytesPerConnection, "the same drain with full replay", "cost", true));
            report.add(new BenchResult("moves_not_completed", "both modes", selective.notCompleted,
                    full.notCompleted, "full replay", "value == 0", selective.notCompleted + full.notCompleted == 0));
        } finally {
            other.close();
            source.close();
        }
        return report;
    }

    /** One mode's figures. */
    private record Mode(double bytesPerMove, double millisPerMove, double firstReadP99, double warmReadP99,
                        double coldReadP99, double drainPerSecond, double drainBytesPerConnection, int notCompleted) {
    }

    private static Mode mode(String cluster, SessionGrid source, SessionGridConfig config, int singles, int warmUp,
                             int drained, boolean selective, PrintStream out) throws Exception {
        String name = selective ? "selective" : "full";
        out.printf("  %s replay: starting the lite target%n", name);
        SessionGrid target = start(cluster, config, "one", true);
        String sourceId = source.node().serverId();
        String targetId = target.node().serverId();
        HazelcastServerRegistry registry = (HazelcastServerRegistry) source.servers();
        int notCompleted = 0;
        try {
            // Every connection is (again) the source's: the previous mode left them on a target that has gone.
            int total = warmUp + singles + drained;
            parallel(total, i -> registry.registerOwnership("c-" + i, "s-" + i, sourceId));
            source.servers().setLocalState(ServerState.READY);

            for (int i = 0; i < warmUp; i++) {
                notCompleted += move(source, "c-" + i, targetId) == null ? 1 : 0;
            }
            long bytes = 0;
            long nanos = 0;
            for (int i = warmUp; i < warmUp + singles; i++) {
                MoveResult r = move(source, "c-" + i, targetId);
                if (r == null) {
                    notCompleted++;
                    continue;
                }
                bytes += r.bytesFetched();
                nanos += r.duration().toNanos();
            }
            int moved = Math.max(1, singles - notCompleted);
            double bytesPerMove = (double) bytes / moved;
            double millisPerMove = nanos / 1e6 / moved;
            out.printf(Locale.ROOT, "  %s replay: %,.0f bytes and %.2f ms per move%n", name, bytesPerMove, millisPerMove);

            out.printf(Locale.ROOT, "  %s replay: draining %,d connections from the source%n", name, drained);
            DrainResult drain = source.migrations().drain(sourceId);
            long drainBytes = drain.moves().stream().mapToLong(MoveResult::bytesFetched).sum();
            long completed = drain.completed();
            notCompleted += (int) (drain.moves().size() - completed);
            double perSecond = completed / (drain.duration().toNanos() / 1e9);
            out.printf(Locale.ROOT, "  %s replay: drained %,d of %,d in %.2f s: %,.0f connections/s%n", name, completed,
                    drain.moves().size(), drain.duration().toNanos() / 1e9, perSecond);
            double[] reads = {Double.NaN, Double.NaN, Double.NaN};
            if (selective) {
                Thread.sleep(SETTLE_MILLIS); // let the drain's trailing work (move records, backups) finish first
                reads = readsP99(target, warmUp + singles, total);
                out.printf(Locale.ROOT, "  reads on the target, p99 over %,d drained sessions: first %.0f us, second %.0f us,"
                        + " a type it never copied %.0f us%n", drained, reads[0], reads[1], reads[2]);
            }
            return new Mode(bytesPerMove, millisPerMove, reads[0], reads[1], reads[2], perSecond,
                    (double) drainBytes / Math.max(1, completed), notCompleted);
        } finally {
            target.close();
        }
    }

    private static MoveResult move(SessionGrid coordinator, String connection, String target) {
        MoveResult r = coordinator.migrations().migrateConnection(connection, target);
        return r.outcome() == MoveOutcome.COMPLETED ? r : null;
    }

    /**
     * For each session: its first read of the copied type after the move, at once a second read of it (the node now
     * holds it warm), and a read of a type the target keeps no copy of (what a read costs without replay); the p99 of
     * each, in microseconds. Interleaved per session, so the three see the same machine.
     */
    private static double[] readsP99(SessionGrid node, int from, int to) {
        long[][] micros = new long[3][to - from];
        String[] types = {"t0", "t0", "t1"};
        for (int i = from; i < to; i++) {
            for (int k = 0; k < 3; k++) {
                long start = System.nanoTime();
                node.sessions().get("s-" + i, types[k]).orElseThrow();
                micros[k][i - from] = (System.nanoTime() - start) / 1_000;
            }
        }
        double[] p99 = new double[3];
        for (int k = 0; k < 3; k++) {
            Arrays.sort(micros[k]);
            p99[k] = micros[k][Math.min(micros[k].length - 1, (int) Math.ceil(micros[k].length * 0.99) - 1)];
        }
        return p99;
    }

    private static void write(SessionGrid via, String sessionId) {
        for (String type : TYPES) {
            Map<String, String> elements = new LinkedHashMap<>();
            for (int e = 0; e < ELEMENTS; e++) {
                elements.put("e" + e, (type + sessionId).repeat(ELEMENT_CHARS / (type + sessionId).length() + 1)
                        .substring(0, ELEMENT_CHARS));
            }
            via.sessions().set(sessionId, type, elements);
        }
    }

    private static void parallel(int count, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < LOAD_THREADS; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += LOAD_THREADS) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static SessionGrid start(String cluster, SessionGridConfig config, String role, boolean lite) {
        com.hazelcast.config.Config member = HazelcastConfigs.member(null);
        member.setClusterName(cluster);
        NodeOptions.Builder options = NodeOptions.builder().config(config).role(role).shutdownHook(false);
        return SessionGrid.start((lite ? options.liteMember(member) : options.member(member)).build());
    }
}
