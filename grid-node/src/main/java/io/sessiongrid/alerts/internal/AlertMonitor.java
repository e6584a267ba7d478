package io.sessiongrid.alerts.internal;

import io.sessiongrid.alerts.Alert;
import io.sessiongrid.alerts.AlertFigures;
import io.sessiongrid.alerts.AlertKind;
import io.sessiongrid.alerts.AlertListener;
import io.sessiongrid.alerts.AlertRules;
import io.sessiongrid.alerts.Alerts;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.scaling.engine.DecisionRecord;
import io.sessiongrid.scaling.engine.RegistryFleet;
import io.sessiongrid.scaling.engine.ScalingControl;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.sni.PoolStatus;
import io.sessiongrid.time.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the node's figures every {@link #CHECK_INTERVAL} on the node's scheduler, runs {@link AlertRules} and tells
 * the listeners; raised alerts are also logged (warn), cleared ones at info.
 */
public final class AlertMonitor implements NodeComponent, Alerts {
    /** As often as Prometheus scrapes by default. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private final AlertRules rules = new AlertRules();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Set<AlertKind> firing = Set.of();
    private NodeContext node;
    private ScalingControl scaling;
    private ScheduledTask task;

    @Override
    public void start(NodeContext node) {
        this.node = node;
        this.scaling = new ScalingControl(node.hazelcast());
        task = node.scheduler().atFixedRate("alert-check", CHECK_INTERVAL, CHECK_INTERVAL, this::check);
    }

    /** One check now (the scheduler calls it; tests may too). */
    public synchronized void check() {
        List<Alert> changes = rules.evaluate(figures());
        firing = rules.firing();
        for (Alert a : changes) {
            if (a.firing()) {
                LOG.warn("alert {}: {}", a.kind(), a.detail());
            } else {
                LOG.info("alert {} cleared", a.kind());
            }
            for (AlertListener l : listeners) {
                try {
                    l.onAlert(a);
                } catch (RuntimeException e) {
                    LOG.warn("an alert listener failed on {}", a.kind(), e);
                }
            }
        }
    }

    private AlertFigures figures() {
        OptionalDouble sniFree = OptionalDouble.empty();
        try {
            PoolStatus pool = node.sni().poolStatus();
            sniFree = OptionalDouble.of((double) pool.freeIds() / pool.totalIds());
        } catch (RuntimeException e) {
            // Unknown this time (e.g. this side of a split brain refuses SNI calls): raises nothing.
        }
        Optional<ClusterForecast> forecast = Optional.empty();
        try {
            forecast = node.analyzer().clusterForecast();
        } catch (RuntimeException e) {
            // Unknown this time.
        }
        OptionalLong rolledBack = OptionalLong.empty();
        OptionalLong orphans = OptionalLong.empty();
        Optional<ServerNode> server = node.component(ServerNode.class);
        if (server.isPresent()) {
            rolledBack = OptionalLong.of(server.get().migrations().stats().rolledBack());
            try {
                orphans = OptionalLong.of(server.get().servers().orphans().size());
            } catch (RuntimeException e) {
                // Unknown this time.
            }
        }
        Instant now = node.clock().instant();
        long interval = node.config().scaling().decisionInterval().toMillis();
        OptionalLong recentDecisions = OptionalLong.empty();
        OptionalDouble demand = OptionalDouble.empty();
        try {
            List<DecisionRecord> recent = scaling.decisionsSince(
                    now.minusMillis(AlertRules.ENGINE_SILENT_INTERVALS * interval));
            recentDecisions = OptionalLong.of(recent.size());
            demand = recent.isEmpty() ? demand : OptionalDouble.of(recent.get(0).demand());
        } catch (RuntimeException e) {
            // Unknown this time.
        }
        OptionalDouble readyCapacity = server.map(s -> OptionalDouble.of(RegistryFleet.readyServers(s.servers())
                * node.config().scaling().capacityPerServer())).orElse(OptionalDouble.empty());
        return new AlertFigures(now, sniFree,
                forecast.map(f -> OptionalDouble.of(f.lastErrorPct())).orElse(OptionalDouble.empty()),
                forecast.map(f -> OptionalLong.of(f.lastWindowEnd())).orElse(OptionalLong.empty()),
                forecast.map(ClusterForecast::intervalMillis).orElse(0L),
                node.connections().failedFlushes(),
                node.hazelcast().getCluster().getMembers().size(), rolledBack, orphans, recentDecisions, interval, demand,
                readyCapacity);
    }

    @Override
    public AutoCloseable addListener(AlertListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Set<AlertKind> firing() {
        return firing;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
