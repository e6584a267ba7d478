package io.sessiongrid.analyzer;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.analyzer.internal.PackedRing;
import io.sessiongrid.analyzer.internal.SampleBatch;
import io.sessiongrid.analyzer.internal.ConnectionKey;
import io.sessiongrid.analyzer.internal.SeriesRing;
import io.sessiongrid.analyzer.internal.SeriesRings;
import io.sessiongrid.analyzer.internal.SeriesUpdate;
import io.sessiongrid.analyzer.internal.ClosedWindows;

/**
 * The analyzer's Compact serializers (type names {@code sessiongrid.analyzer.*}): every value it stores and
 * every object its Jet job passes between members. Register them on members and on clients, once each.
 */
public final class AnalyzerSerialization {
    private AnalyzerSerialization() {
    }

    /** Adds the serializers to {@code serialization}; returns it. */
    public static SerializationConfig register(SerializationConfig serialization) {
        CompactSerializationConfig compact = serialization.getCompactSerializationConfig();
        compact.addSerializer(new ConnectionSample.Serializer())
                .addSerializer(new SeriesPoint.Serializer())
                .addSerializer(new HealthScore.Serializer())
                .addSerializer(new ClusterForecast.Serializer())
                .addSerializer(new ConnectionKey.Serializer())
                .addSerializer(new SampleBatch.Serializer())
                .addSerializer(new SeriesRing.Serializer())
                .addSerializer(new PackedRing.Serializer())
                .addSerializer(new SeriesRings.Serializer())
                .addSerializer(new SeriesUpdate.Serializer())
                .addSerializer(new ClosedWindows.Serializer());
        return serialization;
    }
}
