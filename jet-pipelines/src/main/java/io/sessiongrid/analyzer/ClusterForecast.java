package io.sessiongrid.analyzer;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;

/**
 * The cluster's request-rate forecast over the scaling horizon, refreshed every scoring interval. Stored in
 * {@value AnalyzerMaps#FORECAST} under {@value AnalyzerMaps#CLUSTER_FORECAST_KEY}.
 *
 * @param lastWindowEnd  end of the newest window in the history, epoch millis; step k forecasts the window
 *                       starting at {@code lastWindowEnd + k * intervalMillis}
 * @param intervalMillis the step
 * @param model          the fitted model, as {@link io.sessiongrid.forecast.FittedModel#describe} puts it
 * @param historyPoints  points the model saw
 * @param lastActual     the newest observed request rate (requests per second)
 * @param mean           forecast request rate per step
 * @param lower          lower bounds of the prediction intervals
 * @param upper          upper bounds
 * @param confidence     the intervals' nominal coverage
 * @param lastErrorPct   absolute error of the previous one-step forecast against {@code lastActual}, in percent
 *                       of {@code max(1, lastActual)}; -1 when there was none
 * @param computeMicros  time spent updating the model and forecasting
 */
public record ClusterForecast(long lastWindowEnd, long intervalMillis, String model, int historyPoints,
                              double lastActual, double[] mean, double[] lower, double[] upper, double confidence,
                              double lastErrorPct, long computeMicros) {

    public static final String TYPE_NAME = "sessiongrid.analyzer.ClusterForecast";

    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterForecast f && lastWindowEnd == f.lastWindowEnd && model.equals(f.model)
                && Arrays.equals(mean, f.mean) && Arrays.equals(lower, f.lower) && Arrays.equals(upper, f.upper);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastWindowEnd) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "ClusterForecast[end=" + lastWindowEnd + ", interval=" + intervalMillis + ", model=" + model
                + ", n=" + historyPoints + ", last=" + lastActual + ", mean=" + Arrays.toString(mean) + ", lower="
                + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", errorPct=" + lastErrorPct + "]";
    }

    /** Compact serializer. */
    public static final class Serializer extends NamedCompactSerializer<ClusterForecast> {
        public Serializer() {
            super(TYPE_NAME, ClusterForecast.class);
        }

        @Override
        public ClusterForecast read(CompactReader in) {
            return new ClusterForecast(in.readInt64("lastWindowEnd"), in.readInt64("intervalMillis"),
                    in.readString("model"), in.readInt32("historyPoints"), in.readFloat64("lastActual"),
                    in.readArrayOfFloat64("mean"), in.readArrayOfFloat64("lower"), in.readArrayOfFloat64("upper"),
                    in.readFloat64("confidence"), in.readFloat64("lastErrorPct"), in.readInt64("computeMicros"));
        }

        @Override
        public void write(CompactWriter out, ClusterForecast f) {
            out.writeInt64("computeMicros", f.computeMicros);
            out.writeFloat64("confidence", f.confidence);
            out.writeInt32("historyPoints", f.historyPoints);
            out.writeInt64("intervalMillis", f.intervalMillis);
            out.writeFloat64("lastActual", f.lastActual);
            out.writeFloat64("lastErrorPct", f.lastErrorPct);
            out.writeInt64("lastWindowEnd", f.lastWindowEnd);
            out.writeArrayOfFloat64("lower", f.lower);
            out.writeArrayOfFloat64("mean", f.mean);
            out.writeString("model", f.model);
            out.writeArrayOfFloat64("upper", f.upper);
        }
    }
}
