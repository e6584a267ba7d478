package io.sessiongrid.analyzer.internal;

import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.analyzer.AnalyzerSerialization;
import io.sessiongrid.analyzer.ClusterForecast;
import io.sessiongrid.analyzer.ConnectionSample;
import io.sessiongrid.analyzer.HealthScore;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.profiler.AppProfile;
import io.sessiongrid.profiler.ProfilerSerialization;
import io.sessiongrid.profiler.Telemetry;
import io.sessiongrid.testkit.CompactBytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The analyzer's and the profiler's Compact types serialize to the bytes Hazelcast's other clients write. */
class AnalyzerCompactBytesTest {
    private final SerializationConfig config =
            ProfilerSerialization.register(AnalyzerSerialization.register(new SerializationConfig()));

    @Test
    void everySerializerWritesHazelcastsCanonicalOrder() {
        SeriesPoint point = new SeriesPoint(1_000, 1_000, 3, 2.0, 1, 0, 40, 1, 4_000, 800, 300, 0,
                new String[] {"GET /cart"}, new long[] {40});
        ConnectionSample sample = new ConnectionSample("conn-1", "s-42", "m1", 1_000, 1_000, 900, 1, 0, 40, 1, 4_000,
                800, 300, new String[] {"GET /cart"}, new long[] {40});
        SeriesRing ring = new SeriesRing(1_000, 4);
        ring.append(point);
        SeriesRings rings = new SeriesRings();
        rings.append(point, new SeriesRings.History(new long[] {1_000}, new int[] {4}));
        PackedRing packed = rings.ring(1_000, new SeriesRings.History(new long[] {1_000}, new int[] {4}));
        CompactBytes.assertCanonical(config, List.of(point, sample,
                new HealthScore("s-42", "conn-1", 5_000, 80, 12.5, 0.4, 0.1, 0.0, 0.02, false, "steady"),
                new ClusterForecast(5_000, 1_000, "holt-winters", 60, 41.0, new double[] {40, 42},
                        new double[] {35, 36}, new double[] {45, 48}, 0.95, 3.1, 250),
                new ConnectionKey("s-42", "conn-1"), ConnectionKey.session("s-42"),
                new SampleBatch("m1", 1_000, 1_000, new ConnectionSample[] {sample}),
                ring, rings, packed, new ClosedWindows(), new SeriesUpdate(ConnectionKey.session("s-42"), new ClosedWindows()),
                new Telemetry("video", 1_000, 4, 0.5, 1 << 30, 10, 20, 1.5, 5),
                new AppProfile("video", 5_000, 5, 4, 0.5, 1e9, 30, 1.5, 5, 5.2, 4.0, 6.5, 0.9, 60_000, "seasonal-naive",
                        12)));
    }

    @Test
    void connectionKeysAreTheBytesTheNodeJsClientWrites() {
        assertEquals(CompactBytes.nodeFixture("ConnectionKey(s-42,conn-1)"),
                CompactBytes.hex(CompactBytes.serialize(config, new ConnectionKey("s-42", "conn-1")), 0));
    }
}
