package io.sessiongrid.node.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessiongrid.SessionGrid;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.node.demo.report.DemoReport;
import io.sessiongrid.node.demo.report.DemoRun;
import io.sessiongrid.node.demo.report.DemoSample;
import io.sessiongrid.node.demo.report.DemoSummary;
import io.sessiongrid.provision.LocalCommand;
import io.sessiongrid.provision.LocalProcessProvisioner;
import io.sessiongrid.runtime.NodeOptions;
import io.sessiongrid.scaling.engine.ScalingEngineComponent;
import io.sessiongrid.servers.ConnectionOwnership;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.session.SessionPartition;
import io.sessiongrid.session.replay.SessionReplays;
import io.sessiongrid.workload.Workload;
import io.sessiongrid.workload.WorkloadDriver;
import io.sessiongrid.workload.WorkloadProcesses;
import io.sessiongrid.workload.WorkloadServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code ./sessiongrid demo}: the whole story in one run. An embedded data member (this JVM) holds the sessions,
 * runs the analyzer, the SNI service and the scaling engine with the local-process provisioner, and serves the
 * application's connections with the built-in synthetic application ({@link WorkloadServer}). One compressed day
 * ({@link StoryPlan}) ramps the demand up to a peak that needs {@link StoryPlan#PEAK_SERVERS} servers and back down;
 * the engine starts real server JVMs before the peak (each takes an SNI identifier from the reservation its
 * scale-out made), moves the busiest connections to them with selective replay (servers of
 * {@link StoryPlan#ROLE} copy auth and game, not cart), and drains and retires them after the peak. At the end every
 * session is checked against what it was created with, and every connection must have a live owner; the figures go
 * to {@code summary.json} and the charts to {@code report.html}.
 *
 * <p>Exit code: 0 when nothing was lost (every session intact, every connection owned by a ready server), 1
 * otherwise. Whether the engine scaled is reported, not judged: a flat trace needs no scaling.
 */
public final class StoryDemo {
    /** After the day: how long the demo waits for retirements to finish. */
    static final Duration WIND_DOWN = Duration.ofSeconds(25);
    /** How long the end check waits for the engine to re-home connections of a server that just left (it leaves
     * them to their application for 10 s first). */
    static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final String PREFIX = "demo";

    private final PrintStream out;
    private final StoryOptions options;
    private final boolean terminal;

    public StoryDemo(PrintStream out, StoryOptions options, boolean terminal) {
        this.out = out;
        this.options = options;
        this.terminal = terminal;
    }

    public StoryDemo(PrintStream out, StoryOptions options) {
        this(out, options, ProgressLine.onTerminal());
    }

    public int run() throws InterruptedException {
        Path dir = directories();
        String cluster = "sessiongrid-demo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant origin = Instant.now();
        String spec = options.trace().map(p -> p.toAbsolutePath().toString()).orElse("builtin");
        StoryPlan plan = StoryPlan.of(Workload.parse(spec, options.duration(), origin), options.connections(), origin,
                options.duration());
        Path memberYaml = write(dir.resolve("member.yaml"), WorkloadProcesses.memberYaml(cluster));
        Path configYaml = write(dir.resolve("sessiongrid.yaml"), plan.configYaml());
        SessionGridConfig config = SessionGridConfigLoader.load(configYaml);

        out.println("SessionGrid demo: one compressed day of an application's connections, scaled by forecast");
        out.printf(Locale.ROOT, "  workload: %s; %d connections (one session each with %s); peak %.0f requests/s "
                        + "at t+%ds%n", plan.workload().describe(), plan.connections(), StoryPlan.TYPES, plan.peakDemand(),
                Duration.between(origin, plan.peakAt()).toSeconds());
        out.printf(Locale.ROOT, "  each server is declared to serve %.0f requests/s (scaling.capacityPerServer); the "
                        + "peak needs %d servers at %.0f%% utilization; new servers are real JVMs of role %s%n",
                plan.capacity(), StoryPlan.PEAK_SERVERS, 100 * StoryPlan.TARGET_UTILIZATION, StoryPlan.ROLE);

        LocalCommand command = WorkloadProcesses.command(
                LocalCommand.sessiongrid(WorkloadProcesses.projectRoot(), Optional.of(configYaml), Optional.of(memberYaml))
                        .withStopTimeout(Duration.ofSeconds(30)),
                spec, options.duration(), StoryPlan.PEAK_RATE, origin);
        command = tiedToThisProcess(command);
        LocalProcessProvisioner provisioner = new LocalProcessProvisioner(config, command, Clock.systemUTC());
        ProgressLine progress = new ProgressLine(out, terminal);
        // Ctrl-C must not leave the server JVMs running on their own: stop them with this one.
        Thread stopServers = new Thread(provisioner::close, "sessiongrid-demo-stop-servers");
        Runtime.getRuntime().addShutdownHook(stopServers);
        Figures figures;
        StoryRecorder recorder = null;
        try (SessionGrid grid = SessionGrid.start(NodeOptions.builder().config(config)
                .member(HazelcastConfigs.member(memberYaml)).role(StoryPlan.ROLE)
                .component(new ScalingEngineComponent(provisioner, StoryPlan.ROLE))
                .component(new WorkloadServer(plan.workload())).shutdownHook(false).build())) {
            recorder = new StoryRecorder(grid, plan, provisioner, progress::event);
            try {
                openSessions(grid, plan);
                recorder.note(Instant.now(), String.format(Locale.ROOT, "embedded member %s up in cluster '%s'; %d "
                        + "connections opened on it; metrics at %s", grid.node().serverId(), cluster,
                        plan.connections(), metricsAddress(grid)));
                play(plan, recorder, provisioner, progress);
                grid.scaling().pause(); // the day is over: what follows checks, it does not scale
                figures = check(grid, plan, recorder);
            } finally {
                recorder.close(); // its listeners, while the grid is still up
            }
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(stopServers);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the servers
            }
        }
        // The grid (and with it the provisioner, which stops its servers) is closed here.
        DemoSummary summary = new DemoSummary(recorder.scaleOuts(), recorder.scaleIns(), recorder.migrations(),
                recorder.replayedBytes(), figures.fullReplayBytes, figures.lost, recorder.sniAllocated(),
                recorder.underprovisionedSeconds(), plan.connections(), plan.connections(),
                options.duration().toMillis() / 1000.0, plan.capacity(), recorder.peakServers(),
                recorder.firstScaleOutSeconds(), Duration.between(origin, plan.peakAt()).toMillis() / 1000.0,
                recorder.serverSeconds());
        Path report = DemoReport.write(new DemoRun(plan.workload().describe(), origin,
                config.scaling().provisioningTime().plus(config.scaling().warmUpTime()), plan.capacity(), recorder.samples(), recorder.band(), recorder.events(), summary),
                dir);
        printSummary(summary, figures, recorder.orphaned(), dir, report);
        return figures.ok() ? 0 : 1;
    }

    /** Creates the sessions and opens their connections on this member's server; carts get a few items. */
    private static void openSessions(SessionGrid grid, StoryPlan plan) {
        WorkloadDriver.open(grid, "", PREFIX, plan.connections(), StoryPlan.TYPES);
        for (int i = 0; i < plan.connections(); i++) {
            // The cart is what game servers never need: selective replay leaves it where it is.
            Map<String, String> cart = new LinkedHashMap<>();
            cart.put("seed", PREFIX + "-" + i);
            for (int item = 1; item <= 6; item++) {
                cart.put("item-" + item, "sku-" + (i * 7 + item) + ":qty=1:" + "x".repeat(120));
            }
            grid.sessions().set(WorkloadDriver.sessionId(PREFIX, i), "cart", cart);
        }
    }

    /** The day, then a wind-down until the engine has retired what it drained. */
    private void play(StoryPlan plan, StoryRecorder recorder, LocalProcessProvisioner provisioner, ProgressLine progress)
            throws InterruptedException {
        Instant end = plan.origin().plus(plan.day());
        Duration total = plan.day();
        while (true) {
            Instant now = Instant.now();
            DemoSample s = recorder.sample(now);
            Duration done = Duration.between(plan.origin(), now);
            progress.status(done.compareTo(total) > 0 ? total : done, total, String.format(Locale.ROOT,
                    "demand %5.0f/s  servers %d ready%s  capacity %5.0f/s  migrations %d", s.offeredDemand(),
                    s.readyServers(), s.pendingServers() > 0 ? " + " + s.pendingServers() + " starting" : "",
                    s.readyCapacity(), s.migrations()));
            if (!now.isBefore(end)) {
                break;
            }
            Thread.sleep(SAMPLE_EVERY.toMillis());
        }
        Instant windDown = end.plus(WIND_DOWN);
        if (running(provisioner) > 0) {
            recorder.note(Instant.now(), "day over; waiting up to " + WIND_DOWN.toSeconds()
                    + " s for the engine to retire what it no longer needs");
        }
        while (Instant.now().isBefore(windDown) && running(provisioner) > 0) {
            Thread.sleep(SAMPLE_EVERY.toMillis());
            recorder.sample(Instant.now());
        }
    }

    /** Servers that stop when this JVM ends, even by kill -9 (Ctrl-C and SIGTERM stop them through the hook). */
    private static LocalCommand tiedToThisProcess(LocalCommand base) {
        List<String> prefix = new java.util.ArrayList<>(base.prefix());
        prefix.add(1, "-Dsessiongrid.exitWith=" + ProcessHandle.current().pid()); // a JVM option: after "java"
        return new LocalCommand(prefix, base.workDir(), base.config(), base.hazelcast(), base.stopTimeout(),
                base.readyPattern());
    }

    /** Servers the engine started that have not stopped yet. */
    private static long running(LocalProcessProvisioner provisioner) {
        return provisioner.servers().stream().filter(p -> !p.phase().terminal()).count();
    }

    /** Every session intact, every connection owned by a ready server, and what a full replay would have copied. */
    private static Figures check(SessionGrid grid, StoryPlan plan, StoryRecorder recorder) throws InterruptedException {
        int intact = WorkloadDriver.verify(grid.sessions(), PREFIX, plan.connections(), StoryPlan.TYPES);
        // A server that just left may still be named as the owner of a connection the engine has not re-homed yet
        // (it does so every decision interval, as a reconnecting client would): give it a few intervals.
        long settle = System.nanoTime() + SETTLE.toNanos();
        List<String> ownerless = ownerless(grid, plan);
        while (!ownerless.isEmpty() && System.nanoTime() < settle) {
            Thread.sleep(500);
            ownerless = ownerless(grid, plan);
        }
        int servedElsewhere = servedByOthers(grid, plan);
        long full = fullReplayBytes(grid, recorder.completedMoves());
        recorder.note(Instant.now(), String.format(Locale.ROOT, "checked: %d of %d sessions intact, %d connection(s) "
                        + "without a live owner%s, %d session(s) written by a server other than this member",
                intact, plan.connections(), ownerless.size(), ownerless.isEmpty() ? ""
                        : " " + ownerless.subList(0, Math.min(5, ownerless.size())), servedElsewhere));
        return new Figures(plan.connections() - intact, ownerless.size(), servedElsewhere, full);
    }

    /** Connections not owned by a ready server, each with its registry entry. */
    private static List<String> ownerless(SessionGrid grid, StoryPlan plan) {
        Set<String> ready = grid.servers().servers().stream().filter(ServerInfo::ready).map(ServerInfo::id)
                .collect(Collectors.toSet());
        List<String> bad = new java.util.ArrayList<>();
        for (int i = 0; i < plan.connections(); i++) {
            String id = WorkloadDriver.connectionId(PREFIX, i);
            Optional<ConnectionOwnership> c = grid.servers().connection(id);
            if (c.isEmpty()) {
                bad.add(id + ": no entry");
            } else if (c.get().phase() == ConnectionOwnership.Phase.ORPHANED || !ready.contains(c.get().server())) {
                bad.add(id + ": " + c.get().phase() + " on " + c.get().server());
            }
        }
        return bad;
    }

    /** Sessions that carry a write of a server other than this member: the new servers served them. */
    private static int servedByOthers(SessionGrid grid, StoryPlan plan) {
        String mine = WorkloadServer.writeElement(grid.node().serverId());
        int n = 0;
        for (int i = 0; i < plan.connections(); i++) {
            String session = WorkloadDriver.sessionId(PREFIX, i);
            boolean other = false;
            for (String type : SessionReplays.typesOf(grid.config(), StoryPlan.ROLE)) {
                other |= grid.sessions().get(session, type).map(p -> p.elements().keySet().stream()
                        .anyMatch(k -> k.startsWith("by-") && !k.equals(mine))).orElse(false);
            }
            n += other ? 1 : 0;
        }
        return n;
    }

    /**
     * What the completed moves would have copied had every type been replayed: what they copied, plus the types the
     * target's role skipped, sized as their JSON now (the demo never writes those types after it creates them).
     */
    private static long fullReplayBytes(SessionGrid grid, List<MoveRecord> moves) {
        Set<String> needed = new HashSet<>(SessionReplays.typesOf(grid.config(), StoryPlan.ROLE));
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> skippedBySession = new HashMap<>();
        long full = 0;
        for (MoveRecord m : moves) {
            long skipped = skippedBySession.computeIfAbsent(m.sessionId(), s -> {
                long bytes = 0;
                for (String type : StoryPlan.TYPES) {
                    if (!needed.contains(type)) {
                        bytes += grid.sessions().get(s, type).map(p -> jsonBytes(json, p)).orElse(0L);
                    }
                }
                return bytes;
            });
            full += m.bytesFetched() + skipped;
        }
        return full;
    }

    private static long jsonBytes(ObjectMapper json, SessionPartition p) {
        try {
            return json.writeValueAsBytes(p.elements()).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void printSummary(DemoSummary s, Figures f, int orphaned, Path dir, Path report) {
        out.println();
        out.printf(Locale.ROOT, "  scale-outs %d, scale-ins %d, peak %d servers, %.0f server-seconds%n", s.scaleOuts(),
                s.scaleIns(), s.peakServers(), s.serverSeconds());
        out.printf(Locale.ROOT, "  first scale-out at t+%.0fs, demand peak at t+%.0fs; %.0f s with demand above ready "
                + "capacity%n", s.firstScaleOutSeconds(), s.peakSeconds(), s.underprovisionedSeconds());
        out.printf(Locale.ROOT, "  %d migrations copied %,d bytes; copying every type would have been %,d bytes (%s)%n",
                s.migrations(), s.replayedBytes(), s.fullReplayBytes(), s.fullReplayBytes() == 0 ? "no moves"
                        : String.format(Locale.ROOT, "%.0f%% saved", 100.0 * (1 - (double) s.replayedBytes()
                        / s.fullReplayBytes())));
        out.printf(Locale.ROOT, "  %d member identifier(s) allocated from the engine's SNI reservation%n",
                s.sniAllocated());
        out.printf(Locale.ROOT, "  sessions lost: %d of %d; connections without a live owner: %d (orphaned on the way "
                + "and re-homed by the engine: %d)%n", s.lostSessions(), s.sessions(), f.ownerless, orphaned);
        out.println("  summary: " + dir.resolve("summary.json"));
        out.println("  report:  " + report);
        out.println(f.ok() ? "demo passed" : "demo FAILED: sessions lost or connections left without an owner");
    }

    private Path directories() {
        try {
            return Files.createDirectories(options.outDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.outDir(), e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String metricsAddress(SessionGrid grid) {
        return grid.node().metrics().flatMap(m -> m.scrapeUri()).map(Object::toString).orElse("(metrics off)");
    }

    /** What the end-of-run check found. */
    private record Figures(long lost, int ownerless, int servedElsewhere, long fullReplayBytes) {
        boolean ok() {
            return lost == 0 && ownerless == 0;
        }
    }
}
