package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.score.ConnectionHealth;
import io.sessiongrid.config.compact.NamedCompactSerializer;

/** Compact form of a connection's score state, for the Jet job's snapshots. */
public final class ConnectionHealthSerializer extends NamedCompactSerializer<ConnectionHealth> {
    public static final String TYPE_NAME = "sessiongrid.analyzer.ConnectionHealth";

    public ConnectionHealthSerializer() {
        super(TYPE_NAME, ConnectionHealth.class);
    }

    @Override
    public ConnectionHealth read(CompactReader in) {
        return ConnectionHealth.restore(in.readInt64("lastWindowStart"), in.readInt64("observations"),
                in.readInt32("idleStreak"), in.readFloat64("meanGap"), in.readInt32("gaps"),
                in.readFloat64("errorRate"), in.readBoolean("closed"), in.readArrayOfFloat64("forecaster"));
    }

    @Override
    public void write(CompactWriter out, ConnectionHealth h) {
        out.writeInt64("lastWindowStart", h.lastWindowStart());
        out.writeInt64("observations", h.observations());
        out.writeInt32("idleStreak", h.idleStreak());
        out.writeFloat64("meanGap", h.meanGap());
        out.writeInt32("gaps", h.gaps());
        out.writeFloat64("errorRate", h.errorRate());
        out.writeBoolean("closed", h.closed());
        out.writeArrayOfFloat64("forecaster", h.forecasterState());
    }
}
