package io.sessiongrid.analyzer;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * A connection's health score and the parts it is made of (formula: {@link io.sessiongrid.analyzer.score}).
 * Stored in {@value AnalyzerMaps#SCORES}, keyed by session and connection.
 *
 * @param sessionId     the connection's session
 * @param connectionId  the connection
 * @param windowEnd     end of the newest window scored, epoch millis
 * @param score         0-100, higher is a busier and steadier connection
 * @param predictedRate predicted requests per second, averaged over the scaling horizon
 * @param usage         predicted usage mapped to [0, 1)
 * @param churn         probability-like [0, 1] that the connection goes away, from its idle gaps
 * @param decline       [0, 1]: the share of today's level the trend loses over the horizon
 * @param errorRate     smoothed share of failed requests
 * @param closed        the connection was closed (the last score it gets)
 * @param reason        the factor that lowers the score most, in words
 */
public record HealthScore(String sessionId, String connectionId, long windowEnd, int score, double predictedRate,
                          double usage, double churn, double decline, double errorRate, boolean closed,
                          String reason) {

    public static final String TYPE_NAME = "sessiongrid.analyzer.HealthScore";

    /** Compact serializer; SQL sees these field names. */
    public static final class Serializer extends NamedCompactSerializer<HealthScore> {
        public Serializer() {
            super(TYPE_NAME, HealthScore.class);
        }

        @Override
        public HealthScore read(CompactReader in) {
            return new HealthScore(in.readString("sessionId"), in.readString("connectionId"),
                    in.readInt64("windowEnd"), in.readInt32("score"), in.readFloat64("predictedRate"),
                    in.readFloat64("usage"), in.readFloat64("churn"), in.readFloat64("decline"),
                    in.readFloat64("errorRate"), in.readBoolean("closed"), in.readString("reason"));
        }

        @Override
        public void write(CompactWriter out, HealthScore h) {
            out.writeFloat64("churn", h.churn);
            out.writeBoolean("closed", h.closed);
            out.writeString("connectionId", h.connectionId);
            out.writeFloat64("decline", h.decline);
            out.writeFloat64("errorRate", h.errorRate);
            out.writeFloat64("predictedRate", h.predictedRate);
            out.writeString("reason", h.reason);
            out.writeInt32("score", h.score);
            out.writeString("sessionId", h.sessionId);
            out.writeFloat64("usage", h.usage);
            out.writeInt64("windowEnd", h.windowEnd);
        }
    }
}
