package io.sessiongrid.analyzer;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import io.sessiongrid.analyzer.internal.AnalyzerDag;
import io.sessiongrid.analyzer.internal.SeasonalSetup;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.ScalingConfig;

import java.time.Duration;
import java.util.List;

/**
 * Submits the analyzer's Jet job, {@value #JOB_NAME}: once per cluster, whichever member (or client) asks
 * first. Every member may call {@link #ensureRunning} when it starts: the job is created if no job of that
 * name is active, resumed if it is suspended, and otherwise left alone. It runs with at-least-once snapshots
 * (every {@value #SNAPSHOT_INTERVAL_MILLIS} ms) and auto-scaling, so it restarts from its last snapshot when a
 * member leaves or joins; its store updates are idempotent per window, so replays do not double-count.
 * After a whole-cluster restart (Hazelcast open source keeps no jobs), the first member's call submits it again.
 */
public final class AnalyzerJobs {
    /** The job's name: one per cluster. */
    public static final String JOB_NAME = "sessiongrid-analyzer";
    static final long SNAPSHOT_INTERVAL_MILLIS = 5_000;

    private AnalyzerJobs() {
    }

    /** {@link #ensureRunning(HazelcastInstance, AnalyzerConfig, Duration)} with the horizon of {@code scaling}. */
    public static Job ensureRunning(HazelcastInstance hz, AnalyzerConfig analyzer, ScalingConfig scaling) {
        return ensureRunning(hz, analyzer, scaling.provisioningTime().plus(scaling.warmUpTime()));
    }

    /**
     * Makes sure the job runs, and returns it.
     *
     * @param hz       a member or client of the cluster (members need {@link AnalyzerMaps#configure})
     * @param analyzer the intervals and history lengths
     * @param horizon  the scaling horizon (provisioning + warm-up time) that scores and the forecast look ahead
     */
    public static Job ensureRunning(HazelcastInstance hz, AnalyzerConfig analyzer, Duration horizon) {
        long[] intervals = intervals(analyzer);
        long scoreInterval = scoreInterval(intervals);
        int horizonSteps = (int) Math.max(1, (horizon.toMillis() + scoreInterval - 1) / scoreInterval);
        JobConfig config = new JobConfig().setName(JOB_NAME)
                .setProcessingGuarantee(ProcessingGuarantee.AT_LEAST_ONCE)
                .setSnapshotIntervalMillis(SNAPSHOT_INTERVAL_MILLIS)
                .setMetricsEnabled(true)
                .setStoreMetricsAfterJobCompletion(true);
        Job job = hz.getJet().newJobIfAbsent(AnalyzerDag.build(intervals, scoreInterval, horizonSteps,
                analyzer.historyPoints(), AnalyzerMaps.connectionHistory(analyzer),
                AnalyzerMaps.retentionMillis(analyzer), SeasonalSetup.of(analyzer, analyzer.historyPoints(), horizon)),
                config);
        if (job.getStatus() == JobStatus.SUSPENDED) {
            job.resume();
        }
        return job;
    }

    /** The running analyzer job, or null. */
    public static Job find(HazelcastInstance hz) {
        return hz.getJet().getJob(JOB_NAME);
    }

    /**
     * The interval that health scores and the cluster forecast use: the second configured one (5 s by
     * default), or the only one.
     */
    public static Duration scoreInterval(AnalyzerConfig analyzer) {
        return Duration.ofMillis(scoreInterval(intervals(analyzer)));
    }

    static long scoreInterval(long[] intervals) {
        return intervals[Math.min(1, intervals.length - 1)];
    }

    static long[] intervals(AnalyzerConfig analyzer) {
        List<Duration> list = analyzer.intervals();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("analyzer.intervals is empty: at least one interval is needed");
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).toMillis();
            if (out[i] < 1 || (i > 0 && out[i] <= out[i - 1])) {
                throw new IllegalArgumentException("analyzer.intervals must be ascending and >= 1 ms, got " + list);
            }
            if (out[i] % out[0] != 0) {
                throw new IllegalArgumentException("analyzer.intervals must each be a multiple of the first (the "
                        + "trackers' flush interval, " + list.get(0) + "), got " + list);
            }
        }
        return out;
    }
}
