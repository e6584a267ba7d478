package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/**
 * The windows of one series closed since its last update, at any interval, in closing order: what the Jet job
 * appends to that series' {@link SeriesRings} in one entry update.
 */
public record SeriesUpdate(ConnectionKey key, ClosedWindows windows) {
    public static final String TYPE_NAME = "sessiongrid.analyzer.SeriesUpdate";

    /** The store's update: appends the windows in place (O(windows)) and returns the same rings. */
    public SeriesRings applyTo(SeriesRings rings, SeriesRings.History history) {
        SeriesRings r = rings == null ? new SeriesRings() : rings;
        windows.appendTo(r, history);
        return r;
    }

    /** Compact serializer (updates travel to the member owning the series when it is not the local one). */
    public static final class Serializer extends NamedCompactSerializer<SeriesUpdate> {
        public Serializer() {
            super(TYPE_NAME, SeriesUpdate.class);
        }

        @Override
        public SeriesUpdate read(CompactReader in) {
            return new SeriesUpdate(in.readCompact("key"), in.readCompact("windows"));
        }

        @Override
        public void write(CompactWriter out, SeriesUpdate u) {
            out.writeCompact("key", u.key);
            out.writeCompact("windows", u.windows);
        }
    }
}
