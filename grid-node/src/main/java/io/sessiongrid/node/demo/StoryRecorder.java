package io.sessiongrid.node.demo;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.migration.MoveOutcome;
import io.sessiongrid.migration.MoveRecord;
import io.sessiongrid.node.demo.report.BandPoint;
import io.sessiongrid.node.demo.report.DemoEvent;
import io.sessiongrid.node.demo.report.DemoSample;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import io.sessiongrid.provision.ServerProvisioner;
import io.sessiongrid.scaling.engine.DecisionRecord;
import io.sessiongrid.scaling.engine.ScalingControl;
import io.sessiongrid.servers.ServerInfo;
import io.sessiongrid.sni.AppStatus;
import io.sessiongrid.sni.SniException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Watches the demo's cluster once a second and keeps what the report draws: samples (offered and measured demand,
 * ready and pending servers, migrations, SNI pool use), the forecast band (each forecast's furthest step, at the time
 * it was made for) and the events (decisions, servers ready or gone, migration batches), each event also handed to
 * {@code narrate} as it is seen. Everything it reads is what an operator could read: the registry, the decisions map,
 * the moves map, the analyzer's forecast and the SNI pool.
 */
final class StoryRecorder implements AutoCloseable {
    private final SessionGrid grid;
    private final StoryPlan plan;
    private final ServerProvisioner provisioner;
    private final ScalingControl control;
    private final Consumer<String> narrate;
    private final List<DemoSample> samples = new ArrayList<>();
    private final List<BandPoint> band = new ArrayList<>();
    private final List<DemoEvent> events = new ArrayList<>();
    private final ConcurrentLinkedQueue<DecisionRecord> decisions = new ConcurrentLinkedQueue<>();
    private final UUID listener;
    private final String orphanListener;
    private final java.util.concurrent.atomic.AtomicInteger orphaned = new java.util.concurrent.atomic.AtomicInteger();
    private int orphanedReported;
    private final Set<String> movesSeen = new java.util.HashSet<>();
    private Set<String> ready = new LinkedHashSet<>();
    private long lastForecastEnd = Long.MIN_VALUE;
    private long migrations;
    private long replayedBytes;
    private long lastLeased;
    private long sniAllocated;
    private int scaleOuts;
    private int scaleIns;
    private Instant firstScaleOut;
    private double underprovisionedSeconds;
    private double serverSeconds;
    private int peakServers;
    private Instant lastSample;

    StoryRecorder(SessionGrid grid, StoryPlan plan, ServerProvisioner provisioner, Consumer<String> narrate) {
        this.grid = grid;
        this.plan = plan;
        this.provisioner = provisioner;
        this.narrate = narrate;
        this.control = grid.scaling();
        this.listener = control.addDecisionListener(decisions::add);
        // Connections whose server left while it still owned them: the engine re-homes them (counted, not hidden).
        this.orphanListener = grid.servers().addOrphanListener(c -> orphaned.incrementAndGet());
    }

    /** Reads the cluster now; returns the sample taken. */
    DemoSample sample(Instant now) {
        drainDecisions();
        Set<String> nowReady = new LinkedHashSet<>();
        for (ServerInfo s : grid.servers().servers()) {
            if (s.ready()) {
                nowReady.add(s.id());
            }
        }
        for (String id : nowReady) {
            if (!ready.contains(id) && !samples.isEmpty()) {
                event(now, DemoEvent.Kind.SERVER_READY, "server " + id + " ready (" + nowReady.size() + " ready)");
            }
        }
        for (String id : ready) {
            if (!nowReady.contains(id)) {
                event(now, DemoEvent.Kind.SERVER_RETIRED, "server " + id + " left (" + nowReady.size() + " ready)");
            }
        }
        ready = nowReady;
        int pending = (int) provisioner.servers().stream().map(ProvisionedServer::phase)
                .filter(p -> p == ServerPhase.STARTING).count();
        readMoves(now);
        readForecast();
        int nowOrphaned = orphaned.get();
        if (nowOrphaned > orphanedReported) {
            event(now, DemoEvent.Kind.NOTE, (nowOrphaned - orphanedReported) + " connection(s) orphaned: their server "
                    + "left while it owned them; the engine gives them a live owner unless their application reconnects them first");
            orphanedReported = nowOrphaned;
        }
        long leased = 0;
        long reserved = 0;
        try {
            AppStatus members = grid.sni().status(ScalingControl.MEMBER_IDS_APP);
            leased = members.leased();
            reserved = members.reserved() + members.reservations(); // shadow ids + the engine's range reservations
        } catch (SniException e) {
            // no scale-out has registered the members' application yet
        }
        sniAllocated += Math.max(0, leased - lastLeased);
        lastLeased = leased;

        double offered = plan.offered(now);
        double measured = grid.analyzer().clusterForecast().map(ClusterForecast::lastActual).orElse(0.0);
        double capacity = nowReady.size() * plan.capacity();
        if (lastSample != null) {
            double dt = Duration.between(lastSample, now).toMillis() / 1000.0;
            if (offered > capacity) {
                underprovisionedSeconds += dt;
            }
            serverSeconds += dt * nowReady.size();
        }
        lastSample = now;
        peakServers = Math.max(peakServers, nowReady.size());
        DemoSample s = new DemoSample(now, offered, measured, nowReady.size(), pending, capacity, migrations,
                replayedBytes, leased, reserved);
        samples.add(s);
        return s;
    }

    private void drainDecisions() {
        DecisionRecord d;
        while ((d = decisions.poll()) != null) {
            if (d.kind().equals("scale_out")) {
                scaleOuts++;
                if (firstScaleOut == null) {
                    firstScaleOut = d.at();
                }
                event(d.at(), DemoEvent.Kind.SCALE_OUT, "scale out by " + d.servers() + ": " + d.reason());
            } else if (d.kind().equals("scale_in")) {
                scaleIns++;
                event(d.at(), DemoEvent.Kind.SCALE_IN, "scale in " + d.retired() + ": " + d.reason());
            }
        }
    }

    /** New finished moves, as batches by target. */
    private void readMoves(Instant now) {
        Map<String, long[]> byTarget = new TreeMap<>();
        for (MoveRecord m : control.migrations(Integer.MAX_VALUE)) {
            if (!m.outcome().equals(MoveOutcome.COMPLETED.name()) || !movesSeen.add(m.moveId())) {
                continue;
            }
            migrations++;
            replayedBytes += m.bytesFetched();
            long[] sum = byTarget.computeIfAbsent(m.source() + " -> " + m.target(), k -> new long[2]);
            sum[0]++;
            sum[1] += m.bytesFetched();
        }
        byTarget.forEach((route, sum) -> event(now, DemoEvent.Kind.MIGRATION_BATCH, String.format(Locale.ROOT,
                "%d connection(s) moved %s, %,d bytes of session state copied", sum[0], route, sum[1])));
    }

    /** The newest forecast's furthest step, placed at the time it forecasts. */
    private void readForecast() {
        ClusterForecast f = grid.analyzer().clusterForecast().orElse(null);
        if (f == null || f.lastWindowEnd() == lastForecastEnd || f.mean().length == 0) {
            return;
        }
        lastForecastEnd = f.lastWindowEnd();
        int k = f.mean().length - 1;
        Instant at = Instant.ofEpochMilli(f.lastWindowEnd() + (k + 1) * f.intervalMillis());
        // A request rate is never negative; a trend model's extrapolation of a fall can be.
        band.add(new BandPoint(at, Math.max(0, f.lower()[k]), Math.max(0, f.mean()[k]), Math.max(0, f.upper()[k])));
    }

    private void event(Instant at, DemoEvent.Kind kind, String detail) {
        events.add(new DemoEvent(at, kind, detail));
        narrate.accept(String.format(Locale.ROOT, "  t+%3ds  %s", Math.max(0, Duration.between(plan.origin(), at)
                .toSeconds()), detail));
    }

    /** A line of the story that is not read from the cluster (a step of the demo itself). */
    void note(Instant at, String detail) {
        event(at, DemoEvent.Kind.NOTE, detail);
    }

    /** The moves that completed, for sizing what a full replay would have copied. */
    List<MoveRecord> completedMoves() {
        return control.migrations(Integer.MAX_VALUE).stream()
                .filter(m -> m.outcome().equals(MoveOutcome.COMPLETED.name())).toList();
    }

    List<DemoSample> samples() {
        return List.copyOf(samples);
    }

    List<BandPoint> band() {
        return List.copyOf(band);
    }

    List<DemoEvent> events() {
        return List.copyOf(events);
    }

    int scaleOuts() {
        return scaleOuts;
    }

    int scaleIns() {
        return scaleIns;
    }

    long migrations() {
        return migrations;
    }

    long replayedBytes() {
        return replayedBytes;
    }

    long sniAllocated() {
        return sniAllocated;
    }

    double underprovisionedSeconds() {
        return underprovisionedSeconds;
    }

    double serverSeconds() {
        return serverSeconds;
    }

    int peakServers() {
        return peakServers;
    }

    /** Seconds from the day's start to the first scale-out decision, or NaN. */
    double firstScaleOutSeconds() {
        return firstScaleOut == null ? Double.NaN : Duration.between(plan.origin(), firstScaleOut).toMillis() / 1000.0;
    }

    /** Ready servers now. */
    int ready() {
        return ready.size();
    }

    /** Connections that lost their server during the run. */
    int orphaned() {
        return orphaned.get();
    }

    @Override
    public void close() {
        control.removeDecisionListener(listener);
        grid.servers().removeOrphanListener(orphanListener);
    }
}
