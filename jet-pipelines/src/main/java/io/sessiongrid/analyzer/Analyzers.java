package io.sessiongrid.analyzer;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.internal.BufferedConnectionTracker;
import io.sessiongrid.analyzer.internal.HazelcastConnectionAnalyzer;
import io.sessiongrid.analyzer.internal.SeasonalSetup;
import io.sessiongrid.analyzer.internal.MapBatchWriter;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.SessionGridConfigLoader;

import io.sessiongrid.time.ExecutorScheduler;
import io.sessiongrid.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Creates the analyzer's recording and reading APIs, on members and clients alike. */
public final class Analyzers {
    private Analyzers() {
    }

    /** A tracker whose flush is scheduled on {@code scheduler}, labelled with {@code clock}'s time. */
    public static ConnectionTracker tracker(HazelcastInstance hz, AnalyzerConfig analyzer, Clock clock,
                                            Scheduler scheduler) {
        return new BufferedConnectionTracker(new MapBatchWriter(hz), analyzer.intervals().get(0).toMillis(),
                clock::millis, Objects.requireNonNull(scheduler, "scheduler"));
    }

    /**
     * A tracker that flushes every smallest configured interval into {@code hz}'s cluster, on the JVM's shared
     * daemon scheduler and the system clock. Create one per process and close it on shutdown (the close flushes
     * what is left). A SessionGrid node makes its own with its clock and scheduler ({@code SessionGrid.connections()}).
     *
     * @param hz a member (after {@link AnalyzerMaps#configure}) or a client (after
     *           {@link AnalyzerSerialization#register})
     */
    public static ConnectionTracker tracker(HazelcastInstance hz, AnalyzerConfig analyzer) {
        return tracker(hz, analyzer, Clock.systemUTC(), ExecutorScheduler.shared());
    }

    /** The read API over {@code hz}'s cluster, whose analyzer runs with the default intervals. */
    public static ConnectionAnalyzer analyzer(HazelcastInstance hz) {
        return analyzer(hz, SessionGridConfigLoader.defaults().analyzer());
    }

    /** The read API over {@code hz}'s cluster, whose analyzer job runs with {@code analyzer}. */
    public static ConnectionAnalyzer analyzer(HazelcastInstance hz, AnalyzerConfig analyzer) {
        // The reader needs only the seasonal forecast's interval and warm-up, not its horizon.
        return new HazelcastConnectionAnalyzer(hz, analyzer.intervals(), AnalyzerJobs.scoreInterval(analyzer),
                SeasonalSetup.of(analyzer, analyzer.historyPoints(), Duration.ZERO));
    }
}
