package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.Arrays;
import java.util.List;

/**
 * A connection's or a session's bounded history: one {@link SeriesRing} per interval, in ascending interval
 * order, each holding the newest {@code capacity} windows. Mutable and confined to the partition thread that
 * owns the entry, like {@link SeriesRing}.
 */
public final class SeriesRings {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesRings";

    private final int capacity;
    private SeriesRing[] rings;

    public SeriesRings(int capacity) {
        this(capacity, new SeriesRing[0]);
    }

    private SeriesRings(int capacity, SeriesRing[] rings) {
        this.capacity = capacity;
        this.rings = rings;
    }

    /** Appends {@code p} to the ring of its interval (see {@link SeriesRing#append}). */
    public void append(SeriesPoint p) {
        ring(p.intervalMillis()).append(p);
    }

    private SeriesRing ring(long intervalMillis) {
        for (SeriesRing r : rings) {
            if (r.intervalMillis() == intervalMillis) {
                return r;
            }
        }
        SeriesRing r = new SeriesRing(intervalMillis, capacity);
        SeriesRing[] grown = Arrays.copyOf(rings, rings.length + 1);
        grown[rings.length] = r;
        Arrays.sort(grown, (a, b) -> Long.compare(a.intervalMillis(), b.intervalMillis()));
        rings = grown;
        return r;
    }

    /** The windows at {@code intervalMillis}, oldest first; empty for an interval never seen. */
    public List<SeriesPoint> points(long intervalMillis) {
        for (SeriesRing r : rings) {
            if (r.intervalMillis() == intervalMillis) {
                return r.points();
            }
        }
        return List.of();
    }

    /** Compact serializer: the rings in ascending interval order. */
    public static final class Serializer extends NamedCompactSerializer<SeriesRings> {
        public Serializer() {
            super(TYPE_NAME, SeriesRings.class);
        }

        @Override
        public SeriesRings read(CompactReader in) {
            return new SeriesRings(in.readInt32("capacity"), in.readArrayOfCompact("rings", SeriesRing.class));
        }

        @Override
        public void write(CompactWriter out, SeriesRings r) {
            out.writeInt32("capacity", r.capacity);
            out.writeArrayOfCompact("rings", r.rings);
        }
    }
}
