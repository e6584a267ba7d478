package io.sessiongrid.analyzer;

import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.analyzer.internal.BufferedConnectionTracker;
import io.sessiongrid.analyzer.internal.HazelcastConnectionAnalyzer;
import io.sessiongrid.analyzer.internal.MapBatchWriter;
import io.sessiongrid.config.AnalyzerConfig;
import io.sessiongrid.config.SessionGridConfigLoader;

/** Creates the analyzer's recording and reading APIs, on members and clients alike. */
public final class Analyzers {
    private Analyzers() {
    }

    /**
     * A tracker that flushes every smallest configured interval into {@code hz}'s cluster. Create one per process
     * and close it on shutdown (the close flushes what is left).
     *
     * @param hz a member (after {@link AnalyzerMaps#configure}) or a client (after
     *           {@link AnalyzerSerialization#register})
     */
    public static ConnectionTracker tracker(HazelcastInstance hz, AnalyzerConfig analyzer) {
        return new BufferedConnectionTracker(new MapBatchWriter(hz), analyzer.intervals().get(0).toMillis(),
                System::currentTimeMillis, true);
    }

    /** The read API over {@code hz}'s cluster, whose analyzer runs with the default intervals. */
    public static ConnectionAnalyzer analyzer(HazelcastInstance hz) {
        return analyzer(hz, SessionGridConfigLoader.defaults().analyzer());
    }

    /** The read API over {@code hz}'s cluster, whose analyzer job runs with {@code analyzer}. */
    public static ConnectionAnalyzer analyzer(HazelcastInstance hz, AnalyzerConfig analyzer) {
        return new HazelcastConnectionAnalyzer(hz, AnalyzerJobs.scoreInterval(analyzer));
    }
}
