package io.sessiongrid.node.bench;

import com.hazelcast.map.EntryProcessor;
import io.sessiongrid.analyzer.internal.ConnectionKey;
import io.sessiongrid.analyzer.internal.PackedRing;
import io.sessiongrid.analyzer.internal.SeriesRings;

import java.io.Serializable;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fills a connection's or a session's stored series with the history a production member holds after its
 * first hours, so {@code bench analyzer} measures memory and score refresh at full history without waiting
 * for it. Runs as an entry processor on the partition thread owning the entry, as the analyzer job's own
 * updates do. Each ring gets {@code capacity + one block - 1} windows ending before {@code now}: the most a
 * ring ever holds (it drops its oldest block once the newer ones hold the capacity), so the memory measured
 * is the top of the saw-tooth, not its average.
 *
 * <p>The windows are what the job would write for {@link #connectionsPerSeries} connections driven like the
 * benchmark's live load ({@link #request}): each connection second makes 0, 1 or 2 requests (one on average),
 * each with uniform random request bytes, response bytes and latency, one in 200 failing. Sums over many
 * requests are drawn from their normal approximation.
 */
final class HistoryPrefill implements EntryProcessor<ConnectionKey, SeriesRings, Object>, Serializable {
    static final int BYTES_IN_MIN = 50;
    static final int BYTES_IN_SPAN = 400;
    static final int BYTES_OUT_MIN = 200;
    static final int BYTES_OUT_SPAN = 4800;
    static final int LATENCY_MIN = 100;
    static final int LATENCY_SPAN = 2900;
    static final int ERROR_ONE_IN = 200;
    private static final int EXACT_UP_TO = 2;

    private final SeriesRings.History history;
    private final long now;
    private final int connectionsPerSeries;

    HistoryPrefill(SeriesRings.History history, long now, int connectionsPerSeries) {
        this.history = history;
        this.now = now;
        this.connectionsPerSeries = connectionsPerSeries;
    }

    /** One live request's fields {bytesIn, bytesOut, latencyMicros, error 0/1}, as the live driver makes them. */
    static long[] request(SplittableRandom random) {
        return new long[]{BYTES_IN_MIN + random.nextInt(BYTES_IN_SPAN), BYTES_OUT_MIN + random.nextInt(BYTES_OUT_SPAN),
                LATENCY_MIN + random.nextInt(LATENCY_SPAN), random.nextInt(ERROR_ONE_IN) == 0 ? 1 : 0};
    }

    @Override
    public Object process(Map.Entry<ConnectionKey, SeriesRings> entry) {
        SplittableRandom random = new SplittableRandom(entry.getKey().hashCode() * 31L + now);
        SeriesRings rings = new SeriesRings();
        long[] v = new long[PackedRing.FIELDS];
        for (long interval : history.intervals()) {
            PackedRing ring = rings.ring(interval, history);
            int windows = ring.capacity() + PackedRing.blockPoints(ring.capacity()) - 1;
            long newest = Math.floorDiv(now, interval) * interval - interval;
            long seconds = connectionsPerSeries * interval / 1000;
            for (int k = windows - 1; k >= 0; k--) {
                window(random, seconds, v);
                v[PackedRing.START] = newest - k * interval;
                ring.append(v, 0, null, null);
            }
        }
        entry.setValue(rings);
        return null;
    }

    /** A window of {@code seconds} connection-seconds (samples, one per connection second). */
    private static void window(SplittableRandom random, long seconds, long[] v) {
        java.util.Arrays.fill(v, 0);
        v[PackedRing.SAMPLES] = seconds;
        v[PackedRing.SAMPLE_MILLIS] = seconds * 1000;
        long requests = 0;
        if (seconds <= EXACT_UP_TO) {
            for (int s = 0; s < seconds; s++) {
                requests += random.nextInt(3);
            }
        } else {
            requests = normal(random, seconds, Math.sqrt(seconds * 2.0 / 3));
        }
        v[PackedRing.REQUESTS] = requests;
        if (requests <= EXACT_UP_TO) {
            for (int r = 0; r < requests; r++) {
                long[] q = request(random);
                v[PackedRing.BYTES_IN] += q[0];
                v[PackedRing.BYTES_OUT] += q[1];
                v[PackedRing.LATENCY] += q[2];
                v[PackedRing.ERRORS] += q[3];
            }
        } else {
            double sqrt = Math.sqrt(requests);
            v[PackedRing.BYTES_IN] = normal(random, requests * (BYTES_IN_MIN + BYTES_IN_SPAN / 2.0),
                    sqrt * BYTES_IN_SPAN / Math.sqrt(12));
            v[PackedRing.BYTES_OUT] = normal(random, requests * (BYTES_OUT_MIN + BYTES_OUT_SPAN / 2.0),
                    sqrt * BYTES_OUT_SPAN / Math.sqrt(12));
            v[PackedRing.LATENCY] = normal(random, requests * (LATENCY_MIN + LATENCY_SPAN / 2.0),
                    sqrt * LATENCY_SPAN / Math.sqrt(12));
            double errors = (double) requests / ERROR_ONE_IN;
            v[PackedRing.ERRORS] = normal(random, errors, Math.sqrt(errors));
        }
    }

    private static long normal(SplittableRandom random, double mean, double sd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.max(0, Math.round(mean + sd * g));
    }
}
