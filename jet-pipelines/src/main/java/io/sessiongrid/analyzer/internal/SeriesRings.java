package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;
import java.util.List;

/**
 * A connection's or a session's bounded history: one {@link PackedRing} per interval, in ascending interval
 * order, each holding the newest windows of its interval (its own length: a 1 s series needs minutes, a 1 min
 * series hours). Mutable and confined to the partition thread that owns the entry, like {@link PackedRing}.
 */
public final class SeriesRings {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesRings";

    private PackedRing[] rings;

    public SeriesRings() {
        this(new PackedRing[0]);
    }

    private SeriesRings(PackedRing[] rings) {
        this.rings = rings;
    }

    /**
     * The ring of {@code intervalMillis}, created with {@code history.points(intervalMillis)} windows of
     * capacity when new.
     */
    public PackedRing ring(long intervalMillis, History history) {
        for (PackedRing r : rings) {
            if (r.intervalMillis() == intervalMillis) {
                return r;
            }
        }
        PackedRing r = new PackedRing(intervalMillis, history.points(intervalMillis));
        PackedRing[] grown = Arrays.copyOf(rings, rings.length + 1);
        grown[rings.length] = r;
        Arrays.sort(grown, (a, b) -> Long.compare(a.intervalMillis(), b.intervalMillis()));
        rings = grown;
        return r;
    }

    /** Appends {@code p} to the ring of its interval (see {@link PackedRing#append(SeriesPoint)}). */
    public void append(SeriesPoint p, History history) {
        ring(p.intervalMillis(), history).append(p);
    }

    /** The windows at {@code intervalMillis}, oldest first; empty for an interval never seen. */
    public List<SeriesPoint> points(long intervalMillis) {
        for (PackedRing r : rings) {
            if (r.intervalMillis() == intervalMillis) {
                return r.points();
            }
        }
        return List.of();
    }

    /** End of the newest window at any interval, or {@code Long.MIN_VALUE} when empty. */
    public long newestEnd() {
        long end = Long.MIN_VALUE;
        for (PackedRing r : rings) {
            if (r.size() > 0) {
                end = Math.max(end, r.newestStart() + r.intervalMillis());
            }
        }
        return end;
    }

    /** Packed bytes held by all rings (for measurements). */
    public long packedBytes() {
        long bytes = 0;
        for (PackedRing r : rings) {
            bytes += r.packedBytes();
        }
        return bytes;
    }

    /**
     * How many windows a connection's or session's series keeps at each interval: {@code points[i]} at
     * {@code intervals[i]}. Serializable: it travels inside the Jet job's store-update functions.
     */
    public record History(long[] intervals, int[] points) implements java.io.Serializable {
        public History {
            if (intervals.length != points.length) {
                throw new IllegalArgumentException("one history length per interval is needed: " + points.length
                        + " lengths for " + intervals.length + " intervals");
            }
        }

        /** The length for {@code intervalMillis}; the longest interval's for one not configured. */
        public int points(long intervalMillis) {
            for (int i = 0; i < intervals.length; i++) {
                if (intervals[i] == intervalMillis) {
                    return points[i];
                }
            }
            return points[points.length - 1];
        }
    }

    /** Compact serializer: the rings in ascending interval order. */
    public static final class Serializer extends NamedCompactSerializer<SeriesRings> {
        public Serializer() {
            super(TYPE_NAME, SeriesRings.class);
        }

        @Override
        public SeriesRings read(CompactReader in) {
            return new SeriesRings(in.readArrayOfCompact("rings", PackedRing.class));
        }

        @Override
        public void write(CompactWriter out, SeriesRings r) {
            out.writeArrayOfCompact("rings", r.rings);
        }
    }
}
